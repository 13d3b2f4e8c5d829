"""An older ELISA plate-prep protocol written for API 2.0 with GEN1 hardware."""
from opentrons import protocol_api

metadata = {
    'protocolName': 'ELISA Plate Prep (legacy)',
    'author': 'Immunology Lab',
    'apiLevel': '2.0',
}


def run(protocol):
    magdeck = protocol.load_module('magdeck', 1)
    mag_plate = magdeck.load_labware('biorad_96_wellplate_200ul_pcr', 'Capture Plate')
    tempdeck = protocol.load_module('tempdeck', 4)
    cold_plate = tempdeck.load_labware('opentrons_96_aluminumblock_biorad_wellplate_200ul')
    tiprack = protocol.load_labware('opentrons_96_tiprack_300ul', 2)
    tiprack20 = protocol.load_labware('opentrons_96_tiprack_20ul', 5)
    trough = protocol.load_labware('usascientific_12_reservoir_22ml', 3)
    p300 = protocol.load_instrument('p300_single', 'left', tip_racks=[tiprack])
    p20 = protocol.load_instrument('p20_single_gen2', 'right', tip_racks=[tiprack20])

    tempdeck.set_temperature(8)
    protocol.home()

    # a tip dropped back into its rack below 2.2 goes back into the tracker and is used again
    p300.pick_up_tip()
    p300.aspirate(100, trough['A1'])
    p300.dispense(100, mag_plate['A1'])
    p300.drop_tip(tiprack['A1'])
    p300.pick_up_tip()
    p300.transfer(50, trough['A2'], [mag_plate.wells_by_name()[n] for n in ('B1', 'C1')],
                  new_tip='never', touch_tip=True)
    p300.return_tip()
    p300.pick_up_tip()
    p300.home()
    p300.drop_tip()

    # GEN2 single-channel flow rates are not doubled below 2.6
    p20.transfer(10, cold_plate.columns()[0][:2], cold_plate.columns()[1][:2], trash=False)

    magdeck.engage(height_from_base=3)
    magdeck.engage()
    protocol.delay(seconds=90)
    magdeck.disengage()
    tempdeck.deactivate()
    protocol.comment('Done: {} and {}'.format(magdeck.labware.name, cold_plate.parent))
