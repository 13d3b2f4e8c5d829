"""PCR setup on the thermocycler with a cold reagent block, then cycling."""
from opentrons import protocol_api

metadata = {
    'protocolName': 'PCR Setup and Cycling',
    'author': 'Molecular Biology Team',
    'source': 'Protocol Library (adapted)',
    'apiLevel': '2.10',
}

NUM_SAMPLES = 8


def run(ctx: protocol_api.ProtocolContext):
    tc = ctx.load_module('thermocycler')
    tc_plate = tc.load_labware('nest_96_wellplate_100ul_pcr_full_skirt')
    temp = ctx.load_module('temperature module gen2', 3)
    block = temp.load_labware('opentrons_24_aluminumblock_nest_1.5ml_snapcap', 'Reagent block')
    tips20 = ctx.load_labware('opentrons_96_tiprack_20ul', 1)
    tips300 = ctx.load_labware('opentrons_96_tiprack_300ul', 2)
    p20 = ctx.load_instrument('p20_single_gen2', 'left', tip_racks=[tips20])
    p300 = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips300])

    if not ctx._hw_manager.hardware.is_simulator:
        ctx._hw_manager.hardware.set_lights(rails=True)
    ctx.set_rail_lights(True)
    ctx.comment('Rail lights on: {}'.format(ctx.rail_lights_on))

    mastermix = block['A1']
    templates = block.wells()[1:4]
    wells = tc_plate.wells()[:NUM_SAMPLES]

    temp.start_set_temperature(4)
    temp.await_temperature(4)
    ctx.comment('Block status: ' + temp.status)
    if tc.lid_position != 'open':
        tc.open_lid()
    tc.set_block_temperature(4)
    tc.set_lid_temperature(105)

    p300.distribute(18, mastermix, wells, disposal_volume=10, blow_out=True,
                    blowout_location='source well')
    p20.transfer(2, templates, wells[:3], mix_after=(3, 10), new_tip='always', touch_tip=True)
    p20.pick_up_tip()
    p20.consolidate([5, 5, 0], wells[3:6], block['D6'], new_tip='never', blow_out=True,
                    blowout_location='destination well')
    p20.drop_tip()

    tc.close_lid()
    tc.execute_profile(steps=[{'temperature': 95, 'hold_time_seconds': 30}], repetitions=1,
                       block_max_volume=20)
    profile = [
        {'temperature': 95, 'hold_time_seconds': 10},
        {'temperature': 57, 'hold_time_seconds': 30},
        {'temperature': 72, 'hold_time_minutes': 1.0},
    ]
    tc.execute_profile(steps=profile, repetitions=30, block_max_volume=20)
    tc.set_block_temperature(72, hold_time_minutes=5)
    tc.set_block_temperature(4, hold_time_seconds=30.5)
    tc.deactivate_lid()
    tc.open_lid()
    tc.deactivate_block()
    temp.deactivate()
    if ctx.is_simulating():
        ctx.comment('Simulation finished')
    ctx.set_rail_lights(False)
