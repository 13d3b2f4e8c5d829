// The labware library over HTTP: envelope, validation naming the field, the opentrons namespace,
// conflicts, limits, all-or-nothing uploads, and a restart that keeps everything.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/index.ts';
import { labDefinition, standardDefinition, type Definition } from './helpers.ts';

const V2 = { 'opentrons-version': '2' };

interface ErrorBody {
  errors: { id: string; title: string; detail: string; source?: { pointer?: string; header?: string } }[];
}

function multipart(files: { name: string; content: string }[], field = 'labwareFile'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----labwright-test-boundary';
  const parts = files.map(
    (f) => `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${f.name}"\r\nContent-Type: application/json\r\n\r\n${f.content}\r\n`,
  );
  return { payload: Buffer.from(`${parts.join('')}--${boundary}--\r\n`), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function withApp(t: { after(fn: () => Promise<void>): void }, config: { labwareLimitBytes?: number } = {}): Promise<{ app: FastifyInstance; dataDir: string }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'labwright-labware-'));
  const app = await buildApp({ logger: false, speed: 'max', dataDir, ...config });
  t.after(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  return { app, dataDir };
}

async function list(app: FastifyInstance): Promise<{ uri: string }[]> {
  const r = await app.inject({ method: 'GET', url: '/labware', headers: V2 });
  assert.equal(r.statusCode, 200);
  return (r.json() as { data: { uri: string }[] }).data;
}

test('a JSON definition is added, listed, shown and deleted in the envelope', { timeout: 60_000 }, async (t) => {
  const { app } = await withApp(t);
  const def = labDefinition();
  const post = await app.inject({ method: 'POST', url: '/labware', headers: V2, payload: def });
  assert.equal(post.statusCode, 201, post.body);
  assert.equal(post.headers['opentrons-version'], '2');
  const posted = post.json() as { data: Record<string, unknown>[]; links: Record<string, { href: string }> };
  assert.equal(posted.data.length, 1);
  assert.deepEqual(Object.keys(posted.data[0]), ['uri', 'namespace', 'loadName', 'version', 'displayName', 'createdAt']);
  assert.equal(posted.data[0].uri, 'ourlab/ourlab_6_tuberack_50ml/1');
  assert.equal(posted.data[0].displayName, 'Our Lab 6 Tube Rack 50 mL');
  assert.equal(posted.links.self.href, '/labware');

  assert.deepEqual((await list(app)).map((l) => l.uri), ['ourlab/ourlab_6_tuberack_50ml/1']);

  const get = await app.inject({ method: 'GET', url: '/labware/ourlab/ourlab_6_tuberack_50ml/1', headers: V2 });
  assert.equal(get.statusCode, 200);
  assert.deepEqual((get.json() as { data: unknown }).data, def);

  const del = await app.inject({ method: 'DELETE', url: '/labware/ourlab/ourlab_6_tuberack_50ml/1', headers: V2 });
  assert.equal(del.statusCode, 200);
  assert.equal((del.json() as { data: { uri: string } }).data.uri, 'ourlab/ourlab_6_tuberack_50ml/1');
  assert.deepEqual(await list(app), []);

  const gone = await app.inject({ method: 'GET', url: '/labware/ourlab/ourlab_6_tuberack_50ml/1', headers: V2 });
  assert.equal(gone.statusCode, 404);
  assert.match((gone.json() as ErrorBody).errors[0].detail, /'labware' with id 'ourlab\/ourlab_6_tuberack_50ml\/1' was not found/);
  const delAgain = await app.inject({ method: 'DELETE', url: '/labware/ourlab/ourlab_6_tuberack_50ml/1', headers: V2 });
  assert.equal(delAgain.statusCode, 404);
});

test('every route needs the version header, as the original', { timeout: 60_000 }, async (t) => {
  const { app } = await withApp(t);
  const missing = await app.inject({ method: 'GET', url: '/labware' });
  assert.equal(missing.statusCode, 422);
  assert.deepEqual((missing.json() as ErrorBody).errors[0].source, { header: 'opentrons-version' });
  const old = await app.inject({ method: 'POST', url: '/labware', headers: { 'opentrons-version': '1' }, payload: labDefinition() });
  assert.equal(old.statusCode, 400);
  assert.equal((old.json() as ErrorBody).errors[0].id, 'OutdatedAPIVersion');
  assert.deepEqual(await list(app), [], 'nothing stored by a refused request');
});

