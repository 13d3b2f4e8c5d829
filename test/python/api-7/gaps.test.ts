// Gaps of robot software 7.5.0's Python API closed after the first pass (python-protocol-api
// 2.12–2.19): logger records under run-log entries (A.2.4, A.2.5), the trash bin in deck
// conflicts (A.4.4), frozen thermocycler statuses (B.2.14), the robot-server analysis's labware,
// errorInfo of error occurrences (D.2), small A.4.5/A.4.2 items and `move_labware` onto a
// thermocycler's slots. Texts are the spec's, compared exactly.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, protocol, service } from '../helpers.ts';
import { simulatorLines } from '../../../src/cli/report.ts';
import { completedAnalysis } from '../../../src/analysis/index.ts';
import type { PythonService } from '../../../src/python/index.ts';
import type { Analysis } from '../../../src/common/index.ts';

let svc: PythonService;
before(() => {
  svc = service({ timeoutMs: 60_000, memoryBytes: 512 * 1024 * 1024 });
});
after(() => svc.close());

async function run(body: string, level: string): Promise<Analysis> {
  const a = await analyze(svc, protocol(body, level));
  assert.deepEqual(a.errors, [], `${level}: ${JSON.stringify(a.errors)}`);
  return a;
}

/** What `opentrons_simulate` prints: entries with tabs and the records under them. */
async function simulated(body: string, level: string): Promise<string[]> {
  return simulatorLines((await run(body, level)).runLog);
}

const MISMATCH = `
tr = ctx.load_labware('opentrons_96_tiprack_20ul', 1)
p = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tr])
ctx.comment('hello')
ctx.comment('again')
`;

test('A.2.4: the tip-rack mismatch warning prints under the next entry that completes, from 2.12 on both paths', async () => {
  for (const level of ['2.12', '2.13', '2.15', '2.19']) {
    assert.deepEqual(await simulated(MISMATCH, level), [
      'hello',
      'Logs from this command:',
      'WARNING (instrument): The pipette p300_single_gen2 and its tip rack opentrons_96_tiprack_20ul appear to be mismatched. Please check your protocol.',
      'again',
    ], level);
  }
  assert.deepEqual(await simulated(MISMATCH, '2.11'), ['hello', 'again']);
});

test('A.2.4: records go to the most recently started entry, with its indentation', async () => {
  const lines = await simulated(`
tr = ctx.load_labware('opentrons_96_tiprack_20ul', 1)
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
p = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tr])
p.transfer(10, plate['A1'], plate['B1'])
p.pick_up_tip()
p.blow_out(tr['B1'])
`, '2.13');
  // The tip rack is checked at load_instrument and again at every pick-up (7.5.0's pick_up_tip).
  const mismatch = 'WARNING (instrument): The pipette p300_single_gen2 and its tip rack opentrons_96_tiprack_20ul appear to be mismatched. Please check your protocol.';
  assert.deepEqual(lines.slice(0, 6), [
    'Transferring 10.0 from A1 of Corning 96 Well Plate 360 µL Flat on 2 to B1 of Corning 96 Well Plate 360 µL Flat on 2',
    '\tPicking up tip from A1 of Opentrons OT-2 96 Tip Rack 20 µL on 1',
    '\tLogs from this command:',
    `\t${mismatch}`,
    `\t${mismatch}`,
    '\tAspirating 10.0 uL from A1 of Corning 96 Well Plate 360 µL Flat on 2 at 92.86 uL/sec',
  ]);
  assert.deepEqual(lines.slice(-6), [
    'Picking up tip from B1 of Opentrons OT-2 96 Tip Rack 20 µL on 1',
    'Logs from this command:',
    mismatch,
    'Blowing out at B1 of Opentrons OT-2 96 Tip Rack 20 µL on 1',
    'Logs from this command:',
    'WARNING (instrument_context): Blow_out being performed on a tiprack. Please re-check your code',
  ]);
});

test('A.4.4: the Magnetic Module default-height warning and the calibrate notice (legacy core only)', async () => {
  const body = `
mag = ctx.load_module('magnetic module gen2', 4)
mag.load_labware('corning_96_wellplate_360ul_flat', label='Flat')
mag.disengage()
mag.calibrate()
ctx.comment('done')
`;
  assert.deepEqual(await simulated(body, '2.13'), [
    'Disengaging Magnetic Module',
    'Logs from this command:',
    'WARNING (legacy_module_core): The labware definition for Flat does not define a default engagement height for use with the Magnetic Module; you must specify a height explicitly when calling engage().',
    'Calibrating Magnetic Module',
    'Logs from this command:',
    "WARNING (module_contexts): `MagneticModuleContext.calibrate` doesn't do anything useful and will be removed in Protocol API version 2.14 and higher.",
    'done',
  ]);
  assert.deepEqual(await simulated(body.replace('mag.calibrate()\n', ''), '2.14'), ['Disengaging Magnetic Module', 'done']);
});

