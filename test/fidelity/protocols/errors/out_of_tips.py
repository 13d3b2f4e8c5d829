metadata = {'protocolName': 'Plate stamp (runs out of tips)', 'author': 'QA', 'apiLevel': '2.11'}


def run(ctx):
    tips = ctx.load_labware('opentrons_96_tiprack_20ul', 1)
    plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
    p20 = ctx.load_instrument('p20_single_gen2', 'left', tip_racks=[tips])
    p20.starting_tip = tips['H12']
    for well in plate.wells()[:2]:
        p20.pick_up_tip()
        p20.aspirate(5, well)
        p20.drop_tip()
