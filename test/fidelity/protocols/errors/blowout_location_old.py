metadata = {'protocolName': 'blowout_location at 2.7', 'author': 'QA', 'apiLevel': '2.7'}


def run(ctx):
    tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
    plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
    p300 = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
    p300.transfer(50, plate['A1'], plate['A2'], blow_out=True, blowout_location='trash')
