// serial_dilution.py (apiLevel 2.11, P300 GEN2: 92.86 µL/s from 2.6), derived from spec §8 and §10.
import { airGap, asp, at, blow, blowTrash, disp, dropTrash, mix, pick, returnTip, times, TOUCH } from '../dsl.ts';

const R = 92.86;
const rack1 = (w: string) => `${w} of Opentrons 96 Tip Rack 300 µL on 1`;
const res = (w: string) => `${w} of Diluent reservoir on 2`;
const pl = (w: string) => `${w} of Corning 96 Well Plate 360 µL Flat on 3`;

export const runLog: string[] = [
  // distribute(100, A1, [A2, A3, A4]): disposal = min volume 20; groups while sum + 20 + next ≤ 300
  `Distributing 100.0 from ${res('A1')} to ${pl('A2')}`,
  ...at(1, [`Transferring 100.0 from ${res('A1')} to ${pl('A2')}`]),
  ...at(2, [
    pick(rack1('A1')),
    asp(220, res('A1'), R),
    disp(100, pl('A2'), R),
    disp(100, pl('A3'), R),
    blowTrash, // the disposal volume goes to the trash
    asp(120, res('A1'), R),
    disp(100, pl('A4'), R),
    blowTrash,
    dropTrash,
  ]),
  // transfer with mix_after, touch_tip and blow-out into the destination (one tip, 'once')
  `Transferring 100.0 from ${pl('B1')} to ${pl('B2')}`,
  ...at(1, [pick(rack1('B1'))]),
  ...times(3, (i) => {
    const [src, dst] = [pl(`B${i + 1}`), pl(`B${i + 2}`)];
    return [
      ...at(1, [asp(100, src, R), TOUCH, disp(100, dst, R)]),
      ...mix(1, 3, 50, dst, R, R),
      ...at(1, [TOUCH, blow(dst)]),
    ];
  }),
  ...at(1, [dropTrash]),
  // 700 µL split into 300, 200, 200; new tip each; trash=False returns them (not reused from 2.2)
  `Transferring 700.0 from ${res('A2')} to ${pl('C1')}`,
  ...times(3, (i) => {
    const tip = rack1(['C1', 'D1', 'E1'][i]);
    const v = [300, 200, 200][i];
    return [...at(1, [pick(tip), asp(v, res('A2'), R), disp(v, pl('C1'), R)]), ...returnTip(1, tip)];
  }),
  // a list of volumes with an air gap: dispense volume + air gap
  `Transferring [20.0, 40.0, 60.0] from ${res('A3')} to ${pl('D1')}`,
  ...at(1, [pick(rack1('F1'))]),
  ...times(3, (i) => {
    const v = [20, 40, 60][i];
    return [...at(1, [asp(v, res('A3'), R)]), ...airGap(1, 10, res('A3'), R), ...at(1, [disp(v + 10, pl(`D${i + 1}`), R)])];
  }),
  ...at(1, [dropTrash]),
  // transfer mode never adds the disposal volume to the aspirate; blow_out=True → trash
  `Transferring 50.0 from ${res('A4')} to ${pl('A5')}`,
  ...at(1, [
    pick(rack1('G1')),
    asp(50, res('A4'), R),
    disp(50, pl('A5'), R),
    blowTrash,
    asp(50, res('A4'), R),
    disp(50, pl('B5'), R),
    blowTrash,
    dropTrash,
  ]),
  // building blocks after flow-rate changes (aspirate 50, dispense 150); rate=0.5 → 25.0
  pick(rack1('H1')),
  asp(150, res('A5'), 25),
  'in tip: 150', // current_volume stays an int when only ints were used
  disp(75, pl('E1'), 150),
  disp(75, pl('E2'), 150), // dispense(location=...) dispenses the current volume
  blow(pl('E2')), // blow_out() with no location: the cached well
  TOUCH,
  `Moving to ${pl('E2')}`,
  'tip attached: True, volume: 0',
  dropTrash,
  'pipette max 300 uL, well max 360 uL',
  'slots in use: 1, 2, 3, 4, 12',
];

export const equipment = {
  pipettes: [{ mount: 'right', requestedAs: 'p300_single_gen2', pipetteName: 'p300_single_gen2', channels: 1 }],
  labware: [
    { label: 'opentrons_96_tiprack_300ul', uri: 'opentrons/opentrons_96_tiprack_300ul/1', location: 1 },
    { label: 'Diluent reservoir', uri: 'opentrons/nest_12_reservoir_15ml/1', location: 2 },
    { label: 'corning_96_wellplate_360ul_flat', uri: 'opentrons/corning_96_wellplate_360ul_flat/1', location: 3 },
    { label: 'opentrons_96_tiprack_300ul', uri: 'opentrons/opentrons_96_tiprack_300ul/1', location: 4 },
    { label: 'opentrons_1_trash_1100ml_fixed', uri: 'opentrons/opentrons_1_trash_1100ml_fixed/1', location: 12 },
  ],
  modules: [],
};

