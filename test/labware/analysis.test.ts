// Every analysis sees the labware library: Python load_labware and JSON labware resolve from it,
// a protocol's own definition wins, the source is recorded, and a library change re-analyses the
// protocols it affects (marked stale with the reason until then), also across a restart.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/index.ts';
import { openLabwareStore } from '../../src/store/index.ts';
import { FIXTURES, labDefinition, multipartBody, sharedDataFile } from './helpers.ts';

const V2 = { 'opentrons-version': '2' };
const PROTOCOL = readFileSync(path.join(FIXTURES, 'protocols', 'library_tuberack.py'), 'utf8');
const RACK_URI = 'ourlab/ourlab_6_tuberack_50ml/1';
const PLATE_URI = 'example/foo_8_plate_33ul/1';

interface ProtocolData {
  id: string;
  requiredEquipment: { labware: { label: string; uri: string; location: number }[] };
  errors: { type: string; description: string }[];
  analysisStale?: { reason: string; since: string };
}
interface AnalysisData {
  customLabware: { uri: string; source: string; requested: Record<string, unknown>; sha256?: string }[];
  labware: { uri: string; definition: { metadata: { displayName: string } } | null }[];
  stale: { reason: string } | null;
}

async function upload(app: FastifyInstance, name: string, content: string, support: { name: string; content: string }[] = []): Promise<ProtocolData> {
  const body = multipartBody([
    { field: 'protocolFile', name, content },
    ...support.map((s) => ({ field: 'supportFiles', name: s.name, content: s.content })),
  ]);
  const r = await app.inject({ method: 'POST', url: '/protocols', headers: { ...V2, ...body.headers }, payload: body.payload });
  assert.equal(r.statusCode, 201, r.body);
  return (r.json() as { data: ProtocolData }).data;
}

async function protocol(app: FastifyInstance, id: string): Promise<ProtocolData> {
  const r = await app.inject({ method: 'GET', url: `/protocols/${id}`, headers: V2 });
  assert.equal(r.statusCode, 200, r.body);
  return (r.json() as { data: ProtocolData }).data;
}

async function analysis(app: FastifyInstance, id: string): Promise<AnalysisData> {
  const r = await app.inject({ method: 'GET', url: `/protocols/${id}/analysis`, headers: V2 });
  assert.equal(r.statusCode, 200, r.body);
  return (r.json() as { data: AnalysisData }).data;
}

async function addLabware(app: FastifyInstance, def: unknown): Promise<void> {
  const r = await app.inject({ method: 'POST', url: '/labware', headers: V2, payload: def as object });
  assert.ok(r.statusCode === 201 || r.statusCode === 200, r.body);
}

async function withApp(t: { after(fn: () => Promise<void>): void }): Promise<{ app: FastifyInstance; dataDir: string }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'labwright-labware-analysis-'));
  const app = await buildApp({ logger: false, speed: 'max', dataDir, pythonPoolSize: 1 });
  t.after(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  return { app, dataDir };
}

test('Python: load_labware resolves from the library; removing and adding it re-analyses the protocol', { timeout: 180_000 }, async (t) => {
  const { app } = await withApp(t);
  const before = await upload(app, 'library_tuberack.py', PROTOCOL);
  assert.match(before.errors[0]?.description ?? '', /Labware "ourlab_6_tuberack_50ml" not found with version 1 in namespace "ourlab"/, 'without the library entry the labware is unknown');

  await addLabware(app, labDefinition());
  // The failed analysis is marked stale at once, with the reason, and redone in the background.
  const marked = await protocol(app, before.id);
  assert.match(marked.analysisStale?.reason ?? '', /labware library changed after this analysis failed/);
  await app.labwright.protocols.reanalysisIdle();
  const after = await protocol(app, before.id);
  assert.equal(after.analysisStale, undefined);
  assert.deepEqual(after.errors, []);
  assert.deepEqual(
    after.requiredEquipment.labware.find((l) => l.uri === RACK_URI),
    { label: 'ourlab_6_tuberack_50ml', uri: RACK_URI, location: 2, slot: 2 },
  );
  const a = await analysis(app, before.id);
  assert.equal(a.customLabware.length, 1);
  assert.equal(a.customLabware[0].uri, RACK_URI);
  assert.equal(a.customLabware[0].source, 'library');
  assert.deepEqual(a.customLabware[0].requested, { loadName: 'ourlab_6_tuberack_50ml', namespace: 'ourlab', version: 1 });
  assert.match(a.customLabware[0].sha256 ?? '', /^[0-9a-f]{64}$/);
  assert.equal(a.labware.find((l) => l.uri === RACK_URI)?.definition?.metadata.displayName, 'Our Lab 6 Tube Rack 50 mL');

  // A session runs with the library as it is.
  const s = await app.inject({ method: 'POST', url: '/sessions', headers: V2, payload: { data: { sessionType: 'protocol', createParams: { protocolId: before.id } } } });
  assert.equal(s.statusCode, 201, s.body);

  const del = await app.inject({ method: 'DELETE', url: `/labware/${RACK_URI}`, headers: V2 });
  assert.equal(del.statusCode, 200);
  const stale = await protocol(app, before.id);
  assert.equal(stale.analysisStale?.reason, `labware ${RACK_URI} is no longer in the labware library`);
  await app.labwright.protocols.reanalysisIdle();
  const redone = await protocol(app, before.id);
  assert.equal(redone.analysisStale, undefined);
  assert.match(redone.errors[0]?.description ?? '', /Labware "ourlab_6_tuberack_50ml" not found with version 1 in namespace "ourlab"/);
});

