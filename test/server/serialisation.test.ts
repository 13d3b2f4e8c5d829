// Response schemas are what Fastify serialises with: a schema that missed a field, or listed fields
// in another order than the route builds them, would change a body. Every object body of a wide
// tour of the API is captured before serialisation and compared with what was sent.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { buildApp } from '../../src/server/index.ts';
import { closeAtEnd } from '../helpers/cleanup.ts';
import { repoRoot } from '../helpers/paths.ts';
import { call, command, createSession, form, inState, SIMPLE_V5, uploadFile, waitFor } from './helpers.ts';

test('every schema-serialised body is exactly JSON.stringify of what the route built', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'labwright-serialisation-'));
  const app = await buildApp({ logger: false, speed: 'max', pythonPoolSize: 1, dataDir });
  closeAtEnd(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  const checked: string[] = [];
  const mismatches: string[] = [];
  const expectedOf = new Map<string, string>();
  app.addHook('preSerialization', (request, reply, payload, done) => {
    // onSend then sees the serialised text of this same reply.
    expectedOf.set(request.id, JSON.stringify(payload));
    done(null, payload);
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    const expected = expectedOf.get(request.id);
    if (expected !== undefined) {
      const where = `${request.method} ${request.url} ${reply.statusCode}`;
      checked.push(where);
      if (payload !== expected) mismatches.push(`${where}\n${firstDifference(expected, String(payload))}`);
    }
    done(null, payload);
  });
  await app.ready();

  await call(app, 'GET', '/settings');
  await call(app, 'POST', '/settings', { json: { id: 'enableDoorSafetySwitch', value: false } });
  await call(app, 'GET', '/robot/door/status');
  await call(app, 'PUT', '/robot/door/status', { json: { data: { status: 'closed' } } });

  const uploaded = await uploadFile(app, SIMPLE_V5);
  assert.equal(uploaded.status, 201, uploaded.text);
  const protocolId = uploaded.body.data.id;
  await call(app, 'GET', '/protocols');
  await call(app, 'GET', `/protocols/${protocolId}`);
  await call(app, 'GET', `/protocols/${protocolId}/analysis`);
  const broken = await call(app, 'POST', '/protocols', {
    raw: form([{ field: 'protocolFile', name: 'broken.py', data: "metadata = {'apiLevel': '2.6'}\n\ndef run(ctx)\n    pass\n" }]),
  });
  assert.equal(broken.status, 201, broken.text);

  const session = await createSession(app, protocolId);
  await waitFor(app, session.id, inState('loaded'));
  await command(app, session.id, 'protocol.startRun');
  await waitFor(app, session.id, inState('finished'));
  await call(app, 'DELETE', `/sessions/${session.id}`);
  // A session in `error` carries its errors (with line numbers) in its details.
  const failing = await createSession(app, (broken.body as { data: { id: string } }).data.id);
  await waitFor(app, failing.id, inState('error'));
  await call(app, 'DELETE', `/sessions/${failing.id}`);
  const record = await call(app, 'POST', '/sessions', {
    json: { data: { sessionType: 'tipLengthCalibration', createParams: { mount: 'left', hasBlock: true, extra: { n: 1 } } } },
  });
  assert.equal(record.status, 201, record.text);
  await call(app, 'DELETE', `/sessions/${(record.body as { data: { id: string } }).data.id}`);

  const labware = await readFile(path.join(repoRoot, 'test/fixtures/labware/ourlab_6_tuberack_50ml.json'), 'utf8');
  const added = await call(app, 'POST', '/labware', { raw: form([{ field: 'labwareFile', name: 'rack.json', data: labware }]) });
  assert.equal(added.status, 201, added.text);
  const uri = (added.body as { data: { uri: string }[] }).data[0].uri;
  await call(app, 'GET', '/labware');
  await call(app, 'GET', `/labware/${uri}`);
  await call(app, 'DELETE', `/labware/${uri}`);

  // Errors go through the same schemas.
  await call(app, 'GET', '/protocols/nope');
  await call(app, 'GET', '/protocols', { withoutVersion: true });
  await call(app, 'POST', '/sessions', { json: { data: { sessionType: 'protocol' } } });
  await call(app, 'POST', `/sessions/${session.id}/commands/execute`, { json: { data: { command: 'protocol.pause', data: {} } } });
  await call(app, 'PUT', '/robot/door/status', { json: { data: { status: 'ajar' } } });
  await call(app, 'POST', '/settings', { json: { id: 'noSuchSetting' } });

  assert.deepEqual(mismatches, []);
  assert.ok(checked.length >= 20, `only ${checked.length} bodies were checked: ${checked.join(', ')}`);
});

/** Both texts around where they first differ. */
function firstDifference(built: string, sent: string): string {
  let i = 0;
  while (i < built.length && built[i] === sent[i]) i += 1;
  const from = Math.max(0, i - 80);
  return `  built: …${built.slice(from, i + 120)}\n  sent:  …${sent.slice(from, i + 120)}`;
}