test('multipart: several files at once; one bad file refuses all of them, naming file and field', { timeout: 60_000 }, async (t) => {
  const { app } = await withApp(t);
  const good = labDefinition('ourlab_rack_a');
  const bad = labDefinition('ourlab_rack_b');
  delete (bad.parameters as Record<string, unknown>).isTiprack;
  const refused = await app.inject({
    method: 'POST',
    url: '/labware',
    headers: { ...V2, ...multipart([{ name: 'a.json', content: JSON.stringify(good) }, { name: 'b.json', content: JSON.stringify(bad) }]).headers },
    payload: multipart([{ name: 'a.json', content: JSON.stringify(good) }, { name: 'b.json', content: JSON.stringify(bad) }]).payload,
  });
  assert.equal(refused.statusCode, 422, refused.body);
  const err = (refused.json() as ErrorBody).errors[0];
  assert.equal(err.id, 'InvalidRequest');
  assert.equal(err.source?.pointer, '/labwareFile/1/parameters/isTiprack');
  assert.match(err.detail, /labware schema 2: must have required property 'isTiprack'/);
  assert.deepEqual(await list(app), [], 'the good file was not stored either');

  const body = multipart([
    { name: 'a.json', content: JSON.stringify(good) },
    { name: 'c.json', content: JSON.stringify(labDefinition('ourlab_rack_c')) },
  ]);
  const ok = await app.inject({ method: 'POST', url: '/labware', headers: { ...V2, ...body.headers }, payload: body.payload });
  assert.equal(ok.statusCode, 201, ok.body);
  assert.deepEqual((await list(app)).map((l) => l.uri), ['ourlab/ourlab_rack_a/1', 'ourlab/ourlab_rack_c/1']);

  const notJson = multipart([{ name: 'x.json', content: '{"oops": ' }]);
  const r = await app.inject({ method: 'POST', url: '/labware', headers: { ...V2, ...notJson.headers }, payload: notJson.payload });
  assert.equal(r.statusCode, 422);
  assert.equal((r.json() as ErrorBody).errors[0].source?.pointer, '/labwareFile/0');

  const empty = await app.inject({ method: 'POST', url: '/labware', headers: { ...V2, ...multipart([], 'other').headers }, payload: multipart([], 'other').payload });
  assert.equal(empty.statusCode, 422);
  assert.equal((empty.json() as ErrorBody).errors[0].source?.pointer, '/labwareFile');
});

test('the opentrons namespace is refused, so a standard definition cannot be overridden', { timeout: 60_000 }, async (t) => {
  const { app } = await withApp(t);
  const standard = standardDefinition('corning_96_wellplate_360ul_flat');
  const r = await app.inject({ method: 'POST', url: '/labware', headers: V2, payload: standard });
  assert.equal(r.statusCode, 422);
  const err = (r.json() as ErrorBody).errors[0];
  assert.equal(err.source?.pointer, '/namespace');
  assert.match(err.detail, /'opentrons' namespace is reserved/);
  const upper = await app.inject({ method: 'POST', url: '/labware', headers: V2, payload: { ...labDefinition(), namespace: 'OpenTrons' } });
  assert.equal(upper.statusCode, 422, 'the namespace check ignores case, as lookups do');
  assert.deepEqual(await list(app), []);
});

test('same URI: same content again is harmless (200), other content is a 409 and changes nothing', { timeout: 60_000 }, async (t) => {
  const { app } = await withApp(t);
  const def = labDefinition();
  assert.equal((await app.inject({ method: 'POST', url: '/labware', headers: V2, payload: def })).statusCode, 201);
  // Same content, other key order and whitespace.
  const reordered = JSON.stringify(Object.fromEntries(Object.entries(def).reverse()), null, 2);
  const again = await app.inject({ method: 'POST', url: '/labware', headers: { ...V2, 'content-type': 'application/json' }, payload: reordered });
  assert.equal(again.statusCode, 200, again.body);
  const changed = { ...def, metadata: { ...def.metadata, displayName: 'Something else' } };
  const conflict = await app.inject({ method: 'POST', url: '/labware', headers: V2, payload: changed });
  assert.equal(conflict.statusCode, 409);
  const err = (conflict.json() as ErrorBody).errors[0];
  assert.equal(err.title, 'Resource Exists');
  assert.match(err.detail, /'ourlab\/ourlab_6_tuberack_50ml\/1' is already in the library with different content/);
  const shown = await app.inject({ method: 'GET', url: '/labware/ourlab/ourlab_6_tuberack_50ml/1', headers: V2 });
  assert.equal((shown.json() as { data: Definition }).data.metadata.displayName, 'Our Lab 6 Tube Rack 50 mL');

  // Two files with one URI and different content in one upload: 409, nothing stored.
  const body = multipart([
    { name: 'a.json', content: JSON.stringify(labDefinition('ourlab_twin')) },
    { name: 'b.json', content: JSON.stringify(labDefinition('ourlab_twin', 1, 'Other name')) },
  ]);
  const twin = await app.inject({ method: 'POST', url: '/labware', headers: { ...V2, ...body.headers }, payload: body.payload });
  assert.equal(twin.statusCode, 409);
  assert.deepEqual((await list(app)).map((l) => l.uri), ['ourlab/ourlab_6_tuberack_50ml/1']);
});

