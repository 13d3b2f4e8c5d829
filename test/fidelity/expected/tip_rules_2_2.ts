// tip_rules_2_2.py (apiLevel 2.2): P300 GEN2 at the pre-2.6 rate 46.43. From 2.2 a tip dropped
// into (or returned to) a rack well is not put back into the tracker, so pick-ups move on.
import { asp, disp, drop, dropTrash, pick, returnTip } from '../dsl.ts';

const rack = (w: string) => `${w} of Opentrons 96 Tip Rack 300 µL on 1`;
const pl = (w: string) => `${w} of Corning 96 Well Plate 360 µL Flat on 2`;

export const runLog: string[] = [
  pick(rack('A1')),
  asp(100, pl('A1'), 46.43),
  disp(100, pl('B1'), 46.43),
  drop(rack('A1')),
  pick(rack('B1')),
  ...returnTip(0, rack('B1')),
  pick(rack('C1')),
  dropTrash,
  'A1 has tip: False, B1 has tip: False',
];

export const equipment = {
  pipettes: [{ mount: 'right', requestedAs: 'p300_single_gen2', pipetteName: 'p300_single_gen2', channels: 1 }],
  labware: [
    { label: 'opentrons_96_tiprack_300ul', uri: 'opentrons/opentrons_96_tiprack_300ul/1', location: 1 },
    { label: 'corning_96_wellplate_360ul_flat', uri: 'opentrons/corning_96_wellplate_360ul_flat/1', location: 2 },
    { label: 'opentrons_1_trash_1100ml_fixed', uri: 'opentrons/opentrons_1_trash_1100ml_fixed/1', location: 12 },
  ],
  modules: [],
};
