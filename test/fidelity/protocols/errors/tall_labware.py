metadata = {'protocolName': 'Tall custom labware', 'author': 'QA', 'apiLevel': '2.11'}


def run(ctx):
    tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
    tower = ctx.load_labware('examplelabs_1_tower_160mm', 2)
    p300 = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
    p300.pick_up_tip()
    p300.aspirate(100, tower['A1'])
