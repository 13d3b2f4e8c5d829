// legacy_gen1.py (apiLevel 2.0): GEN1 module names without "GEN1", GEN1 P300 (150/300 µL/s),
// P20 GEN2 at the pre-2.6 rate 3.78, tips dropped into a rack go back into the tracker (< 2.2).
import { asp, at, disp, drop, dropTrash, pick, returnTip, TOUCH } from '../dsl.ts';

const rack = (w: string) => `${w} of Opentrons 96 Tip Rack 300 µL on 2`;
const rack20 = (w: string) => `${w} of Opentrons 96 Tip Rack 20 µL on 5`;
const trough = (w: string) => `${w} of USA Scientific 12 Well Reservoir 22 mL on 3`;
const cap = (w: string) => `${w} of Capture Plate on Magnetic Module on 1`;
const cold = (w: string) => `${w} of Opentrons 96 Well Aluminum Block with Bio-Rad Well Plate 200 µL on Temperature Module on 4`;

export const runLog: string[] = [
  'Setting Temperature Module temperature to 8.0 °C (rounded off to nearest integer)',
  pick(rack('A1')),
  asp(100, trough('A1'), 150),
  disp(100, cap('A1'), 300),
  drop(rack('A1')),
  pick(rack('A1')), // the dropped tip is available again below 2.2
  `Transferring 50.0 from ${trough('A2')} to ${cap('B1')}`,
  // touch_tip logs even in a reservoir (touchTipDisabled: nothing moves)
  ...at(1, [asp(50, trough('A2'), 150), TOUCH, disp(50, cap('B1'), 300), TOUCH]),
  ...at(1, [asp(50, trough('A2'), 150), TOUCH, disp(50, cap('C1'), 300), TOUCH]),
  ...returnTip(0, rack('A1')),
  pick(rack('A1')), // returned below 2.2: reused as well
  'Homing pipette plunger on mount left',
  dropTrash,
  `Transferring 10.0 from ${cold('A1')} to ${cold('A2')}`,
  ...at(1, [pick(rack20('A1')), asp(10, cold('A1'), 3.78), disp(10, cold('A2'), 3.78), asp(10, cold('B1'), 3.78), disp(10, cold('B2'), 3.78)]),
  ...returnTip(1, rack20('A1')),
  // height_from_base is ignored below 2.2 and the default height is not converted below 2.3
  'Engaging Magnetic Module',
  'Engaging Magnetic Module',
  'Delaying for 1 minutes and 30.0 seconds',
  'Disengaging Magnetic Module',
  'Deactivating Temperature Module',
  'Done: Capture Plate and Temperature Module on 4',
];

export const equipment = {
  pipettes: [
    { mount: 'left', requestedAs: 'p300_single', pipetteName: 'p300_single', channels: 1 },
    { mount: 'right', requestedAs: 'p20_single_gen2', pipetteName: 'p20_single_gen2', channels: 1 },
  ],
  labware: [
    { label: 'Capture Plate', uri: 'opentrons/biorad_96_wellplate_200ul_pcr/1', location: 1 },
    { label: 'opentrons_96_tiprack_300ul', uri: 'opentrons/opentrons_96_tiprack_300ul/1', location: 2 },
    { label: 'usascientific_12_reservoir_22ml', uri: 'opentrons/usascientific_12_reservoir_22ml/1', location: 3 },
    {
      label: 'opentrons_96_aluminumblock_biorad_wellplate_200ul',
      uri: 'opentrons/opentrons_96_aluminumblock_biorad_wellplate_200ul/1',
      location: 4,
    },
    { label: 'opentrons_96_tiprack_20ul', uri: 'opentrons/opentrons_96_tiprack_20ul/1', location: 5 },
    { label: 'opentrons_1_trash_1100ml_fixed', uri: 'opentrons/opentrons_1_trash_1100ml_fixed/1', location: 12 },
  ],
  modules: [
    { type: 'magneticModuleType', model: 'magneticModuleV1', location: 1 },
    { type: 'temperatureModuleType', model: 'temperatureModuleV1', location: 4 },
  ],
};
