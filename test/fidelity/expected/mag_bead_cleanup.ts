// mag_bead_cleanup.py (apiLevel 2.9, P300 8-channel GEN2 on the left; flow rates set to 60 / 120).
import { airGap, asp, at, blow, disp, dropTrash, mix, pick, returnTip, times } from '../dsl.ts';

const A = 60;
const D = 120;
const rack5 = (w: string) => `${w} of Opentrons 96 Filter Tip Rack 200 µL on 5`;
const rack6 = (w: string) => `${w} of Opentrons 96 Filter Tip Rack 200 µL on 6`;
const res = (w: string) => `${w} of NEST 12 Well Reservoir 15 mL on 2`;
const smp = (w: string) => `${w} of Sample Plate on Magnetic Module GEN2 on 4`;
const elu = (w: string) => `${w} of Elution Plate on 1`;
const WASTE = 'A1 of NEST 1 Well Reservoir 195 mL on 3';

const washRound = (tips: string[]): string[] =>
  times(3, (i) => {
    const src = res(['A2', 'A3'][i % 2]);
    return [
      pick(rack5(tips[i])),
      `Transferring 150.0 from ${src} to ${smp(`A${i + 1}`)}`,
      // new_tip='never': no tip handling inside; the air gap is aspirated above the source
      ...at(1, [asp(150, src, A)]),
      ...airGap(1, 20, src, A),
      ...at(1, [disp(170, smp(`A${i + 1}`), D)]),
      ...returnTip(0, rack5(tips[i])),
    ];
  });

export const runLog: string[] = [
  // bind
  ...times(3, (i) => [
    pick(rack5(`A${i + 1}`)),
    ...mix(0, 5, 100, res('A1'), A, D),
    asp(36, res('A1'), A),
    disp(36, smp(`A${i + 1}`), D),
    ...mix(0, 10, 50, smp(`A${i + 1}`), A, D),
    blow(smp(`A${i + 1}`)),
    dropTrash,
  ]),
  'Delaying for 5 minutes and 0.0 seconds. Incubating at room temperature',
  'Engaging Magnetic Module',
  'Magnet engaged',
  'Delaying for 2 minutes and 0.0 seconds',
  // supernatant: rate 0.5 → 30.0; blow_out() in place; air gap above the waste reservoir
  ...times(3, (i) => [
    pick(rack5(`A${i + 4}`)),
    asp(80, smp(`A${i + 1}`), 30),
    disp(80, WASTE, D),
    blow(WASTE),
    ...airGap(0, 20, WASTE, A),
    dropTrash,
  ]),
  // washes: the parked tips A7–A9 are picked up again explicitly in the second round
  ...washRound(['A7', 'A8', 'A9']),
  'Engaging Magnetic Module',
  ...washRound(['A7', 'A8', 'A9']),
  'Engaging Magnetic Module',
  'Disengaging Magnetic Module',
  'Pausing robot operation: Let the beads dry, then press resume',
  // elution: reset_tipracks, then starting_tip = A3 of the second rack; new tip per column
  `Transferring 50.0 from ${res('A4')} to ${smp('A1')}`,
  ...times(3, (i) => [
    ...at(1, [pick(rack6(`A${i + 3}`)), asp(50, res('A4'), A), disp(50, smp(`A${i + 1}`), D)]),
    ...mix(1, 5, 40, smp(`A${i + 1}`), A, D),
    ...at(1, [dropTrash]),
  ]),
  'Engaging Magnetic Module',
  'Delaying for 1 minutes and 0.0 seconds',
  // columns flattened, then only the first row is kept for an 8-channel pipette
  `Transferring 45.0 from ${smp('A1')} to ${elu('A1')}`,
  ...times(3, (i) => at(1, [pick(rack6(`A${i + 6}`)), asp(45, smp(`A${i + 1}`), A), disp(45, elu(`A${i + 1}`), D), dropTrash])),
  'Disengaging Magnetic Module',
  '8 channels, tip: False',
];

export const equipment = {
  pipettes: [{ mount: 'left', requestedAs: 'p300_multi_gen2', pipetteName: 'p300_multi_gen2', channels: 8 }],
  labware: [
    { label: 'Elution Plate', uri: 'opentrons/biorad_96_wellplate_200ul_pcr/1', location: 1 },
    { label: 'nest_12_reservoir_15ml', uri: 'opentrons/nest_12_reservoir_15ml/1', location: 2 },
    { label: 'nest_1_reservoir_195ml', uri: 'opentrons/nest_1_reservoir_195ml/1', location: 3 },
    { label: 'Sample Plate', uri: 'opentrons/nest_96_wellplate_2ml_deep/1', location: 4 },
    { label: 'opentrons_96_filtertiprack_200ul', uri: 'opentrons/opentrons_96_filtertiprack_200ul/1', location: 5 },
    { label: 'opentrons_96_filtertiprack_200ul', uri: 'opentrons/opentrons_96_filtertiprack_200ul/1', location: 6 },
    { label: 'opentrons_1_trash_1100ml_fixed', uri: 'opentrons/opentrons_1_trash_1100ml_fixed/1', location: 12 },
  ],
  modules: [{ type: 'magneticModuleType', model: 'magneticModuleV2', location: 4 }],
};
