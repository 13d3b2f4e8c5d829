// Expected run logs and equipment of protocols/idioms/*.py: the internals and idioms of 4.7's
// Python API that real protocols lean on (issue 8). Each log is written from the original's rules
// (spec §7, §10 and the 4.7 sources quoted in docs/notes/fidelity.md), not from Labwright's output.
import { asp, blowTrash, disp, drop, dropTrash, pick, TRASH } from '../dsl.ts';

const T300 = (w: string) => `${w} of Opentrons 96 Tip Rack 300 µL on 1`;
const T20 = (slot: number) => (w: string) => `${w} of Opentrons 96 Tip Rack 20 µL on ${slot}`;
const plateOn = (slot: number) => (w: string) => `${w} of Corning 96 Well Plate 360 µL Flat on ${slot}`;
const TIPS300 = { label: 'opentrons_96_tiprack_300ul', uri: 'opentrons/opentrons_96_tiprack_300ul/1' };
const TIPS20 = { label: 'opentrons_96_tiprack_20ul', uri: 'opentrons/opentrons_96_tiprack_20ul/1' };
const PLATE = { label: 'corning_96_wellplate_360ul_flat', uri: 'opentrons/corning_96_wellplate_360ul_flat/1' };
const TRASH_LW = { label: 'opentrons_1_trash_1100ml_fixed', uri: 'opentrons/opentrons_1_trash_1100ml_fixed/1', location: 12 };
const P300_GEN2_RIGHT = { mount: 'right', requestedAs: 'p300_single_gen2', pipetteName: 'p300_single_gen2', channels: 1 };
const M20_LEFT = { mount: 'left', requestedAs: 'p20_multi_gen2', pipetteName: 'p20_multi_gen2', channels: 8 };
// P300 GEN2 from 2.6: 92.86 µL/s; P20 GEN2 from 2.6: 7.56 µL/s (single), 7.6 µL/s (8-channel).
const R300 = 92.86;

/** `trash_container` is the fixed-trash Labware: its well, that well's top, a transfer into it. */
export const trashContainer = {
  runLog: [
    `Opentrons Fixed Trash on 12 / ${TRASH} / ${TRASH}`,
    pick(T300('A1')),
    asp(100, plateOn(2)('A1'), R300),
    disp(50, TRASH, R300),
    disp(50, TRASH, R300),
    blowTrash,
    `Transferring 30.0 from ${plateOn(2)('A2')} to ${TRASH}`,
    `\t${asp(30, plateOn(2)('A2'), R300)}`,
    `\t${disp(30, TRASH, R300)}`,
    dropTrash,
    pick(T300('B1')),
    dropTrash,
  ],
  equipment: {
    pipettes: [P300_GEN2_RIGHT],
    labware: [{ ...TIPS300, location: 1 }, { ...PLATE, location: 2 }, TRASH_LW],
    modules: [],
  },
};

const TUBE = 'A1 of Opentrons 24 Tube Rack with NEST 1.5 mL Snapcap on 2';

/** A `Well` subclass built from `well._impl` is that well: name, geometry, parent, run-log text. */
export const trackedWell = {
  runLog: [
    `${TUBE} | A1 | Opentrons 24 Tube Rack with NEST 1.5 mL Snapcap on 2 | True`,
    'same well: True, True, True, True',
    pick(T300('A1')),
    asp(100, TUBE, R300),
    disp(100, plateOn(3)('A1'), R300),
    asp(100, TUBE, R300),
    disp(100, plateOn(3)('B1'), R300),
    `Transferring 50.0 from ${TUBE} to ${plateOn(3)('A3')}`,
    `\t${asp(50, TUBE, R300)}`,
    `\t${disp(50, plateOn(3)('A3'), R300)}`,
    asp(20, TUBE, R300),
    disp(20, TUBE, R300),
    dropTrash,
  ],
  equipment: {
    pipettes: [P300_GEN2_RIGHT],
    labware: [
      { ...TIPS300, location: 1 },
      { label: 'opentrons_24_tuberack_nest_1.5ml_snapcap', uri: 'opentrons/opentrons_24_tuberack_nest_1.5ml_snapcap/1', location: 2 },
      { ...PLATE, location: 3 },
      TRASH_LW,
    ],
    modules: [],
  },
};

/**
 * AxisMaxSpeeds keeps `Axis` members as keys: names go in and come out, `'A' in` is False, None
 * lifts a limit (KeyError `<Axis.Z: 2>` when there is none), `.get` goes through `[]`.
 */
