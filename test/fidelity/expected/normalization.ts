// normalization.py (apiLevel 2.8): custom tube rack, P1000 GEN2 left (274.7), P20 GEN2 right (7.56).
import { asp, at, blow, blowTrash, disp, dropTrash, mix, pick } from '../dsl.ts';

const P = 7.56;
const tubes = (w: string) => `${w} of Stock tubes on 1`;
const src = (w: string) => `${w} of NEST 96 Well Plate 200 µL Flat on 2`;
const dst = (w: string) => `${w} of Normalized on 3`;
const r20 = (w: string) => `${w} of Opentrons 96 Filter Tip Rack 20 µL on 6`;
const r1000 = (w: string) => `${w} of Opentrons 96 Tip Rack 1000 µL on 9`;

/** p20.transfer(v, src, dst, new_tip='never', mix_after=(2, 15)) for 20 < v ≤ 40: two halves. */
const halves = (v: number, w: string): string[] => [
  `Transferring ${v}.0 from ${src(w)} to ${dst(w)}`,
  ...[0, 1].flatMap(() => [...at(1, [asp(v / 2, src(w), P), disp(v / 2, dst(w), P)]), ...mix(1, 2, 15, dst(w), P, P)]),
];

export const runLog: string[] = [
  'Tubes: 6 wells, first A1 (16.5 mm wide)',
  // zero volume skipped (2.8); one group 300 + 255 + 120 + disposal 50 = 725 ≤ 1000
  `Distributing [300.0, 255.0, 0.0, 120.0] from ${tubes('A1')} to ${dst('A1')}`,
  ...at(1, [`Transferring [300.0, 255.0, 0.0, 120.0] from ${tubes('A1')} to ${dst('A1')}`]),
  ...at(2, [pick(r1000('C1')), asp(725, tubes('A1'), 274.7), disp(300, dst('A1'), 274.7), disp(255, dst('B1'), 274.7), disp(120, dst('D1'), 274.7), blowTrash, dropTrash]),
  // starting tip G12: two tips left, then OutOfTipsError → pause, reset_tipracks, A1
  pick(r20('G12')),
  asp(10, src('A1'), P),
  disp(10, dst('A1'), P),
  ...mix(0, 2, 15, dst('A1'), P, P),
  blow(dst('A1')),
  dropTrash,
  pick(r20('H12')),
  asp(14.5, src('B1'), P),
  disp(14.5, dst('B1'), P),
  ...mix(0, 2, 15, dst('B1'), P, P),
  blow(dst('B1')),
  dropTrash,
  'Pausing robot operation: Replace the tip rack in slot 6',
  pick(r20('A1')),
  ...halves(40, 'C1'),
  blow(dst('C1')),
  dropTrash,
  pick(r20('B1')),
  ...halves(28, 'D1'),
  blow(dst('D1')),
  dropTrash,
  'Labware: 1: Stock tubes on 1; 2: NEST 96 Well Plate 200 µL Flat on 2; 3: Normalized on 3; ' +
    '6: Opentrons 96 Filter Tip Rack 20 µL on 6; 9: Opentrons 96 Tip Rack 1000 µL on 9; 12: Opentrons Fixed Trash on 12',
  'Instruments: left=p1000_single_gen2, right=p20_single_gen2',
  'Next tip: C1 of Opentrons 96 Filter Tip Rack 20 µL on 6',
  `Moving to ${dst('A1')}`,
  // location_cache is the last Location; deck positions are the definition's floats
  'Cached: A1 of Normalized on 3, slot 5 at (132.5, 90.5, 0.0)',
];

export const equipment = {
  pipettes: [
    { mount: 'left', requestedAs: 'p1000_single_gen2', pipetteName: 'p1000_single_gen2', channels: 1 },
    { mount: 'right', requestedAs: 'p20_single_gen2', pipetteName: 'p20_single_gen2', channels: 1 },
  ],
  labware: [
    { label: 'Stock tubes', uri: 'custom_beta/examplelabs_6_tuberack_20000ul/1', location: 1 },
    { label: 'nest_96_wellplate_200ul_flat', uri: 'opentrons/nest_96_wellplate_200ul_flat/1', location: 2 },
    { label: 'Normalized', uri: 'opentrons/corning_96_wellplate_360ul_flat/1', location: 3 },
    { label: 'opentrons_96_filtertiprack_20ul', uri: 'opentrons/opentrons_96_filtertiprack_20ul/1', location: 6 },
    { label: 'opentrons_96_tiprack_1000ul', uri: 'opentrons/opentrons_96_tiprack_1000ul/1', location: 9 },
    { label: 'opentrons_1_trash_1100ml_fixed', uri: 'opentrons/opentrons_1_trash_1100ml_fixed/1', location: 12 },
  ],
  modules: [],
};
