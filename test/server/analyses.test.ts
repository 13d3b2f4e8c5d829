// GET /protocols/{id}/analyses: the engine's commands in robot-server 7's analysis shape, while
// the 4.x protocol resource keeps exactly its own fields.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, form, SIMPLE_V5, startApp, uploadFile, type Envelope, type InProcessServer, type ProtocolData } from './helpers.ts';

interface Occurrence {
  id: string;
  errorCode: string;
  errorType: string;
  detail: string;
}
interface Command {
  id: string;
  key: string;
  commandType: string;
  status: string;
  params: Record<string, unknown>;
  result: Record<string, unknown> | null;
  error: Occurrence | null;
  createdAt: string;
  startedAt: string;
  completedAt: string;
  intent: string;
  notes: unknown[];
  failedCommandId: null;
}
interface AnalysisBody {
  id: string;
  status: string;
  result: string;
  robotType: string;
  commands: Command[];
  labware: { id: string; loadName: string; definitionUri: string; location: Record<string, unknown>; displayName: string | null }[];
  pipettes: { id: string; pipetteName: string; mount: string }[];
  modules: { id: string; model: string; location: { slotName: string } }[];
  errors: Occurrence[];
}

const PYTHON = `from opentrons import protocol_api
metadata = {'apiLevel': '2.11', 'protocolName': 'analyses'}

def run(ctx: protocol_api.ProtocolContext):
    tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
    plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2, 'samples')
    mag = ctx.load_module('magnetic module gen2', 4)
    p300 = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
    p300.transfer(50, plate['A1'], plate['B1'])
    ctx.comment('half way')
    p300.pick_up_tip()
    p300.aspirate(400, plate['A1'])
`;

let server: InProcessServer;
before(async () => {
  server = await startApp({ speed: 'max' });
});
after(async () => server?.close());

async function uploadText(name: string, text: string): Promise<ProtocolData> {
  const res = await call<Envelope<ProtocolData>>(server.app, 'POST', '/protocols', { raw: form([{ field: 'protocolFile', name, data: text }]) });
  assert.equal(res.status, 201, res.text);
  return res.body.data;
}

async function analyses(protocolId: string): Promise<AnalysisBody[]> {
  const res = await call<{ data: AnalysisBody[]; meta: { cursor: number; totalLength: number } }>(server.app, 'GET', `/protocols/${protocolId}/analyses`);
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.body.meta, { cursor: 0, totalLength: 1 });
  return res.body.data;
}