export const maxSpeeds = {
  runLog: [
    "keys ['A', 'Z'], items [('A', 10.0), ('Z', 20.0)], A in: False, len 2",
    pick(T300('A1')),
    asp(50, plateOn(2)('A1'), R300),
    disp(50, plateOn(2)('A2'), R300),
    "left: ['A'] 10.0",
    'no Z limit to lift: <Axis.Z: 2>',
    dropTrash,
  ],
  equipment: {
    pipettes: [P300_GEN2_RIGHT],
    labware: [{ ...TIPS300, location: 1 }, { ...PLATE, location: 2 }, TRASH_LW],
    modules: [],
  },
};

/** `_attached_instruments[mount].config`: pipetteModelSpecs values of p20_multi_v2.0 / p300_single_v1. */
export const pipetteConfig = {
  runLog: [
    'p20_multi_gen2: pick_up_current 0.6, max_volume 20, tip_length 31.1, model p20_multi_v2.0',
    'p300_single: pick_up_current 0.1, max_volume 300, tip_length 51.7, model p300_single_v1',
    'lowered to 0.15',
    pick(T20(1)('H1')),
    'restored to 0.6',
    dropTrash,
  ],
  equipment: {
    pipettes: [M20_LEFT, { mount: 'right', requestedAs: 'p300_single', pipetteName: 'p300_single', channels: 1 }],
    labware: [{ ...TIPS20, location: 1 }, TRASH_LW],
    modules: [],
  },
};

/** `ctx.deck['2']` is the LabwareImplementation the plate wraps; slot 12 holds the trash Labware. */
export const deckItems = {
  runLog: [
    '96 wells, name Sample Plate, display Sample Plate on 2',
    'A1 of Sample Plate on 2 / H12 of Sample Plate on 2 / LabwareImplementation',
    'opentrons/corning_96_wellplate_360ul_flat/1 False 14.22 corning_96_wellplate_360ul_flat',
    'wraps the plate: True',
    `Opentrons Fixed Trash on 12 / ${TRASH}`,
    "'LabwareImplementation' object has no attribute 'wells'",
  ],
  equipment: {
    pipettes: [],
    labware: [{ label: 'Sample Plate', uri: PLATE.uri, location: 2 }, TRASH_LW],
    modules: [],
  },
};

const block = (slot: number) => `A1 of Opentrons 24 Well Aluminum Block with NEST 1.5 mL Snapcap on Temperature Module GEN2 on ${slot}`;
const R20 = 7.56;
const setTemp = (c: number) => `Setting Temperature Module temperature to ${c}.0 °C (rounded off to nearest integer)`;

/** Three temperature modules stay addressable; `del ctx.deck['1']` only empties the slot. */
export const modulesOfOneKind = {
  runLog: [
    `Transferring 5.0 from ${block(4)} to ${block(7)}`,
    `\t${pick(T20(2)('A1'))}`,
    `\t${asp(5, block(4), R20)}`,
    `\t${disp(5, block(7), R20)}`,
    `\t${dropTrash}`,
    setTemp(4),
    setTemp(8),
    setTemp(95),
    'modules in slots [1, 4, 7]',
    `Transferring 5.0 from ${block(7)} to ${plateOn(1)('A1')}`,
    `\t${pick(T20(2)('B1'))}`,
    `\t${asp(5, block(7), R20)}`,
    `\t${disp(5, plateOn(1)('A1'), R20)}`,
    `\t${dropTrash}`,
    'Deactivating Temperature Module',
    'Deactivating Temperature Module',
    'Deactivating Temperature Module',
  ],
  equipment: {
    pipettes: [{ mount: 'left', requestedAs: 'p20_single_gen2', pipetteName: 'p20_single_gen2', channels: 1 }],
    labware: [
      { ...PLATE, location: 1 },
      { ...TIPS20, location: 2 },
      { label: 'opentrons_24_aluminumblock_nest_1.5ml_snapcap', uri: 'opentrons/opentrons_24_aluminumblock_nest_1.5ml_snapcap/1', location: 4 },
      { label: 'opentrons_24_aluminumblock_nest_1.5ml_snapcap', uri: 'opentrons/opentrons_24_aluminumblock_nest_1.5ml_snapcap/1', location: 7 },
      TRASH_LW,
    ],
    modules: [1, 4, 7].map((location) => ({ type: 'temperatureModuleType', model: 'temperatureModuleV2', location })),
  },
};

