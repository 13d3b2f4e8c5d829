// The command line as a user and their CI see it: real processes, real files, exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OriginalJsonAnalysis } from '../helpers/original.ts';
import { jsonProtocolFixture, originalJsonAnalyses } from '../helpers/original.ts';
import { cliRunner } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/paths.ts';

// The cache folder of these commands is a temporary one, shared by the tests of this file.
const { labwright } = await cliRunner();

const fixture = jsonProtocolFixture;

function original(id: string): OriginalJsonAnalysis {
  const found = originalJsonAnalyses()[id];
  assert.ok(found, `no recorded analysis of ${id}`);
  return found;
}

test('analyze --json prints the analysis document of a JSON fixture and exits 0', async () => {
  const res = await labwright('analyze', fixture('5/simpleV5.json'), '--json');
  assert.equal(res.code, 0, res.stderr);
  const doc = JSON.parse(res.stdout);
  const ref = original('5/simpleV5.json');
  assert.deepEqual(Object.keys(doc), [
    'ok', 'protocolType', 'metadata', 'requiredEquipment', 'errors', 'warnings',
    'commandCount', 'estimatedDurationSeconds', 'runLog', 'customLabware', 'commands',
  ]);
  assert.equal(doc.ok, true);
  // The engine's commands, in robot-server 7's analysis shape; each logged one spans its line.
  const commands = doc.commands as { commandType: string; status: string; params: Record<string, unknown>; key: string }[];
  assert.ok(commands.every((c) => c.status === 'succeeded' && c.key !== ''));
  assert.deepEqual(
    commands.filter((c) => c.commandType === 'waitForDuration').map((c) => c.params.seconds),
    [42],
  );
  assert.equal(doc.protocolType, 'json');
  assert.deepEqual(doc.metadata, ref.metadata);
  assert.deepEqual(doc.requiredEquipment, ref.requiredEquipment);
  assert.deepEqual(doc.errors, []);
  assert.deepEqual(doc.runLog, ref.runLog);
  assert.equal(doc.commandCount, ref.runLog.length);
  assert.ok(doc.estimatedDurationSeconds >= 42, 'the 42 s delay is part of the estimate');
});

test('simulate prints the run log line for line, then a summary', async () => {
  const res = await labwright('simulate', fixture('4/testThermocyclerModuleV4.json'));
  assert.equal(res.code, 0, res.stderr);
  const ref = original('4/testThermocyclerModuleV4.json');
  const [log, summary] = res.stdout.split('\n\n');
  assert.deepEqual(log.split('\n'), ref.runLog);
  assert.match(summary, /^Commands: \d+\nEstimated duration: .+\nWarnings: \d+/);
});

test('a protocol with an error exits 1 and reports it in the original shape', async () => {
  const res = await labwright('analyze', fixture('3/testTrickyLabwareV3.json'), '--json');
  assert.equal(res.code, 1);
  const doc = JSON.parse(res.stdout);
  assert.equal(doc.ok, false);
  assert.deepEqual(
    doc.errors.map((e: { type: string; description: string }) => ({ type: e.type, description: e.description })),
    [{ type: 'NoTipAttachedError', description: 'Cannot perform PREPARE_ASPIRATE without a tip attached' }],
  );
});

test('bad input: malformed JSON, labware as a protocol, unknown schema — exit 1, no stack trace', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'labwright-cli-'));
  const cases: Array<[string, string, string]> = [
    ['broken.json', '{"schemaVersion": 3,', 'JSONDecodeError'],
    ['schema9.json', '{"schemaVersion": 9}', 'RuntimeError'],
    [
      'labware.json',
      await readFile(
        join(repoRoot, 'node_modules/@opentrons/shared-data/labware/definitions/2/corning_96_wellplate_360ul_flat/1.json'),
        'utf8',
      ),
      'RuntimeError',
    ],
  ];
  for (const [name, text, type] of cases) {
    const path = join(dir, name);
    await writeFile(path, text);
    const res = await labwright('analyze', path, '--json');
    assert.equal(res.code, 1, `${name}: ${res.stderr}`);
    const doc = JSON.parse(res.stdout);
    assert.equal(doc.errors[0].type, type, name);
    assert.doesNotMatch(res.stdout + res.stderr, /\n\s+at .+\.ts:\d+/, `${name}: no stack trace`);
  }
});