test('too many wells, absurd dimensions and too large a body get a 4xx and store nothing', { timeout: 60_000 }, async (t) => {
  const { app } = await withApp(t, { labwareLimitBytes: 256 * 1024 });
  const base = labDefinition();
  const wellA1 = base.wells.A1;
  const wells: Record<string, Record<string, unknown>> = {};
  for (let i = 0; i < 1600; i++) wells[`W${i}`] = wellA1;
  const many = { ...base, wells, ordering: [Object.keys(wells)] };
  const r1 = await app.inject({ method: 'POST', url: '/labware', headers: V2, payload: many });
  assert.equal(r1.statusCode, 422, r1.body);
  assert.equal((r1.json() as ErrorBody).errors[0].source?.pointer, '/wells');
  assert.match((r1.json() as ErrorBody).errors[0].detail, /1600 wells; at most 1536/);

  const huge = { ...base, dimensions: { ...base.dimensions, xDimension: 12_000 } };
  const r2 = await app.inject({ method: 'POST', url: '/labware', headers: V2, payload: huge });
  assert.equal(r2.statusCode, 422);
  assert.equal((r2.json() as ErrorBody).errors[0].source?.pointer, '/dimensions/xDimension');

  const deep = { ...base, wells: { ...base.wells, A1: { ...wellA1, depth: 1e9 } } };
  const r3 = await app.inject({ method: 'POST', url: '/labware', headers: V2, payload: deep });
  assert.equal(r3.statusCode, 422);
  assert.equal((r3.json() as ErrorBody).errors[0].source?.pointer, '/wells/A1/depth');

  const badOrder = { ...base, ordering: [['A1', 'Z99']] };
  const r4 = await app.inject({ method: 'POST', url: '/labware', headers: V2, payload: badOrder });
  assert.equal(r4.statusCode, 422);
  assert.equal((r4.json() as ErrorBody).errors[0].source?.pointer, '/ordering/0/1');

  const padded = { ...base, metadata: { ...base.metadata, notes: 'x'.repeat(300 * 1024) } };
  const r5 = await app.inject({ method: 'POST', url: '/labware', headers: V2, payload: padded });
  assert.equal(r5.statusCode, 413);
  const big = multipart([{ name: 'big.json', content: JSON.stringify(padded) }]);
  const r6 = await app.inject({ method: 'POST', url: '/labware', headers: { ...V2, ...big.headers }, payload: big.payload });
  assert.equal(r6.statusCode, 413);
  assert.equal(r6.headers['opentrons-version'], '2');

  const notObject = await app.inject({ method: 'POST', url: '/labware', headers: V2, payload: [1, 2] });
  assert.equal(notObject.statusCode, 422);
  const broken = await app.inject({ method: 'POST', url: '/labware', headers: { ...V2, 'content-type': 'application/json' }, payload: '{"namespace": ' });
  assert.equal(broken.statusCode, 422);
  assert.deepEqual(await list(app), []);
});

test('the library lives in the data folder and survives a restart', { timeout: 60_000 }, async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'labwright-labware-restart-'));
  try {
    const first = await buildApp({ logger: false, speed: 'max', dataDir });
    const def = labDefinition();
    try {
      assert.equal((await first.inject({ method: 'POST', url: '/labware', headers: V2, payload: def })).statusCode, 201);
    } finally {
      await first.close();
    }
    const second = await buildApp({ logger: false, speed: 'max', dataDir });
    try {
      const listed = (await second.inject({ method: 'GET', url: '/labware', headers: V2 })).json() as { data: { uri: string; createdAt: string }[] };
      assert.deepEqual(listed.data.map((l) => l.uri), ['ourlab/ourlab_6_tuberack_50ml/1']);
      const shown = await second.inject({ method: 'GET', url: '/labware/ourlab/ourlab_6_tuberack_50ml/1', headers: V2 });
      assert.deepEqual((shown.json() as { data: unknown }).data, def);
      // The same content after the restart is still harmless.
      assert.equal((await second.inject({ method: 'POST', url: '/labware', headers: V2, payload: def })).statusCode, 200);
    } finally {
      await second.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('the OpenAPI document describes every labware route', { timeout: 60_000 }, async (t) => {
  const { app } = await withApp(t);
  const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  assert.deepEqual(Object.keys(doc.paths['/labware']).sort(), ['get', 'post']);
  assert.deepEqual(Object.keys(doc.paths['/labware/{namespace}/{loadName}/{version}']).sort(), ['delete', 'get']);
  assert.ok(doc.paths['/protocols/{protocolId}/analysis'].get);
});