test('A.4.1: the lid warning with no pipette loaded (legacy core)', async () => {
  const body = `
tc = ctx.load_module('thermocycler', 7)
tc.open_lid()
`;
  assert.deepEqual(await simulated(body, '2.13'), [
    'Opening Thermocycler lid',
    'Logs from this command:',
    'WARNING (legacy_module_core): Cannot assure a safe gantry position to avoid colliding with the lid of the Thermocycler Module.',
  ]);
  assert.deepEqual(await simulated(body, '2.11'), ['Opening Thermocycler lid']);
});

test('A.2.5: a failed engine command logs its failure under the failing entry (≥ 2.14 only)', async () => {
  const body = `
tr = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
p = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tr])
try:
    p.drop_tip()
except Exception as e:
    ctx.comment(type(e).__name__)
ctx.comment('next')
`;
  const lines = await simulated(body, '2.15');
  assert.equal(lines.length, 5, lines.join('\n'));
  assert.equal(lines[0], 'Dropping tip into A1 of Opentrons Fixed Trash on slot 12');
  assert.equal(lines[1], 'Logs from this command:');
  assert.match(lines[2], /^WARNING \(command_executor\): Execution of \S+ failed$/);
  assert.deepEqual(lines.slice(3), ['ProtocolCommandFailedError', 'next']);
  // The legacy core has no such line (and drop_tip without a tip does not fail there).
  assert.deepEqual(await simulated(body, '2.13'), ['Dropping tip into A1 of Opentrons Fixed Trash on 12', 'next']);
});

test('A.4.5: deprecation lines of members that still work', async () => {
  const body = `
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
tr = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
plate.separate_calibration
ctx.comment('one')
ctx._hw_manager
ctx.comment('two')
tr['A1'].has_tip = False
ctx.comment('three')
`;
  assert.deepEqual(await simulated(body, '2.13'), [
    'one',
    'Logs from this command:',
    'WARNING (labware): Labware.separate_calibrations is a deprecated internal property. It no longer has meaning, but will always return `False`',
    'two',
    'Logs from this command:',
    'WARNING (protocol_context): This function will be deprecated in later versions.Please use with caution.',
    'three',
    'Logs from this command:',
    'WARNING (labware): Setting the `Well.has_tip` property manually has been deprecated and will raise an error in a future version of the Python Protocol API.',
  ]);
  // From 2.14 the setter logs its line, then refuses.
  assert.deepEqual(await simulated(`
tr = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
try:
    tr['A1'].has_tip = False
except Exception as e:
    ctx.comment(str(e))
`, '2.15'), [
    'Manually setting the tip state of a well in a tip rack has been deprecated.',
    'Logs from this command:',
    'WARNING (labware): Setting the `Well.has_tip` property manually has been deprecated and will raise an error in a future version of the Python Protocol API.',
  ]);
  assert.deepEqual(await simulated(body, '2.11'), ['one', 'two', 'three']);
});

test('A.4.4: a Heater-Shaker in front of the trash: the fixed trash by load name up to 2.15, `trash bin` from 2.16', async () => {
  const body = `
try:
    ctx.load_module('heaterShakerModuleV1', 9)
except Exception as e:
    ctx.comment(type(e).__name__ + ': ' + str(e))
`;
  for (const level of ['2.13', '2.15']) {
    assert.deepEqual(await simulated(body, level), ['DeckConflictError: opentrons_1_trash_1100ml_fixed in slot 12 prevents heaterShakerModuleV1 from using slot 9.'], level);
  }
  for (const level of ['2.16', '2.19']) {
    assert.deepEqual(await simulated(body, level), ['DeckConflictError: trash bin in slot 12 prevents heaterShakerModuleV1 from using slot 9.'], level);
  }
});

test('B.2.14: thermocycler status properties keep the simulator\'s starting state from 2.14; the legacy core follows the commands', async () => {
  const body = `
tc = ctx.load_module('thermocycler', 7)
tc.close_lid()
tc.set_lid_temperature(100)
tc.set_block_temperature(40, hold_time_seconds=5)
ctx.comment(repr([tc.lid_position, tc.block_temperature, tc.block_target_temperature, tc.lid_temperature, tc.lid_target_temperature, tc.hold_time, tc.block_temperature_status, tc.lid_temperature_status, tc.total_cycle_count]))
`;
  const last = async (level: string) => (await run(body, level)).runLog.at(-1)?.text;
  assert.equal(await last('2.15'), "['open', 23, None, 23, None, None, 'idle', 'idle', None]");
  assert.match((await last('2.13')) ?? '', /^\['closed', 40, 40, 100, 100, .*'holding at target', 'holding at target', None\]$/);
});