test("a protocol's own support-file definition wins over the library's, and a library change leaves it alone", { timeout: 180_000 }, async (t) => {
  const { app } = await withApp(t);
  await addLabware(app, labDefinition());
  const own = labDefinition('ourlab_6_tuberack_50ml', 1, 'The protocol’s own rack');
  const p = await upload(app, 'library_tuberack.py', PROTOCOL, [{ name: 'rack.json', content: JSON.stringify(own) }]);
  assert.deepEqual(p.errors, []);
  const a = await analysis(app, p.id);
  assert.deepEqual(a.customLabware.map((u) => [u.uri, u.source]), [[RACK_URI, 'protocol']]);
  assert.equal(a.labware.find((l) => l.uri === RACK_URI)?.definition?.metadata.displayName, 'The protocol’s own rack');

  const del = await app.inject({ method: 'DELETE', url: `/labware/${RACK_URI}`, headers: V2 });
  assert.equal(del.statusCode, 200);
  assert.equal((await protocol(app, p.id)).analysisStale, undefined, 'nothing it used changed');
  await app.labwright.protocols.reanalysisIdle();
  assert.deepEqual((await protocol(app, p.id)).errors, []);
});

test('JSON: a labware whose definition the document leaves out resolves from the library by its URI', { timeout: 60_000 }, async (t) => {
  const { app } = await withApp(t);
  const doc = JSON.parse(readFileSync(sharedDataFile('protocol', 'fixtures', '3', 'simple.json'), 'utf8')) as {
    labware: Record<string, { definitionId: string }>;
    labwareDefinitions: Record<string, unknown>;
  };
  // Protocol Designer names a definition by its URI; this fixture's plate is example/foo_8_plate_33ul/1.
  const plate = doc.labwareDefinitions['example/plate/1'];
  delete doc.labwareDefinitions['example/plate/1'];
  for (const l of Object.values(doc.labware)) if (l.definitionId === 'example/plate/1') l.definitionId = PLATE_URI;
  const missing = await upload(app, 'simple_library.json', JSON.stringify(doc));
  assert.equal(missing.errors[0]?.type, 'KeyError', "the original's error when neither has it");

  await addLabware(app, plate);
  await app.labwright.protocols.reanalysisIdle();
  const p = await protocol(app, missing.id);
  assert.deepEqual(p.errors, []);
  const a = await analysis(app, p.id);
  assert.deepEqual(a.customLabware.map((u) => [u.uri, u.source]), [[PLATE_URI, 'library']]);

  // The document's own definition, when present, is used (and recorded as the protocol's).
  const full = JSON.parse(readFileSync(sharedDataFile('protocol', 'fixtures', '3', 'simple.json'), 'utf8')) as unknown;
  const withOwn = await upload(app, 'simple_own.json', JSON.stringify(full));
  assert.deepEqual((await analysis(app, withOwn.id)).customLabware.map((u) => [u.uri, u.source]), [[PLATE_URI, 'protocol']]);
});

test('a library change made while the server was down (the CLI) is noticed at start', { timeout: 180_000 }, async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'labwright-labware-offline-'));
  try {
    const first = await buildApp({ logger: false, speed: 'max', dataDir, pythonPoolSize: 1 });
    let id: string;
    try {
      await addLabware(first, labDefinition());
      id = (await upload(first, 'library_tuberack.py', PROTOCOL)).id;
      assert.deepEqual((await protocol(first, id)).errors, []);
    } finally {
      await first.close();
    }
    const offline = await openLabwareStore(dataDir);
    try {
      offline.labware.change(() => offline.labware.delete(RACK_URI));
    } finally {
      offline.close();
    }
    const second = await buildApp({ logger: false, speed: 'max', dataDir, pythonPoolSize: 1 });
    try {
      assert.equal((await protocol(second, id)).analysisStale?.reason, `labware ${RACK_URI} is no longer in the labware library`);
      await second.labwright.protocols.reanalysisIdle();
      assert.match((await protocol(second, id)).errors[0]?.description ?? '', /Labware "ourlab_6_tuberack_50ml" not found with version 1 in namespace "ourlab"/);
    } finally {
      await second.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