/** A falsy tip location is the default place: the trash for drop_tip, the next tip for pick_up_tip. */
export const falsyTipLocations = {
  runLog: [
    ...[0, 1].flatMap((i) => [
      pick(T20(1)(`A${i + 1}`)),
      asp(5, plateOn(2)(`A${i + 1}`), 7.6),
      disp(5, plateOn(2)(`A${i + 1}`), 7.6),
      dropTrash,
    ]),
    ...[0, 1].flatMap((i) => [
      pick(T20(1)(`A${i + 3}`)),
      asp(5, plateOn(2)(`A${i + 1}`), 7.6),
      disp(5, plateOn(2)(`A${i + 1}`), 7.6),
      drop(T20(1)(`A${i + 3}`)),
    ]),
    pick(T20(1)('A5')),
    dropTrash,
  ],
  equipment: {
    pipettes: [M20_LEFT],
    labware: [{ ...TIPS20, location: 1 }, { ...PLATE, location: 2 }, TRASH_LW],
    modules: [],
  },
};

/** Custom definitions are keyed by URI: a second file with the same URI is the same labware. */
export const duplicateCustomLabware = {
  runLog: [
    'Example Labs 6 Tube Rack 15 mL on 1 (custom_beta/examplelabs_6_tuberack_15000ul/1) / ' +
      'Example Labs 6 Tube Rack 15 mL (v2) on 2 (custom_beta/examplelabs_6_tuberack_15000ul/2)',
  ],
  equipment: {
    pipettes: [],
    labware: [
      { label: 'examplelabs_6_tuberack_15000ul', uri: 'custom_beta/examplelabs_6_tuberack_15000ul/1', location: 1 },
      { label: 'examplelabs_6_tuberack_15000ul', uri: 'custom_beta/examplelabs_6_tuberack_15000ul/2', location: 2 },
      TRASH_LW,
    ],
    modules: [],
  },
};

/** Moves inside one labware (and a tip-less pipette) beside a 160 mm tower: no LabwareHeightError. */
export const tallLabwareAllowed = {
  runLog: [
    pick(T300('A1')),
    `Moving to ${T300('H12')}`,
    'Returning tip',
    `\t${drop(T300('A1'))}`,
    pick(T300('C1')),
    drop(T300('C1')),
  ],
  equipment: {
    pipettes: [P300_GEN2_RIGHT],
    labware: [
      { ...TIPS300, location: 1 },
      { label: 'examplelabs_1_tower_160mm', uri: 'custom_beta/examplelabs_1_tower_160mm/1', location: 3 },
      TRASH_LW,
    ],
    modules: [],
  },
};

const RACK = (w: string) => `${w} of Opentrons 24 Tube Rack with NEST 1.5 mL Screwcap on Temperature Module GEN2 on 3`;

/**
 * A 165.29 mm tube rack on a Temperature Module GEN2: the analysis checks arcs against each
 * pipette's height at load (P300 GEN2 174.6 mm); the P20 GEN2 (155.6 mm) only arcs inside the plate.
 */
export const tallRackOnModule = {
  runLog: [
    setTemp(4),
    `Transferring 50.0 from ${RACK('A1')} to ${plateOn(2)('A1')}`,
    `\t${pick(T300('A1'))}`,
    `\t${asp(50, RACK('A1'), R300)}`,
    `\t${disp(50, plateOn(2)('A1'), R300)}`,
    `\t${dropTrash}`,
    pick(T300('B1')),
    asp(30, RACK('B1'), R300),
    disp(30, plateOn(2)('B1'), R300),
    `Moving to ${plateOn(2)('C1')}`,
    asp(20, plateOn(2)('B1'), R300),
    disp(20, plateOn(2)('A2'), R300),
    dropTrash,
  ],
  equipment: {
    pipettes: [{ mount: 'left', requestedAs: 'p20_single_gen2', pipetteName: 'p20_single_gen2', channels: 1 }, P300_GEN2_RIGHT],
    labware: [
      { ...TIPS300, location: 1 },
      { ...PLATE, location: 2 },
      { label: 'opentrons_24_tuberack_nest_1.5ml_screwcap', uri: 'opentrons/opentrons_24_tuberack_nest_1.5ml_screwcap/1', location: 3 },
      TRASH_LW,
    ],
    modules: [{ type: 'temperatureModuleType', model: 'temperatureModuleV2', location: 3 }],
  },
};
