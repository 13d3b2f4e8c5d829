// Real-world-style protocols analysed through the public surface; every run log is compared line
// for line with the log derived from the spec (expected/*.ts), plus metadata and equipment.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProtocolService } from '../../src/service/index.ts';
import { analyze, firstDifference, printed, service } from './harness.ts';
import * as serialDilution from './expected/serial_dilution.ts';
import * as magBeadCleanup from './expected/mag_bead_cleanup.ts';
import * as pcrSetup from './expected/pcr_setup.ts';
import * as legacyGen1 from './expected/legacy_gen1.ts';
import * as normalization from './expected/normalization.ts';
import * as tipRules22 from './expected/tip_rules_2_2.ts';
import * as idioms from './expected/idioms.ts';

let svc: ProtocolService;
before(() => {
  svc = service();
});
after(() => svc.close());

interface Case {
  file: string;
  labware?: boolean;
  name: string;
  author: string;
  apiLevel: string;
  expected: { runLog: string[]; equipment: unknown };
}

const CASES: Case[] = [
  { file: 'serial_dilution.py', name: 'Serial Dilution and Standards', author: 'Lab Automation <automation@example.org>', apiLevel: '2.11', expected: serialDilution },
  { file: 'mag_bead_cleanup.py', name: 'Magnetic Bead Cleanup (1.8x SPRI)', author: 'Genomics Core', apiLevel: '2.9', expected: magBeadCleanup },
  { file: 'pcr_setup.py', name: 'PCR Setup and Cycling', author: 'Molecular Biology Team', apiLevel: '2.10', expected: pcrSetup },
  { file: 'legacy_gen1.py', name: 'ELISA Plate Prep (legacy)', author: 'Immunology Lab', apiLevel: '2.0', expected: legacyGen1 },
  { file: 'normalization.py', labware: true, name: 'DNA Normalization', author: 'Sequencing Facility', apiLevel: '2.8', expected: normalization },
  { file: 'tip_rules_2_2.py', name: 'Tip rules at 2.2', author: 'QA', apiLevel: '2.2', expected: tipRules22 },
  // idioms and internals of 4.7 that real protocols rely on (issue 8)
  { file: 'idioms/trash_container.py', name: 'Trash container as a location', author: 'QA', apiLevel: '2.9', expected: idioms.trashContainer },
  { file: 'idioms/tracked_well.py', name: 'Tracked wells', author: 'QA', apiLevel: '2.9', expected: idioms.trackedWell },
  { file: 'idioms/max_speeds.py', name: 'Axis speed limits', author: 'QA', apiLevel: '2.9', expected: idioms.maxSpeeds },
  { file: 'idioms/pipette_config.py', name: 'Pick-up current', author: 'QA', apiLevel: '2.9', expected: idioms.pipetteConfig },
  { file: 'idioms/deck_items.py', name: 'Deck items', author: 'QA', apiLevel: '2.9', expected: idioms.deckItems },
  { file: 'idioms/modules_of_one_kind.py', name: 'Three temperature modules', author: 'QA', apiLevel: '2.9', expected: idioms.modulesOfOneKind },
  { file: 'idioms/falsy_tip_locations.py', name: 'Return tips or trash', author: 'QA', apiLevel: '2.9', expected: idioms.falsyTipLocations },
  { file: 'idioms/tall_labware_allowed.py', labware: true, name: 'Tall labware nearby', author: 'QA', apiLevel: '2.11', expected: idioms.tallLabwareAllowed },
  { file: 'idioms/tall_rack_on_module.py', name: 'Tall rack on a module', author: 'QA', apiLevel: '2.11', expected: idioms.tallRackOnModule },
  { file: 'idioms/duplicate_custom_labware.py', labware: true, name: 'Duplicate custom labware', author: 'QA', apiLevel: '2.9', expected: idioms.duplicateCustomLabware },
];

