// JSON protocols of schemas 6–8 over HTTP: refused uploads answer 422 with robot software 7's
// error ids and texts (and store nothing); accepted ones keep the 4.x protocol resource, filled
// from the engine's state, and give robot-server 7's analysis record.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { jsonProtocolFixture } from '../helpers/original.ts';
import { call, uploadFile, type Envelope, type ErrorReplyBody, type InProcessServer, type ProtocolData } from './helpers.ts';

interface AnalysisBody {
  result: string;
  commands: { key: string; commandType: string; status: string; error: { id: string; errorType: string; detail: string; errorCode: string } | null }[];
  labware: { id: string; location: Record<string, unknown>; displayName: string | null }[];
  pipettes: { id: string; pipetteName: string; mount: string }[];
  modules: { id: string; model: string; location: { slotName: string }; serialNumber: string }[];
  liquids: { id: string; displayName: string; description: string; displayColor: string | null }[];
  errors: { id: string; errorType: string; detail: string }[];
}

let server: InProcessServer;
before(async () => {
  const { startApp } = await import('./helpers.ts');
  server = await startApp({ speed: 'max' });
});
after(async () => server?.close());

/** The folder the store keeps a protocol's files in (named by the store, not by the id). */
async function storedFolder(protocolId: string): Promise<string> {
  const { readdir } = await import('node:fs/promises');
  const path = (await import('node:path')).default;
  for (const folder of await readdir(path.join(server.dataDir, 'protocols'))) {
    if ((await readdir(path.join(server.dataDir, 'protocols', folder))).includes(`${protocolId}.json`)) return folder;
  }
  throw new Error(`no stored folder for ${protocolId}`);
}

async function analysisOf(protocolId: string): Promise<AnalysisBody> {
  const res = await call<{ data: AnalysisBody[] }>(server.app, 'GET', `/protocols/${protocolId}/analyses`);
  assert.equal(res.status, 200, res.text);
  return res.body.data[0];
}

