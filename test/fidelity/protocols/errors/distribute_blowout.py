"""distribute() refuses a blow-out into the destination before it hands over to transfer(): the
run log keeps the Distributing header alone."""
metadata = {'protocolName': 'Distribute blow-out', 'author': 'QA', 'apiLevel': '2.11'}


def run(ctx):
    tips = ctx.load_labware('opentrons_96_tiprack_20ul', 1)
    tc = ctx.load_module('thermocycler')
    pcr = tc.load_labware('nest_96_wellplate_100ul_pcr_full_skirt')
    reservoir = ctx.load_labware('nest_12_reservoir_15ml', 2)
    p20 = ctx.load_instrument('p20_single_gen2', 'left', tip_racks=[tips])
    dest = pcr.columns()[0]
    p20.distribute(5, reservoir['A1'], dest, blow_out=True, blowout_location='destination well')
