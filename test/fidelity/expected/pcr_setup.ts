// pcr_setup.py (apiLevel 2.10): P20 GEN2 left (7.56 µL/s), P300 GEN2 right (92.86 µL/s),
// thermocycler in 7 (starts open in simulation), temperature module GEN2 in 3.
import { asp, at, blow, disp, dropTrash, mix, pick, times, TOUCH } from '../dsl.ts';

const P20 = 7.56;
const P300 = 92.86;
const blk = (w: string) => `${w} of Reagent block on Temperature Module GEN2 on 3`;
const tc = (w: string) => `${w} of NEST 96 Well Plate 100 µL PCR Full Skirt on Thermocycler Module on 7`;
const r20 = (w: string) => `${w} of Opentrons 96 Tip Rack 20 µL on 1`;
const r300 = (w: string) => `${w} of Opentrons 96 Tip Rack 300 µL on 2`;
const COLUMN = ['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1', 'H1'];
// Lid moves: the first loaded pipette (left: P20, no tip) moves above the trash at its Z home
// height: 218 (mount home) + 10.45 (P20 GEN2 nozzle offset).
const LID_MOVE = '\tMoving to (347.84000000000003, 351.5, 228.45)';

export const runLog: string[] = [
  'Rail lights on: True',
  'Setting Temperature Module temperature to 4.0 °C (rounded off to nearest integer)',
  'Waiting for Temperature Module to reach temperature 4.0 °C (rounded off to nearest integer)',
  'Block status: holding at target',
  'Setting Thermocycler well block temperature to 4.0 °C',
  'Setting Thermocycler lid temperature to 105.0 °C',
  // distribute 8 × 18 with disposal 10 in one group (144 + 10 ≤ 300); blow-out to the source
  `Distributing 18.0 from ${blk('A1')} to ${tc('A1')}`,
  ...at(1, [`Transferring 18.0 from ${blk('A1')} to ${tc('A1')}`]),
  ...at(2, [pick(r300('A1')), asp(154, blk('A1'), P300), ...COLUMN.map((w) => disp(18, tc(w), P300)), blow(blk('A1')), dropTrash]),
  // templates: new tip each, touch tip after aspirate and after dispense, mix after
  `Transferring 2.0 from ${blk('B1')} to ${tc('A1')}`,
  ...times(3, (i) => [
    ...at(1, [pick(r20(COLUMN[i])), asp(2, blk(['B1', 'C1', 'D1'][i]), P20), TOUCH, disp(2, tc(COLUMN[i]), P20)]),
    ...mix(1, 3, 10, tc(COLUMN[i]), P20, P20),
    ...at(1, [TOUCH, dropTrash]),
  ]),
  pick(r20('D1')),
  // consolidate, zero volume skipped (2.8+), one group of 5 + 5, blow-out into the destination
  `Consolidating [5.0, 5.0, 0.0] from ${tc('D1')} to ${blk('D6')}`,
  ...at(1, [`Transferring [5.0, 5.0, 0.0] from ${tc('D1')} to ${blk('D6')}`]),
  ...at(2, [asp(5, tc('D1'), P20), asp(5, tc('E1'), P20), disp(10, blk('D6'), P20), blow(blk('D6'))]),
  dropTrash,
  'Closing Thermocycler lid',
  LID_MOVE,
  "Thermocycler starting 1 repetitions of cycle composed of the following steps: [{'temperature': 95, 'hold_time_seconds': 30}]",
  'Thermocycler starting 30 repetitions of cycle composed of the following steps: ' +
    "[{'temperature': 95, 'hold_time_seconds': 10}, {'temperature': 57, 'hold_time_seconds': 30}, {'temperature': 72, 'hold_time_minutes': 1.0}]",
  // hold suffix: total = 300 (int) → m = 5.0 (true division), s = 0 (int)
  'Setting Thermocycler well block temperature to 72.0 °C with a hold time of 5.0 minutes and 0 seconds',
  'Setting Thermocycler well block temperature to 4.0 °C with a hold time of 30.5 seconds',
  'Deactivating Thermocycler lid heating',
  'Opening Thermocycler lid',
  LID_MOVE,
  'Deactivating Thermocycler well block heating',
  'Deactivating Temperature Module',
  'Simulation finished',
];

export const equipment = {
  pipettes: [
    { mount: 'left', requestedAs: 'p20_single_gen2', pipetteName: 'p20_single_gen2', channels: 1 },
    { mount: 'right', requestedAs: 'p300_single_gen2', pipetteName: 'p300_single_gen2', channels: 1 },
  ],
  labware: [
    { label: 'opentrons_96_tiprack_20ul', uri: 'opentrons/opentrons_96_tiprack_20ul/1', location: 1 },
    { label: 'opentrons_96_tiprack_300ul', uri: 'opentrons/opentrons_96_tiprack_300ul/1', location: 2 },
    { label: 'Reagent block', uri: 'opentrons/opentrons_24_aluminumblock_nest_1.5ml_snapcap/1', location: 3 },
    { label: 'nest_96_wellplate_100ul_pcr_full_skirt', uri: 'opentrons/nest_96_wellplate_100ul_pcr_full_skirt/1', location: 7 },
    { label: 'opentrons_1_trash_1100ml_fixed', uri: 'opentrons/opentrons_1_trash_1100ml_fixed/1', location: 12 },
  ],
  modules: [
    { type: 'temperatureModuleType', model: 'temperatureModuleV2', location: 3 },
    { type: 'thermocyclerModuleType', model: 'thermocyclerModuleV1', location: 7 },
  ],
};
