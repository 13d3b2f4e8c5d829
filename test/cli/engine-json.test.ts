// `labwright analyze` on JSON protocols of schemas 6–8: robot-server 7's record in --json, and the
// original's words (exit 1, no analysis) for a file robot software 7.5.0 cannot read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonProtocolFixture } from '../helpers/original.ts';
import { cliRunner } from '../helpers/cli.ts';

// With a temporary cache folder of its own.
const { labwright } = await cliRunner();

test('analyze --json on simpleV8: the commands with their keys, the engine’s equipment and liquids', async () => {
  const res = await labwright('analyze', jsonProtocolFixture('8/simpleV8.json'), '--json');
  assert.equal(res.code, 0, res.stderr);
  const doc = JSON.parse(res.stdout);
  assert.equal(doc.ok, true);
  assert.equal(doc.result, 'ok');
  assert.equal(doc.commands.length, 27);
  assert.equal(doc.commands[0].key, '50c7ae73a4e3f7129874f39dfb514803');
  assert.equal(doc.runLog.length, 27);
  assert.equal(doc.runLog[10], 'Picking up tip(s) from B1 of Opentrons 96 Tip Rack 10 µL in Slot 8');
  assert.deepEqual(doc.labware.map((l: { id: string }) => l.id), ['sourcePlateId', 'destPlateId', 'tipRackId', 'fixedTrash']);
  assert.deepEqual(doc.pipettes, [{ id: 'pipetteId', pipetteName: 'p10_single', mount: 'left' }]);
  assert.deepEqual(doc.liquids.map((l: { id: string }) => l.id), ['waterId']);
  assert.deepEqual(doc.analysisErrors, []);
});

test('analyze on a failing fixture exits 1 with the failed command’s error', async () => {
  const res = await labwright('analyze', jsonProtocolFixture('7/simpleV7.json'), '--json');
  assert.equal(res.code, 1);
  const doc = JSON.parse(res.stdout);
  assert.deepEqual(doc.errors, [{ type: 'InvalidSpecificationForRobotTypeError', description: 'Cannot load a Flex pipette on an OT-2.' }]);
  assert.deepEqual(doc.labware.map((l: { id: string }) => l.id), ['fixedTrash']);
  assert.equal(doc.analysisErrors[0].errorType, 'InvalidSpecificationForRobotTypeError');
});

test('analyze on a file 7.5.0 cannot read: its words on stderr, exit 1, no analysis', async () => {
  const res = await labwright('analyze', jsonProtocolFixture('8/simpleV10CommandsV8.json'), '--json');
  assert.equal(res.code, 1);
  assert.equal(res.stdout, '');
  assert.equal(
    res.stderr.trim(),
    'labwright: Error 4006 INVALID_PROTOCOL_DATA (FileFormatValidationError): simpleV10CommandsV8.json could not be read as a JSON protocol.',
  );
});

test('simulate on simpleV8: one line per command as people read them, then the summary', async () => {
  const res = await labwright('simulate', jsonProtocolFixture('8/simpleV8.json'));
  assert.equal(res.code, 0, res.stderr);
  const out = res.stdout.split('\n');
  assert.deepEqual(out.slice(0, 3), ['Homing all gantry, pipette, and plunger axes', 'Load P10 Single-Channel GEN1 in Left Mount', 'Load Magnetic Module GEN2 in Slot 3']);
  assert.equal(out[11], 'Aspirating 5 µL from well A1 of Source Plate in Temperature Module GEN2 in Slot 1 at 3 µL/sec');
  assert.equal(out[26], 'Saving position');
  assert.deepEqual(out.slice(27), ['', 'Commands: 27', 'Estimated duration: 1 min 25 s', 'Warnings: 0', 'Errors: none', '']);
});

test('simulate on a failing fixture: the lines up to the failed command, its error, exit 1', async () => {
  const res = await labwright('simulate', jsonProtocolFixture('7/simpleV7.json'));
  assert.equal(res.code, 1);
  assert.equal(
    res.stdout,
    [
      'Homing all gantry, pipette, and plunger axes',
      'Load p1000_96 in Left Mount',
      '',
      'Commands: 2',
      'Estimated duration: 12 s',
      'Warnings: 0',
      'Errors: 1',
      '  InvalidSpecificationForRobotTypeError: Cannot load a Flex pipette on an OT-2.',
      '',
    ].join('\n'),
  );
});
