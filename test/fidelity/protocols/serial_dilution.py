"""Serial dilution with standards: a typical single-channel plate-prep protocol."""
from opentrons import protocol_api
from opentrons.types import Point

metadata = {
    'protocolName': 'Serial Dilution and Standards',
    'author': 'Lab Automation <automation@example.org>',
    'description': 'Diluent fill, 1:2 dilution series, standards, large-volume carryover',
    'apiLevel': '2.11',
}


def run(ctx: protocol_api.ProtocolContext):
    tips = [ctx.load_labware('opentrons_96_tiprack_300ul', slot) for slot in ['1', '4']]
    res = ctx.load_labware('nest_12_reservoir_15ml', 2, 'Diluent reservoir')
    plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 3)
    p300 = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=tips)

    diluent = res.wells_by_name()['A1']

    # 1. diluent into A2-A4 (distribute: default disposal volume = min volume)
    p300.distribute(100, diluent, plate.rows()[0][1:4])

    # 2. 1:2 dilution along row B, mixing, touching and blowing out in the destination
    p300.transfer(100, plate.rows()[1][:3], plate.rows()[1][1:4], mix_after=(3, 50),
                  touch_tip=True, blow_out=True, blowout_location='destination well')

    # 3. a large volume: split into 300 + 200 + 200, a new tip each, returned to the rack
    p300.transfer(700, res['A2'], plate['C1'], new_tip='always', trash=False)

    # 4. standards: a list of volumes with an air gap
    p300.transfer([20, 40, 60], res['A3'], [plate['D1'], plate['D2'], plate['D3']],
                  air_gap=10)

    # 5. a disposal volume in transfer mode only lowers the split limit; blow-out to the trash
    p300.transfer(50, res['A4'], plate.columns()[4][:2], disposal_volume=10, blow_out=True)

    # 6. building blocks with modified flow rates
    p300.flow_rate.aspirate = 50
    p300.flow_rate.dispense = 150
    p300.flow_rate.blow_out = 200
    p300.pick_up_tip()
    p300.aspirate(150, res['A5'].bottom(2), rate=0.5)
    ctx.comment('in tip: ' + str(p300.current_volume))
    p300.dispense(75, plate['E1'].top(-2))
    p300.dispense(location=plate['E2'].bottom().move(Point(1, 0, 0.5)))
    p300.blow_out()
    p300.touch_tip(plate['E2'], radius=0.8, v_offset=-2, speed=40)
    p300.move_to(plate['E2'].top(10))
    ctx.comment('tip attached: {}, volume: {}'.format(p300.has_tip, p300.current_volume))
    p300.drop_tip()
    ctx.comment('pipette max {} uL, well max {} uL'.format(p300.max_volume, plate['A1'].max_volume))
    ctx.comment('slots in use: ' + ', '.join(str(s) for s in sorted(ctx.loaded_labwares)))