for (const c of CASES) {
  test(`${c.file}: run log, metadata and equipment as the original`, async () => {
    const a = await analyze(svc, c.file, c.labware ?? false);
    assert.deepEqual(a.errors, []);
    assert.equal(a.ok, true);
    assert.equal(a.protocolType, 'python');
    assert.deepEqual(a.metadata, { name: c.name, author: c.author, apiLevel: c.apiLevel });
    assert.deepEqual(a.requiredEquipment, c.expected.equipment);
    const lines = printed(a);
    const diff = firstDifference(lines, c.expected.runLog);
    assert.equal(diff, null, `${c.file}: ${diff}`);
    assert.equal(a.commandCount, c.expected.runLog.length);
    // Every entry is attributed to a line of the protocol file, and time moves forward.
    assert.ok(a.runLog.every((e) => typeof e.line === 'number' && e.line > 0));
    assert.ok(a.estimatedDurationSeconds > 0);
  });
}

interface ErrorCase {
  file: string;
  labware?: boolean;
  type: string;
  description: string;
  lineNumber?: number;
  fileName?: string;
  runLog: string[];
  metadataKept: boolean;
}

const T300 = 'Opentrons 96 Tip Rack 300 µL on 1';
const ERRORS: ErrorCase[] = [
  {
    // OutOfTipsError has no message: the original reads `OutOfTipsError [line 10]: `
    file: 'errors/out_of_tips.py',
    type: 'ExceptionInProtocolError',
    description: '',
    lineNumber: 10,
    runLog: [
      'Picking up tip from H12 of Opentrons 96 Tip Rack 20 µL on 1',
      'Aspirating 5.0 uL from A1 of Corning 96 Well Plate 360 µL Flat on 2 at 7.56 uL/sec',
      'Dropping tip into A1 of Opentrons Fixed Trash on 12',
    ],
    metadataKept: true,
  },
  {
    file: 'errors/bad_load_name.py',
    type: 'ExceptionInProtocolError',
    description:
      'Unable to find a labware\n        definition for "corning_96_wellplate_360ul",\n        version 1, in the opentrons namespace.\n' +
      '        Please confirm your protocol includes the correct\n        labware spelling and (optionally) the correct version\n' +
      '        number and namespace.\n\n        If you are referencing a custom labware in your\n' +
      '        protocol, you must add it to your Custom Labware\n        Definitions Folder from the Opentrons App before\n' +
      '        uploading your protocol.\n        ',
    lineNumber: 6,
    runLog: [],
    metadataKept: true,
  },
  {
    // same wording in CPython 3.7 and today's compiler
    file: 'errors/syntax_error.py',
    type: 'SyntaxError',
    description: 'invalid syntax',
    lineNumber: 6,
    fileName: 'syntax_error.py',
    runLog: [],
    metadataKept: false,
  },
  {
    // the innermost frame in the protocol file: the raise inside the helper
    file: 'errors/exception_line.py',
    type: 'ExceptionInProtocolError',
    description: 'Number of samples must be between 1 and 96, got 120',
    lineNumber: 8,
    runLog: ['Checking parameters'],
    metadataKept: true,
  },
  {
    file: 'errors/api_version.py',
    type: 'ExceptionInProtocolError',
    description:
      'InstrumentContext.has_tip was added in 2.7, but your protocol requested version 2.6. You must increase your API version to 2.7 to use this functionality.',
    lineNumber: 8,
    runLog: [`Picking up tip from A1 of ${T300}`],
    metadataKept: true,
  },
  {
    // 2.11 refuses before the aspirate is published
    file: 'errors/tiprack_aspirate.py',
    type: 'ExceptionInProtocolError',
    description: 'Cannot aspirate a tiprack',
    lineNumber: 8,
    runLog: [`Picking up tip from A1 of ${T300}`],
    metadataKept: true,
  },
  {
    // the header is published before validation
    file: 'errors/blowout_location_old.py',
    type: 'ExceptionInProtocolError',
    description: 'Cannot specify blowout location when using api version below 2.8, current version is 2.7',
    lineNumber: 8,
    runLog: ['Transferring 50.0 from A1 of Corning 96 Well Plate 360 µL Flat on 2 to A2 of Corning 96 Well Plate 360 µL Flat on 2'],
    metadataKept: true,
  },
  {
    // a tuple gradient fails while the header text is built (CPython 3.7 wording)
    file: 'errors/gradient.py',
    type: 'ExceptionInProtocolError',
    description: "float() argument must be a string or a number, not 'tuple'",
    lineNumber: 8,
    runLog: [],
    metadataKept: true,
  },
  {
    // §10.3: the text goes through str.format; the field name is `'A1'` with its quotes
    file: 'errors/comment_braces.py',
    type: 'ExceptionInProtocolError',
    description: `"'A1'"`,
    lineNumber: 8,
    runLog: ['Starting'],
    metadataKept: true,
  },
  {
    // from 2.2 drop_tip(well) needs a tip rack: AssertionError with an empty message
    file: 'errors/drop_tip_in_plate.py',
    type: 'ExceptionInProtocolError',
    description: '',
    lineNumber: 9,
    runLog: [`Picking up tip from A1 of ${T300}`],
    metadataKept: true,
  },
  {
    // 4.7's analysis plans with the height the pipette had when loaded, without a tip: a P20 GEN2
    // reaches 172.15 − 2 − 14.55 = 155.6 mm (its model offset), below 160 + 1 mm. The tower is
    // loaded after the pick-up, so the arc from the tip rack to it is the first refused move (the
    // address in the repr is a model: the second labware loaded).
    file: 'errors/tall_labware.py',
    labware: true,
    type: 'ExceptionInProtocolError',
    description:
      'The <opentrons.protocols.context.protocol_api.labware.LabwareImplementation object at 0x7f5a3c070b00> has a total height of 160.0 mm, ' +
      'which is too tall for your current pipette configurations. The longest pipette on your robot can only be raised to 155.6 mm above the deck. ' +
      'This may be because the labware is incorrectly defined, incorrectly calibrated, or physically too tall. ' +
      'This could also be caused by the pipette and its tipracks being mismatched. Please check your protocol, labware definitions and calibrations.',
    lineNumber: 9,
    runLog: ['Picking up tip from A1 of Opentrons 96 Tip Rack 20 µL on 1'],
    metadataKept: true,
  },
  {
    // on a module the tallest point is the labware's top + the module's overLabwareHeight
    // (82.25 + 160 + 4.052); the P300 GEN2 was loaded without a tip: 172.15 − 2 + 4.45 = 174.6
    file: 'errors/tall_on_module.py',
    labware: true,
    type: 'ExceptionInProtocolError',
    description:
      'The Example Labs Tower 160 mm on Magnetic Module GEN2 on 3 has a total height of 246.302 mm, ' +
      'which is too tall for your current pipette configurations. The longest pipette on your robot can only be raised to 174.6 mm above the deck. ' +
      'This may be because the labware is incorrectly defined, incorrectly calibrated, or physically too tall. ' +
      'This could also be caused by the pipette and its tipracks being mismatched. Please check your protocol, labware definitions and calibrations.',
    lineNumber: 11,
    runLog: [`Picking up tip from A1 of ${T300}`],
    metadataKept: true,
  },
  {
    // the rack on a Temperature Module GEN2 (80.09 + 85.2) is refused for a P20 GEN2
    // (155.6 mm < 166.29 mm), once it is on the deck: the pick-up before it passes
    file: 'errors/tall_rack_p20.py',
    type: 'ExceptionInProtocolError',
    description:
      'The Opentrons 24 Tube Rack with NEST 1.5 mL Screwcap on Temperature Module GEN2 on 3 has a total height of 165.29000000000002 mm, ' +
      'which is too tall for your current pipette configurations. The longest pipette on your robot can only be raised to 155.6 mm above the deck. ' +
      'This may be because the labware is incorrectly defined, incorrectly calibrated, or physically too tall. ' +
      'This could also be caused by the pipette and its tipracks being mismatched. Please check your protocol, labware definitions and calibrations.',
    lineNumber: 15,
    runLog: ['Picking up tip from A1 of Opentrons 96 Tip Rack 20 µL on 1'],
    metadataKept: true,
  },
  {
    file: 'errors/gen2_module_at_2_2.py',
    type: 'ExceptionInProtocolError',
    description: 'API version 2.2 does not support the module Magnetic Module GEN2. Please use at least version 2.3 to use this module.',
    lineNumber: 6,
    runLog: [],
    metadataKept: true,
  },
  {
    // distribute() checks the blow-out location before it calls transfer(): its header stays alone
    file: 'errors/distribute_blowout.py',
    type: 'ExceptionInProtocolError',
    description: 'blowout location for distribute cannot be destination well',
    lineNumber: 13,
    runLog: [
      'Distributing 5.0 from A1 of NEST 12 Well Reservoir 15 mL on 2 to A1 of NEST 96 Well Plate 100 µL PCR Full Skirt on Thermocycler Module on 7',
    ],
    metadataKept: true,
  },
  {
    // semi: the plate starts at column 3, loses its label; A1 no longer exists (KeyError)
    file: 'tc_semi.py',
    type: 'ExceptionInProtocolError',
    description: "'A1'",
    lineNumber: 14,
    runLog: [
      'First well: A3, columns: 10',
      'Transferring 5.0 from A1 of NEST 12 Well Reservoir 15 mL on 8 to A3 of NEST 96 Well Plate 100 µL PCR Full Skirt on Thermocycler Module on 7',
      '\tPicking up tip from A1 of Opentrons 96 Tip Rack 20 µL on 1',
      '\tAspirating 5.0 uL from A1 of NEST 12 Well Reservoir 15 mL on 8 at 3.78 uL/sec',
      '\tDispensing 5.0 uL into A3 of NEST 96 Well Plate 100 µL PCR Full Skirt on Thermocycler Module on 7 at 3.78 uL/sec',
      '\tAspirating 5.0 uL from A1 of NEST 12 Well Reservoir 15 mL on 8 at 3.78 uL/sec',
      '\tDispensing 5.0 uL into B3 of NEST 96 Well Plate 100 µL PCR Full Skirt on Thermocycler Module on 7 at 3.78 uL/sec',
      '\tDropping tip into A1 of Opentrons Fixed Trash on 12',
      'Picking up tip from B1 of Opentrons 96 Tip Rack 20 µL on 1',
    ],
    metadataKept: true,
  },
  {
    // two URIs share the load name and no version is given: the upload's definitions do not decide
    // it, the standard lookup (version 1) does not know it
    file: 'errors/custom_ambiguous.py',
    labware: true,
    type: 'ExceptionInProtocolError',
    description:
      'Unable to find a labware\n        definition for "examplelabs_6_tuberack_15000ul",\n        version 1, in the opentrons namespace.\n' +
      '        Please confirm your protocol includes the correct\n        labware spelling and (optionally) the correct version\n' +
      '        number and namespace.\n\n        If you are referencing a custom labware in your\n' +
      '        protocol, you must add it to your Custom Labware\n        Definitions Folder from the Opentrons App before\n' +
      '        uploading your protocol.\n        ',
    lineNumber: 7,
    runLog: [],
    metadataKept: true,
  },
  {
    // Labwright's own refusal (an OT-2 has numpy): one line, and `except ImportError` still works
    file: 'errors/numpy_import.py',
    type: 'ExceptionInProtocolError',
    description: "No module named 'numpy': numpy is not available in Labwright's sandbox",
    lineNumber: 11,
    runLog: ['numpy missing, using plain Python'],
    metadataKept: true,
  },
];

for (const c of ERRORS) {
  test(`${c.file}: ${c.type} as the original reports it`, async () => {
    const a = await analyze(svc, c.file, c.labware ?? false);
    assert.equal(a.ok, false);
    const expected: Record<string, unknown> = { type: c.type, description: c.description };
    if (c.lineNumber !== undefined) expected.lineNumber = c.lineNumber;
    if (c.fileName !== undefined) expected.fileName = c.fileName;
    assert.deepEqual(a.errors, [expected]);
    assert.deepEqual(printed(a), c.runLog);
    // Failed simulations keep metadata but report no equipment; parse failures keep neither.
    assert.deepEqual(a.requiredEquipment, { pipettes: [], labware: [], modules: [] });
    assert.equal(a.metadata.apiLevel !== null, c.metadataKept);
  });
}
