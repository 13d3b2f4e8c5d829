metadata = {'protocolName': 'has_tip before 2.7', 'author': 'QA', 'apiLevel': '2.6'}


def run(ctx):
    tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
    p300 = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
    p300.pick_up_tip()
    if p300.has_tip:
        p300.drop_tip()