describe('GET /protocols/{id}/analyses', () => {
  test('a Python protocol: its commands, equipment, and the failed command as the error', async () => {
    const protocol = await uploadText('analyses.py', PYTHON);
    const [analysis] = await analyses(protocol.id);
    assert.equal(analysis.status, 'completed');
    assert.equal(analysis.result, 'not-ok');
    assert.equal(analysis.robotType, 'OT-2 Standard');
    assert.deepEqual(
      analysis.commands.map((c) => `${c.commandType}:${c.status}`),
      [
        'home:succeeded',
        'loadLabware:succeeded',
        'loadLabware:succeeded',
        'loadModule:succeeded',
        'loadPipette:succeeded',
        'labwright/transfer:succeeded',
        'pickUpTip:succeeded',
        'aspirate:succeeded',
        'dispense:succeeded',
        'dropTip:succeeded',
        'comment:succeeded',
        'pickUpTip:succeeded',
        'aspirate:failed',
      ],
    );
    const first = analysis.commands[1];
    assert.deepEqual(first.params, { location: { slotName: '1' }, loadName: 'opentrons_96_tiprack_300ul', displayName: null, namespace: 'opentrons', version: 1 });
    assert.deepEqual(Object.keys(first), ['id', 'createdAt', 'commandType', 'key', 'status', 'params', 'result', 'error', 'startedAt', 'completedAt', 'intent', 'notes', 'failedCommandId']);
    assert.equal(analysis.commands[10].params.message, 'half way');
    const aspirate = analysis.commands[7];
    assert.equal(aspirate.params.volume, 50);
    assert.ok(Date.parse(aspirate.completedAt) > Date.parse(aspirate.startedAt), 'modeled time shows in the timestamps');
    const failed = analysis.commands.at(-1);
    assert.equal(failed?.error?.errorType, 'AssertionError');
    assert.deepEqual(analysis.errors, [failed?.error]);
    assert.deepEqual(
      analysis.labware.map((l) => [l.id, l.loadName, l.definitionUri, l.location, l.displayName]),
      [
        ['fixedTrash', 'opentrons_1_trash_1100ml_fixed', 'opentrons/opentrons_1_trash_1100ml_fixed/1', { slotName: '12' }, null],
        [first.result?.labwareId, 'opentrons_96_tiprack_300ul', 'opentrons/opentrons_96_tiprack_300ul/1', { slotName: '1' }, null],
        [analysis.commands[2].result?.labwareId, 'corning_96_wellplate_360ul_flat', 'opentrons/corning_96_wellplate_360ul_flat/1', { slotName: '2' }, 'samples'],
      ],
    );
    assert.deepEqual(analysis.pipettes.map((p) => [p.pipetteName, p.mount]), [['p300_single_gen2', 'right']]);
    assert.deepEqual(analysis.modules.map((m) => [m.model, m.location]), [['magneticModuleV2', { slotName: '4' }]]);

    const one = await call<{ data: AnalysisBody }>(server.app, 'GET', `/protocols/${protocol.id}/analyses/${analysis.id}`);
    assert.equal(one.status, 200);
    assert.deepEqual(one.body.data, analysis);
    const missing = await call(server.app, 'GET', `/protocols/${protocol.id}/analyses/nope`);
    assert.equal(missing.status, 404);
  });

  test('a JSON protocol: its commands; the 4.x resource keeps only its own fields', async () => {
    const upload = await uploadFile(server.app, SIMPLE_V5);
    assert.equal(upload.status, 201);
    const [analysis] = await analyses(upload.body.data.id);
    assert.equal(analysis.result, 'ok');
    assert.deepEqual(analysis.errors, []);
    assert.ok(analysis.commands.length > 5);
    assert.ok(analysis.commands.every((c) => c.status === 'succeeded' && c.error === null));
    // An embedded definition is named by its URI, not repeated in the params.
    const load = analysis.commands.find((c) => c.commandType === 'loadLabware');
    assert.equal(load?.params.definition, undefined);
    assert.equal(typeof load?.result?.definitionUri, 'string');
    const resource = await call<Envelope<Record<string, unknown>>>(server.app, 'GET', `/protocols/${upload.body.data.id}`);
    assert.deepEqual(Object.keys(resource.body.data), ['id', 'protocolFile', 'supportFiles', 'lastModifiedAt', 'createdAt', 'requiredEquipment', 'metadata', 'errors']);
  });

  test('a protocol that fails outside any command: no commands, the analysis error with its line', async () => {
    const protocol = await uploadText('broken.py', "metadata = {'apiLevel': '2.11'}\ndef run(ctx):\n    raise ValueError('no samples today')\n");
    const [analysis] = await analyses(protocol.id);
    assert.equal(analysis.result, 'not-ok');
    assert.deepEqual(analysis.commands.map((c) => c.commandType), ['home']);
    assert.equal(analysis.errors.length, 1);
    const [error] = analysis.errors;
    assert.equal(error.id, 'analysis-error');
    assert.match(error.detail, /no samples today/);
  });

  test('an unknown protocol: 404 in the original error shape', async () => {
    const res = await call<{ errors: { id: string; title: string }[] }>(server.app, 'GET', '/protocols/nope/analyses');
    assert.equal(res.status, 404);
    assert.equal(res.body.errors[0].title, 'Resource Not Found');
  });
});