test('D.3: the robot-server analysis lists the fixed trash as labware (first) up to 2.15, not from 2.16', async () => {
  const body = `
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
`;
  const listed = async (level: string) =>
    completedAnalysis(await run(body, level), { id: 'a', createdAt: '2024-01-01T00:00:00.000Z' }).labware.map((l) => [l.id === 'fixedTrash' ? l.id : 'plate', l.loadName, l.location]);
  for (const level of ['2.13', '2.14', '2.15']) {
    assert.deepEqual(await listed(level), [
      ['fixedTrash', 'opentrons_1_trash_1100ml_fixed', { slotName: '12' }],
      ['plate', 'corning_96_wellplate_360ul_flat', { slotName: '2' }],
    ], level);
  }
  for (const level of ['2.16', '2.19']) {
    assert.deepEqual(await listed(level), [['plate', 'corning_96_wellplate_360ul_flat', { slotName: '2' }]], level);
  }
});

test('D.2: a coded Python error carries {pipette_name, mount} as its errorInfo', async () => {
  const setup = `
tr = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
p = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tr])
`;
  const a = await analyze(svc, protocol(`${setup}p.mix(2, 10, plate['A1'])`, '2.15'));
  const top = a.errorOccurrences?.[0];
  assert.equal(top?.detail, 'UnexpectedTipRemovalError [line 8]: Error 3005 UNEXPECTED_TIP_REMOVAL (UnexpectedTipRemovalError): Cannot perform mix without a tip attached.');
  assert.deepEqual(top?.wrappedErrors, [
    {
      errorType: 'UnexpectedTipRemovalError',
      errorCode: '3005',
      detail: 'Cannot perform mix without a tip attached.',
      errorInfo: { pipette_name: 'p300_single_gen2', mount: 'right' },
      wrappedErrors: [],
    },
  ]);
  // The legacy core's checks name the mount by its enum name.
  const legacy = await analyze(svc, protocol(`${setup}p.aspirate(10, plate['A1'])`, '2.13'));
  assert.match(JSON.stringify(legacy.errorOccurrences), /"errorInfo":\{"pipette_name":"p300_single_gen2","mount":"RIGHT"\}/);
});

test('A.4.5: deck.get_slot_center needs a string key on the legacy core from 2.12', async () => {
  const body = `
ctx.comment(repr(tuple(ctx.deck.get_slot_center('5'))))
try:
    ctx.deck.get_slot_center(5)
    ctx.comment('ok')
except ValueError as e:
    ctx.comment(str(e))
`;
  const lines = async (level: string) => (await run(body, level)).runLog.map((e) => e.text);
  assert.deepEqual(await lines('2.13'), [
    '(196.5, 133.5, 0.0)',
    "slot 5 could not be found,valid deck slots are: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']",
  ]);
  assert.deepEqual(await lines('2.11'), ['(196.5, 133.5, 0.0)', 'ok']);
});

test('A.4.2: hw_pipette has 7.5.0\'s extra keys on the legacy core, from the pipette definitions', async () => {
  const body = `
p = ctx.load_instrument('p300_single_gen2', 'right')
hw = p.hw_pipette
ctx.comment(repr([hw.get('back_compat_names'), 'v0' in hw.get('versioned_tip_overlap', {}), 'opentrons/opentrons_96_tiprack_300ul/1' in hw.get('tip_overlap', {})]))
`;
  const last = async (level: string) => (await run(body, level)).runLog.at(-1)?.text;
  assert.equal(await last('2.13'), "[['p300_single'], True, True]");
  assert.equal(await last('2.11'), '[None, False, False]');
});

test('B.2.15: move_labware into a slot the thermocycler covers is refused by the deck checker, after its entry', async () => {
  const lines = await simulated(`
tc = ctx.load_module('thermocycler', 7)
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
try:
    ctx.move_labware(plate, 8)
except Exception as e:
    ctx.comment(type(e).__name__ + ': ' + str(e))
ctx.move_labware(plate, 'D3')
`, '2.15');
  assert.deepEqual(lines, [
    'Moving corning_96_wellplate_360ul_flat to slot 8',
    'DeckConflictError: thermocyclerModuleV1 in slot 7 prevents corning_96_wellplate_360ul_flat from using slot 8.',
    'Moving corning_96_wellplate_360ul_flat to slot D3',
  ]);
});
