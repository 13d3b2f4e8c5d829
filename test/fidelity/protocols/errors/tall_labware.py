metadata = {'protocolName': 'Tall custom labware', 'author': 'QA', 'apiLevel': '2.11'}


def run(ctx):
    tips = ctx.load_labware('opentrons_96_tiprack_20ul', 1)
    p20 = ctx.load_instrument('p20_single_gen2', 'right', tip_racks=[tips])
    p20.pick_up_tip()
    tower = ctx.load_labware('examplelabs_1_tower_160mm', 2)
    p20.aspirate(10, tower['A1'])