describe('POST /protocols with JSON v6–8', () => {
  test('a file robot software 7.5.0 cannot read: 422 ProtocolFilesInvalid, nothing stored', async () => {
    const res = await uploadFile(server.app, jsonProtocolFixture('8/simpleV9CommandsV8.json'));
    assert.equal(res.status, 422, res.text);
    assert.deepEqual(res.body as unknown as ErrorReplyBody, {
      errors: [
        {
          id: 'ProtocolFilesInvalid',
          title: 'Protocol File(s) Invalid',
          detail: 'Error 4006 INVALID_PROTOCOL_DATA (FileFormatValidationError): simpleV9CommandsV8.json could not be read as a JSON protocol.',
          errorCode: '4000',
        },
      ],
    });
    const list = await call<Envelope<ProtocolData[]>>(server.app, 'GET', '/protocols');
    assert.ok(!list.body.data.some((p) => p.id === 'simpleV9CommandsV8'));
    // The same name can be uploaded once it is right.
    const again = await uploadFile(server.app, jsonProtocolFixture('8/simpleV8.json'), 'simpleV9CommandsV8.json');
    assert.equal(again.status, 201, again.text);
  });

  test('PATCH with a file it cannot read: 422, and the stored protocol and its file are as they were', async () => {
    const { readFile } = await import('node:fs/promises');
    const { form } = await import('./helpers.ts');
    const good = await readFile(jsonProtocolFixture('8/simpleV8.json'));
    const created = await uploadFile(server.app, jsonProtocolFixture('8/simpleV8.json'), 'patched_v8.json');
    assert.equal(created.status, 201, created.text);
    const before = await call<Envelope<ProtocolData>>(server.app, 'GET', '/protocols/patched_v8');
    const unreadable = await readFile(jsonProtocolFixture('8/simpleV9CommandsV8.json'));
    const res = await call(server.app, 'PATCH', '/protocols/patched_v8', { raw: form([{ field: 'file', name: 'patched_v8.json', data: unreadable }]) });
    assert.equal(res.status, 422, res.text);
    const after = await call<Envelope<ProtocolData>>(server.app, 'GET', '/protocols/patched_v8');
    assert.deepEqual(after.body, before.body);
    // The stored file is still the readable one: analysing the protocol again gives the same.
    const analyses = await analysisOf('patched_v8');
    assert.equal(analyses.result, 'ok');
    const stored = await readFile((await import('node:path')).default.join(server.dataDir, 'protocols', await storedFolder('patched_v8'), 'patched_v8.json'));
    assert.deepEqual(stored, good);
  });

  test('a Flex protocol: 422 ProtocolRobotTypeMismatch', async () => {
    const res = await uploadFile(server.app, jsonProtocolFixture('8/simpleFlexV8.json'));
    assert.equal(res.status, 422, res.text);
    assert.deepEqual(res.body as unknown as ErrorReplyBody, {
      errors: [
        {
          id: 'ProtocolRobotTypeMismatch',
          title: 'Protocol For Different Robot Type',
          detail: "This protocol is for Flex robots. It can't be analyzed or run on this robot, which is an OT-2.",
          errorCode: '4000',
        },
      ],
    });
  });

  test('simpleV8: the 4.x resource from the engine’s state, and robot-server 7’s analysis', async () => {
    const res = await uploadFile(server.app, jsonProtocolFixture('8/simpleV8.json'));
    assert.equal(res.status, 201, res.text);
    const p = res.body.data;
    assert.deepEqual(p.errors, []);
    assert.deepEqual(p.metadata, { name: 'Simple test protocol', author: 'engineering <engineering@opentrons.com>', apiLevel: null });
    assert.deepEqual(p.requiredEquipment.pipettes, [{ mount: 'left', requestedAs: 'p10_single', pipetteName: 'p10_single', channels: 1 }]);
    assert.deepEqual(
      p.requiredEquipment.labware.map((l) => [l.label, l.uri, l.location]),
      [
        ['Source Plate', 'opentrons/armadillo_96_wellplate_200ul_pcr_full_skirt/1', 1],
        ['Sample Collection Plate', 'opentrons/armadillo_96_wellplate_200ul_pcr_full_skirt/1', 3],
        ['Opentrons 96 Tip Rack 10 µL', 'opentrons/opentrons_96_tiprack_10ul/1', 8],
        ['Trash', 'opentrons/opentrons_1_trash_1100ml_fixed/1', 12],
      ],
    );
    const analysis = await analysisOf(p.id);
    assert.equal(analysis.result, 'ok');
    assert.equal(analysis.commands.length, 27);
    assert.equal(analysis.commands[0].key, '50c7ae73a4e3f7129874f39dfb514803');
    assert.deepEqual(analysis.labware.map((l) => l.id), ['sourcePlateId', 'destPlateId', 'tipRackId', 'fixedTrash']);
    assert.deepEqual(analysis.pipettes, [{ id: 'pipetteId', pipetteName: 'p10_single', mount: 'left' }]);
    assert.deepEqual(analysis.modules.map((m) => [m.id, m.model, m.location.slotName]), [
      ['magneticModuleId', 'magneticModuleV2', '3'],
      ['temperatureModuleId', 'temperatureModuleV2', '1'],
    ]);
    assert.deepEqual(analysis.liquids.map((l) => [l.id, l.displayName]), [['waterId', 'Water']]);
  });

  test('a failing fixture: the protocol is stored with the failed command’s error', async () => {
    const res = await uploadFile(server.app, jsonProtocolFixture('6/oneTiprack.json'));
    assert.equal(res.status, 201, res.text);
    const detail = "Labware opentrons_1_trash_1100ml_fixed is already present at slotName=<DeckSlotName.FIXED_TRASH: '12'>.";
    assert.deepEqual(res.body.data.errors, [{ type: 'LocationIsOccupiedError', description: detail }]);
    // The equipment loaded before the failure, the pre-loaded trash included.
    assert.deepEqual(res.body.data.requiredEquipment.pipettes.map((pp) => pp.pipetteName), ['p10_single']);
    const analysis = await analysisOf(res.body.data.id);
    assert.equal(analysis.result, 'not-ok');
    assert.deepEqual(analysis.commands.map((c) => `${c.commandType}:${c.status}`), ['home:succeeded', 'loadPipette:succeeded', 'loadLabware:failed']);
    assert.deepEqual(analysis.errors, [analysis.commands[2].error]);
    assert.deepEqual(analysis.labware.map((l) => l.id), ['fixedTrash']);
  });
});
