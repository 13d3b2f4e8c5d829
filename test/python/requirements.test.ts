// Parsing as robot software 7.5.0 does (python-protocol-api 2.12–2.19, A.1.3): the `requirements`
// dict, robot types, and the new texts for protocols at 2.12 and above; 2.0–2.11 keep 4.7.0's.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, service } from './helpers.ts';
import type { PythonService } from '../../src/python/index.ts';

let svc: PythonService;
before(() => {
  svc = service(undefined, 1);
});
after(() => svc.close());

const RUN = "def run(ctx):\n    ctx.comment('hi')\n";

test('apiLevel may be given in requirements alone, at any level', async () => {
  for (const level of ['2.13', '2.15', '2.19']) {
    const a = await analyze(svc, `requirements = {'robotType': 'OT-2', 'apiLevel': '${level}'}\nmetadata = {'protocolName': 'R'}\n${RUN}`);
    assert.deepEqual(a.errors, [], level);
    assert.equal(a.metadata.apiLevel, level);
    assert.equal(a.metadata.name, 'R');
  }
});

test('the requirements dict is read with the literal rules and its own texts', async () => {
  const cases: [string, string][] = [
    ["metadata = {'apiLevel': '2.15'}\nrequirements = {'apiLevel': '2.15'}", 'You may only put apiLevel in the metadata dict or the requirements dict, not both.'],
    ["requirements = {'apiLevel': '2.15', 'foo': 'x'}", "Unrecognized key in requirements dict: 'foo'. Allowed keys: 'apiLevel', 'robotType'."],
    ["requirements = {'apiLevel': '2.15', 'robotType': 'OT-3000'}", "robotType must be 'OT-2' or 'Flex', not 'OT-3000'."],
    ["requirements = {'apiLevel': '2.14', 'robotType': 'Flex'}", 'The Opentrons Flex only supports apiLevel 2.15 or newer.'],
    ["requirements = {'apiLevel': get()}", "Could not read the contents of the requirements dict. Make sure it doesn't contain any complex expressions, such as function calls or array indexings."],
    ["requirements = {'apiLevel': 2.15}", 'Values in the requirements dict must be strings, but value "2.15" has type "float".'],
    ["requirements = {'apiLevel': '2.15.1'}", 'apiLevel 2.15.1 is incorrectly formatted. It should be major.minor, where both major and minor are numbers.'],
    ["requirements = {'robotType': 'OT-2'}", 'apiLevel not declared in protocol.py. You must specify the target API version in the apiLevel key of the metadata dict. For instance, metadata={"apiLevel": "2.0"}'],
  ];
  for (const [head, description] of cases) {
    const a = await analyze(svc, `${head}\n${RUN}`);
    assert.deepEqual(a.errors, [{ type: 'MalformedPythonProtocolError', description }], head);
  }
});

test('a Flex protocol is refused on this OT-2, with its metadata kept', async () => {
  for (const robotType of ['Flex', 'OT-3']) {
    const a = await analyze(svc, `requirements = {'robotType': '${robotType}', 'apiLevel': '2.15'}\nmetadata = {'protocolName': 'F'}\n${RUN}`);
    assert.deepEqual(a.errors, [{ type: 'ProtocolRobotTypeMismatch', description: "This protocol is for Flex robots. It can't be analyzed or run on this robot, which is an OT-2." }]);
    assert.equal(a.metadata.apiLevel, '2.15');
    assert.equal(a.metadata.name, 'F');
    assert.equal(a.runLog.length, 0);
  }
});

test('the run-function rules give the short 7.5.0 texts from 2.12, the 4.7.0 ones below', async () => {
  const twoRuns = (level: string) => `metadata = {'apiLevel': '${level}'}\ndef run(a):\n    pass\n\ndef run(b):\n    pass\n`;
  const at212 = await analyze(svc, twoRuns('2.12'));
  assert.deepEqual(at212.errors, [{ type: 'MalformedPythonProtocolError', description: 'More than one run function is defined (lines 2, 5).' }]);
  const at211 = await analyze(svc, twoRuns('2.11'));
  assert.equal(at211.errors[0].type, 'MalformedProtocolError');
  assert.ok(at211.errors[0].description.startsWith('More than one run function is defined (lines 2, 5)\n\nA Python protocol for the OT2'));
  const none = await analyze(svc, "metadata = {'apiLevel': '2.15'}\nrun = 5\n");
  assert.deepEqual(none.errors, [{ type: 'MalformedPythonProtocolError', description: "No function 'run(ctx)' defined" }]);
  const badLevel = await analyze(svc, "metadata = {'apiLevel': '2.1.1'}\n" + RUN);
  assert.equal(badLevel.errors[0].type, 'ValueError');
});

test('every level from 2.12 to 2.19 runs', async () => {
  for (let minor = 12; minor <= 19; minor++) {
    const a = await analyze(svc, `metadata = {'apiLevel': '2.${minor}'}\n${RUN}`);
    assert.deepEqual(a.errors, [], `2.${minor}`);
    assert.deepEqual(a.runLog.map((e) => e.text), ['hi']);
  }
});
