// Former known gaps of the Python layer: current_volume's Python type, Labware.tip_length = ...,
// ModuleContext.load_labware_object, pair_with's error (choices in docs/notes/python.md).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, bundle, protocol, service } from './helpers.ts';
import type { PythonService } from '../../src/python/index.ts';
import type { RunLogEntry } from '../../src/common/index.ts';

let svc: PythonService;
before(() => {
  svc = service(undefined, 1);
});
after(() => svc.close());

const comments = (texts: string[]): string[] => texts.filter((t) => t.startsWith('> ')).map((t) => t.slice(2));

test('current_volume follows the Python arithmetic of 4.7.0 (0.0 at start, ints stay ints, floats spread)', async () => {
  const a = await analyze(
    svc,
    protocol(`
tips = ctx.load_labware('opentrons_96_tiprack_300ul', 2)
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 1)
p = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
say = lambda label: ctx.comment('> {} {!r}'.format(label, p.current_volume))
say('loaded')
p.pick_up_tip()
say('picked')
p.aspirate(5, plate['A1'])
say('int')
p.dispense(5)
say('int out')
p.aspirate(5.0)
say('float')
p.aspirate(5)
say('float+int')
p.dispense(10)
say('emptied')
p.blow_out()
say('blown')
p.aspirate(location=plate['A1'])
say('filled')
p.drop_tip()
say('dropped')
ctx.comment('> hw {!r} {!r}'.format(p.hw_pipette['current_volume'], p.max_volume))
p.transfer(50, plate['A1'], plate['A2'])
say('after transfer')
`),
  );
  assert.deepEqual(a.errors, []);
  assert.deepEqual(comments(a.runLog.map((e) => e.text)), [
    'loaded 0.0',
    'picked 0',
    'int 5',
    'int out 0',
    'float 5.0',
    'float+int 10.0',
    'emptied 0.0',
    'blown 0',
    'filled 300.0',
    'dropped 0',
    'hw 0 300',
    'after transfer 0',
  ]);
});

test('Labware.tip_length can be set and later pick-ups use it', async () => {
  const a = await analyze(
    svc,
    protocol(`
tips = ctx.load_labware('opentrons_96_tiprack_300ul', 2)
p = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
p.pick_up_tip()
before = p.hw_pipette['tip_length']
p.drop_tip()
ctx.comment('> {!r}'.format(tips.tip_length))
tips.tip_length = 70.5
p.pick_up_tip()
ctx.comment('> {!r} {!r} {}'.format(tips.tip_length, tips.parameters['tipLength'], round(p.hw_pipette['tip_length'] - before, 3)))
p.return_tip()
`),
  );
  assert.deepEqual(a.errors, []);
  assert.deepEqual(comments(a.runLog.map((e) => e.text)), ['59.3', '70.5 70.5 11.2']);
});

test('ModuleContext.load_labware_object makes a loaded labware the module\'s (same object, same place)', async () => {
  const a = await analyze(
    svc,
    protocol(`
mag = ctx.load_module('magnetic module gen2', 4)
plate = ctx.load_labware('nest_96_wellplate_100ul_pcr_full_skirt', 5)
other = ctx.load_labware('corning_96_wellplate_360ul_flat', 6)
got = mag.load_labware_object(plate)
ctx.comment('> {} {} {}'.format(got is plate, mag.labware is plate, plate.parent))
mag.engage()
try:
    mag.load_labware_object(other)
except AssertionError as e:
    ctx.comment('> ' + str(e))
mag.load_labware_object('A1')
`),
  );
  assert.deepEqual(comments(a.runLog.map((e) => e.text)), [
    'True True 5',
    'NEST 96 Well Plate 100 µL PCR Full Skirt on 5 is already on this module',
  ]);
  assert.ok(a.runLog.some((e) => e.text === 'Engaging Magnetic Module'));
  assert.deepEqual(a.errors, [
    { type: 'ExceptionInProtocolError', description: 'labware should be a Labware, but it is A1', lineNumber: 15 },
  ]);
});

const PAIRING = protocol(`
tips = ctx.load_labware('opentrons_96_tiprack_300ul', 2)
left = ctx.load_instrument('p300_multi_gen2', 'left', tip_racks=[tips])
right = ctx.load_instrument('p20_single_gen2', 'right')
try:
    left.pair_with(right)
except Exception as e:
    ctx.comment('> {}: {}'.format(type(e).__name__, e))
same = ctx.load_instrument('p300_multi_gen2', 'right', replace=True)
ctx.comment('before pairing')
left.pair_with(same)
`);

test('pair_with: a clear Python exception in analysis and in a live run', async () => {
  const a = await analyze(svc, PAIRING);
  assert.deepEqual(comments(a.runLog.map((e) => e.text)), [
    'UnsupportedInstrumentPairingError: At this time, you cannot pairP20 Single-Channel GEN2 on right mount with P300 8-Channel GEN2 on left mount',
  ]);
  assert.equal(a.errors.length, 1);
  assert.equal(a.errors[0].type, 'ExceptionInProtocolError');
  assert.equal(a.errors[0].lineNumber, 14);
  assert.match(a.errors[0].description, /^pair_with\(\) \(experimental pipette pairing\) is not supported/);

  const steps: string[] = [];
  const step = async (entries: readonly RunLogEntry[]): Promise<void> => {
    steps.push(...entries.map((e) => e.text));
  };
  const run = await svc.execute(bundle(PAIRING), { mode: 'run', step });
  assert.equal(steps.at(-1), 'before pairing');
  assert.deepEqual(run.errors, a.errors);
});

test('labware definitions are fetched when a protocol reads them; wells are built on first use', async () => {
  const a = await analyze(
    svc,
    protocol(`
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 1)
d = plate._definition
ctx.comment('> {} {} {}'.format(d['parameters']['loadName'], len(d['wells']), d is plate._definition))
ctx.comment('> {} {} {}'.format(plate['H12'], len(plate.wells()), plate.wells()[0] is plate['A1']))
`),
  );
  assert.deepEqual(a.errors, []);
  assert.deepEqual(comments(a.runLog.map((e) => e.text)), [
    'corning_96_wellplate_360ul_flat 96 True',
    'H12 of Corning 96 Well Plate 360 µL Flat on 1 96 True',
  ]);
});

test('flow rates, plunger speeds and clearances read back as floats, as the hardware settings of 4.7.0', async () => {
  const a = await analyze(
    svc,
    protocol(`
p = ctx.load_instrument('p300_single_gen2', 'right')
p.flow_rate.aspirate = 50
p.speed.dispense = 10
p.well_bottom_clearance.dispense = 2
ctx.comment('> {!r} {!r} {!r}'.format(p.flow_rate.aspirate, p.speed.dispense, p.well_bottom_clearance.dispense))
`),
  );
  assert.deepEqual(a.errors, []);
  assert.deepEqual(comments(a.runLog.map((e: RunLogEntry) => e.text)), ['50.0 10.0 2.0']);
});
