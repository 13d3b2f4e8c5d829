"""A thermocycler in the semi configuration (2.4+): the plate's first two columns are out of reach."""
metadata = {'protocolName': 'Semi-skirted thermocycler', 'author': 'QA', 'apiLevel': '2.4'}


def run(ctx):
    tc = ctx.load_module('thermocycler', configuration='semi')
    plate = tc.load_labware('nest_96_wellplate_100ul_pcr_full_skirt', 'PCR plate')
    reservoir = ctx.load_labware('nest_12_reservoir_15ml', 8)
    tips = ctx.load_labware('opentrons_96_tiprack_20ul', 1)
    p20 = ctx.load_instrument('p20_single_gen2', 'left', tip_racks=[tips])
    ctx.comment('First well: {}, columns: {}'.format(plate.wells()[0].well_name, len(plate.columns())))
    p20.transfer(5, reservoir['A1'], plate.columns()[0][:2])
    p20.pick_up_tip()
    p20.aspirate(5, plate['A1'])
