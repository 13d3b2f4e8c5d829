import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { analyze, file, protocol, service } from './helpers.ts';
import type { PythonService } from '../../src/python/index.ts';

let svc: PythonService;
before(() => {
  svc = service(undefined, 1);
});
after(() => svc.close());

const HELP = "\n\nA Python protocol for the OT2 must define a function called 'run' that takes a\nsingle argument";

test('a syntax error reports its line and file name, with null metadata', async () => {
  const a = await analyze(svc, "metadata = {'apiLevel': '2.6'}\n\ndef run(ctx)\n    pass\n");
  assert.equal(a.errors.length, 1);
  assert.equal(a.errors[0].type, 'SyntaxError');
  assert.equal(a.errors[0].lineNumber, 3);
  assert.equal(a.errors[0].fileName, 'protocol.py');
  assert.deepEqual(a.metadata, { name: null, author: null, apiLevel: null });
});

test('metadata is read from literals only, with the original messages', async () => {
  const cases: [string, string, string][] = [
    ["metadata = {'apiLevel': get()}", 'ValueError', "Could not read the contents of the metadata dict. Make sure it doesn't contain any complex expressions, such as function calls or array indexings."],
    ["metadata = {'apiLevel': 2.5}", 'ValueError', 'metadata values must be strings, but value "2.5" has type "float".'],
    ["metadata = {1: '2.5'}", 'ValueError', 'metadata keys must be strings, but key "1" has type "int".'],
    ["metadata = {'apiLevel': '2'}", 'ValueError', 'apiLevel 2 is incorrectly formatted. It should major.minor, where both major and minor are numbers.'],
    ['metadata = {}', 'RuntimeError', 'If this is not an API v1 protocol, you must specify the target api level in the apiLevel key of the metadata. For instance, metadata={"apiLevel": "2.0"}'],
  ];
  for (const [line, type, description] of cases) {
    const a = await analyze(svc, `${line}\ndef run(ctx):\n    pass\n`);
    assert.deepEqual(a.errors, [{ type, description }], line);
    assert.equal(a.metadata.apiLevel, null);
  }
});

test('v1 protocols are refused with ApiDeprecationError', async () => {
  const a = await analyze(svc, 'from opentrons import robot, instruments\nrobot.home()\n');
  assert.equal(a.errors[0].type, 'ApiDeprecationError');
  assert.match(a.errors[0].description, /^\n\nThe python protocol you uploaded has the Python API Version 1\.0\. {2}Robot server version 4\.0\.0 is\nthe official end of life/);
});

test('the run function rules give MalformedProtocolError with the help text', async () => {
  const twoRuns = await analyze(svc, "metadata = {'apiLevel': '2.6'}\ndef run(a):\n    pass\n\ndef run(b):\n    pass\n");
  assert.equal(twoRuns.errors[0].type, 'MalformedProtocolError');
  assert.ok(twoRuns.errors[0].description.startsWith(`More than one run function is defined (lines 2, 5)${HELP}`));
  const none = await analyze(svc, "metadata = {'apiLevel': '2.6'}\nrun = lambda ctx: None\n");
  assert.ok(none.errors[0].description.startsWith(`No function 'run(ctx)' defined${HELP}`));
  const v1 = await analyze(svc, "from opentrons import robot\nmetadata = {'apiLevel': '2.6'}\ndef run(ctx):\n    pass\n");
  assert.ok(v1.errors[0].description.startsWith('Protocol API v1 modules such as robot, instruments, and labware may not be imported in Protocol API V2 protocols'));
  const noArgs = await analyze(svc, "metadata = {'apiLevel': '2.6'}\ndef run():\n    pass\n");
  assert.equal(noArgs.errors[0].type, 'MalformedProtocolError');
  assert.ok(noArgs.errors[0].description.startsWith("Function 'run()' does not take any parameters"));
  assert.equal(noArgs.metadata.apiLevel, '2.6');
  const twoArgs = await analyze(svc, "metadata = {'apiLevel': '2.6'}\ndef run(a, b):\n    pass\n");
  assert.ok(twoArgs.errors[0].description.startsWith("Function 'run(a, b)' must be called with more than one argument but would be called as 'run(ctx)'"));
  const withDefault = await analyze(svc, "metadata = {'apiLevel': '2.6'}\ndef run(a, b=1):\n    pass\n");
  assert.deepEqual(withDefault.errors, []);
});

