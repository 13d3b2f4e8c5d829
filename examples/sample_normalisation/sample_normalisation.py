"""Normalises a chosen number of samples into a plate of a chosen type; a dry run returns the
tips. Its runtime parameters (apiLevel 2.18) let a lab analyse and run it with its own values:
`labwright analyze sample_normalisation.py --rtp sample_count=3 --rtp dry_run=true`."""
from opentrons import protocol_api

metadata = {'protocolName': 'Sample normalisation', 'author': 'Labwright'}
requirements = {'robotType': 'OT-2', 'apiLevel': '2.18'}


def add_parameters(parameters):
    parameters.add_int(display_name='Sample count', variable_name='sample_count', default=2,
                       minimum=1, maximum=24, description='Samples to normalise', unit='samples')
    parameters.add_bool(display_name='Dry run', variable_name='dry_run', default=False,
                        description='Return the tips instead of dropping them')
    parameters.add_str(display_name='Plate type', variable_name='plate_type',
                       default='corning_96_wellplate_360ul_flat',
                       choices=[{'display_name': 'Corning 96 flat', 'value': 'corning_96_wellplate_360ul_flat'},
                                {'display_name': 'NEST 96 PCR', 'value': 'nest_96_wellplate_100ul_pcr_full_skirt'}])


def run(ctx: protocol_api.ProtocolContext):
    tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
    reservoir = ctx.load_labware('nest_12_reservoir_15ml', 2)
    plate = ctx.load_labware(ctx.params.plate_type, 3)
    p300 = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
    ctx.comment('Normalising ' + str(ctx.params.sample_count) + ' samples')
    for well in plate.wells()[:ctx.params.sample_count]:
        p300.pick_up_tip()
        p300.aspirate(50, reservoir['A1'])
        p300.dispense(50, well)
        if ctx.params.dry_run:
            p300.return_tip()
        else:
            p300.drop_tip()