test('usage errors exit 2', async () => {
  assert.equal((await labwright('analyze')).code, 2);
  assert.equal((await labwright('frobnicate')).code, 2);
  assert.equal((await labwright('analyze', join(repoRoot, 'no-such-file.py'))).code, 2);
  assert.equal((await labwright('serve', '--port', 'x')).code, 2);
});

test('analyze --json on the example protocol (Python, with support files) gives its equipment and run log', async () => {
  const ex = join(repoRoot, 'examples/plate_transfer');
  const res = await labwright(
    'analyze',
    join(ex, 'plate_transfer.py'),
    '--support', join(ex, 'tip_handling.py'),
    '--support', join(ex, 'plate_transfer_plan.json'),
    '--json',
  );
  assert.equal(res.code, 0, res.stdout + res.stderr);
  const doc = JSON.parse(res.stdout);
  assert.deepEqual(doc.metadata, { name: 'Plate transfer', author: 'Labwright examples', apiLevel: '2.8' });
  assert.deepEqual(doc.requiredEquipment, {
    pipettes: [{ mount: 'left', requestedAs: 'p300_single_gen2', pipetteName: 'p300_single_gen2', channels: 1 }],
    labware: [
      { label: 'corning_96_wellplate_360ul_flat', uri: 'opentrons/corning_96_wellplate_360ul_flat/1', location: 1 },
      { label: 'opentrons_96_tiprack_300ul', uri: 'opentrons/opentrons_96_tiprack_300ul/1', location: 2 },
      { label: 'opentrons_1_trash_1100ml_fixed', uri: 'opentrons/opentrons_1_trash_1100ml_fixed/1', location: 12 },
    ],
    modules: [],
  });
  assert.deepEqual(doc.errors, []);
  // A P300 GEN2 at apiLevel 2.8 moves 92.86 µL/s both ways; the tip rack has today's name.
  assert.deepEqual(doc.runLog, [
    'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on 2',
    'Aspirating 50.0 uL from A1 of Corning 96 Well Plate 360 µL Flat on 1 at 92.86 uL/sec',
    'Dispensing 50.0 uL into B1 of Corning 96 Well Plate 360 µL Flat on 1 at 92.86 uL/sec',
    'Dropping tip into A1 of Opentrons Fixed Trash on 12',
    'Picking up tip from B1 of Opentrons OT-2 96 Tip Rack 300 µL on 2',
    'Aspirating 120.0 uL from A2 of Corning 96 Well Plate 360 µL Flat on 1 at 92.86 uL/sec',
    'Dispensing 120.0 uL into B2 of Corning 96 Well Plate 360 µL Flat on 1 at 92.86 uL/sec',
    'Dropping tip into A1 of Opentrons Fixed Trash on 12',
  ]);
});

test('--labware: a folder of custom definitions is loadable by load name; an invalid one is refused naming the field', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'labwright-cli-lw-'));
  const labwareDir = join(dir, 'labware');
  await mkdir(labwareDir);
  const base = JSON.parse(
    await readFile(
      join(repoRoot, 'node_modules/@opentrons/shared-data/labware/definitions/2/corning_96_wellplate_360ul_flat/1.json'),
      'utf8',
    ),
  );
  const custom = {
    ...base,
    namespace: 'custom_beta',
    parameters: { ...base.parameters, loadName: 'lab_96_plate' },
    metadata: { ...base.metadata, displayName: 'Lab 96 Plate' },
  };
  await writeFile(join(labwareDir, 'lab_96_plate.json'), JSON.stringify(custom));
  const protocol = join(dir, 'uses_custom.py');
  await writeFile(
    protocol,
    [
      "metadata = {'apiLevel': '2.8'}",
      'def run(ctx):',
      "    plate = ctx.load_labware('lab_96_plate', 3)",
      "    ctx.comment(str(plate))",
      '',
    ].join('\n'),
  );
  const ok = await labwright('analyze', protocol, '--labware', labwareDir, '--json');
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  const doc = JSON.parse(ok.stdout);
  assert.deepEqual(doc.requiredEquipment.labware[0], { label: 'lab_96_plate', uri: 'custom_beta/lab_96_plate/1', location: 3 });
  assert.deepEqual(doc.runLog, ['Lab 96 Plate on 3']);

  const bad = { ...custom, parameters: { ...custom.parameters, loadName: 'Bad Name!' } };
  const badPath = join(dir, 'bad.json');
  await writeFile(badPath, JSON.stringify(bad));
  const refused = await labwright('analyze', protocol, '--labware', badPath);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /not a valid labware definition \(schema 2\): \/parameters\/loadName must match pattern/);
});