test('an apiLevel above 2.19 parses but is refused when running (metadata kept)', async () => {
  const a = await analyze(svc, "metadata = {'apiLevel': '2.20', 'protocolName': 'New', 'author': 'Me'}\ndef run(ctx):\n    pass\n");
  assert.deepEqual(a.errors, [{ type: 'RuntimeError', description: 'API version 2.20 is not supported by this robot software. Please either reduce your requested API version or update your robot.' }]);
  assert.deepEqual(a.metadata, { name: 'New', author: 'Me', apiLevel: '2.20' });
  assert.deepEqual(a.rawMetadata, { apiLevel: '2.20', protocolName: 'New', author: 'Me' });
});

test('exceptions in run are wrapped with the protocol line; module-level ones are not', async () => {
  const inRun = await analyze(svc, protocol("x = {'a': 1}\nx['b']"));
  assert.deepEqual(inRun.errors, [{ type: 'ExceptionInProtocolError', description: "'b'", lineNumber: 6 }]);
  const attr = await analyze(svc, protocol('ctx.you_will_fail()'));
  assert.deepEqual(attr.errors, [{ type: 'ExceptionInProtocolError', description: "'ProtocolContext' object has no attribute 'you_will_fail'", lineNumber: 5 }]);
  const topLevel = await analyze(svc, "metadata = {'apiLevel': '2.6'}\nraise ValueError('boom')\ndef run(ctx):\n    pass\n");
  assert.deepEqual(topLevel.errors, [{ type: 'ValueError', description: 'boom' }]);
  assert.equal(topLevel.metadata.apiLevel, '2.6');
  const engineError = await analyze(svc, protocol("ctx.load_labware('no_such_labware', 1)"));
  assert.equal(engineError.errors[0].type, 'ExceptionInProtocolError');
  assert.match(engineError.errors[0].description, /^Unable to find a labware\n {8}definition for "no_such_labware"/);
});

test('support files: modules import, data files read and write in the protocol folder, labware JSON is custom labware', async () => {
  const require = createRequire(import.meta.url);
  const base = JSON.parse(fs.readFileSync(require.resolve('@opentrons/shared-data/labware/definitions/2/corning_96_wellplate_360ul_flat/1.json'), 'utf8'));
  const custom = { ...base, namespace: 'custom_beta', parameters: { ...base.parameters, loadName: 'my_custom_plate' }, metadata: { ...base.metadata, displayName: 'My Custom Plate' } };
  const body = [
    'import mylib',
    "with open('data.csv') as f:",
    "    rows = f.read().splitlines()",
    "with open('out.txt', 'w') as f:",
    "    f.write('hello')",
    "assert open('out.txt').read() == 'hello'",
    "plate = ctx.load_labware('my_custom_plate', 1)",
    "ctx.comment(mylib.greet(rows[0]) + ' ' + plate.uri)",
  ].join('\n');
  const a = await analyze(svc, protocol(body), [
    file('mylib.py', "def greet(x):\n    return 'hi ' + x\n"),
    file('data.csv', 'A1,B1\n'),
    file('my_custom_plate.json', JSON.stringify(custom)),
    file('not_labware.json', '{"a": 1}'),
  ]);
  assert.deepEqual(a.errors, []);
  assert.deepEqual(a.runLog.map((e) => e.text), ['hi A1,B1 custom_beta/my_custom_plate/1']);
  assert.deepEqual(a.requiredEquipment.labware[0], { label: 'my_custom_plate', uri: 'custom_beta/my_custom_plate/1', location: 1 });
});

test('Protocol Library protocols get get_values() from fields.json, with their own line numbers', async () => {
  const fields = JSON.stringify([
    { type: 'int', name: 'count', default: 3 },
    { type: 'dropDown', name: 'pip', options: [{ label: 'P300', value: 'p300_single_gen2' }, { label: 'P20', value: 'p20_single_gen2' }] },
  ]);
  const text = protocol("[count, pip] = get_values('count', 'pip')  # noqa: F821\nctx.comment(pip + ' x' + str(count))\nraise ValueError('stop')");
  const a = await analyze(svc, text, [file('fields.json', fields)]);
  assert.deepEqual(a.runLog.map((e) => e.text), ['p300_single_gen2 x3']);
  assert.deepEqual(a.errors, [{ type: 'ExceptionInProtocolError', description: 'stop', lineNumber: 7 }]);
  const without = await analyze(svc, text);
  assert.deepEqual(without.errors, [{ type: 'ExceptionInProtocolError', description: "name 'get_values' is not defined", lineNumber: 5 }]);
});
