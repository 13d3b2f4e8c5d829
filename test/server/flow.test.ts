// The seed's flow with a JSON protocol, on a real server: upload, session, load, run, delete.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  call, command, createSession, inState, SIMPLE_V5, startServer, uploadFile, waitFor,
  type Envelope, type ErrorReplyBody, type ProtocolData, type Server, type SessionData,
} from './helpers.ts';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let server: Server;
before(async () => {
  server = await startServer({ speed: 'max' });
});
after(async () => server?.close());

test('upload, session, load, run to finished, delete', async (t) => {
  // Whatever fails below, the next test starts without this protocol (the delete is checked at the end).
  t.after(() => call(server.base, 'DELETE', '/protocols/simpleV5').then(() => undefined));
  const up = await uploadFile(server.base, SIMPLE_V5);
  assert.equal(up.status, 201, up.text);
  assert.equal(up.headers.get('opentrons-version'), '2');
  assert.equal(up.headers.get('opentrons-min-version'), '2');
  const p = up.body.data;
  assert.equal(p.id, 'simpleV5');
  assert.deepEqual(p.protocolFile, { basename: 'simpleV5.json' });
  assert.deepEqual(p.supportFiles, []);
  assert.match(p.createdAt, TIMESTAMP);
  assert.match(p.lastModifiedAt, TIMESTAMP);
  assert.deepEqual(p.errors, []);
  assert.equal(p.metadata.apiLevel, '2.8');
  // Both keys, as the original (`location`) and the seed document (`slot`) show them.
  assert.ok(p.requiredEquipment.labware.length > 0);
  for (const lw of p.requiredEquipment.labware) assert.equal(lw.slot, lw.location);
  assert.deepEqual(Object.keys(up.body), ['data', 'links']);
  assert.deepEqual(up.body.links, {
    self: { href: '/protocols/simpleV5' },
    protocols: { href: '/protocols' },
    protocolById: { href: '/protocols/{protocolId}' },
  });

  const list = await call<Envelope<ProtocolData[]>>(server.base, 'GET', '/protocols');
  assert.deepEqual(list.body.data, [p]);

  const created = await createSession(server.base, 'simpleV5');
  assert.match(created.id, UUID);
  assert.deepEqual(Object.keys(created), ['id', 'createdAt', 'details', 'sessionType', 'createParams']);
  assert.equal(created.sessionType, 'protocol');
  assert.deepEqual(created.createParams, { protocolId: 'simpleV5' });

  const loaded = await waitFor(server.base, created.id, inState('loaded', 'error'));
  assert.equal(loaded.details.currentState, 'loaded');
  const loadEvents = loaded.details.events;
  assert.ok(loadEvents.length > 0 && loadEvents.length % 2 === 0);
  // Pairs: `.start` with a text, `.end` with the same id; ids count from "1".
  assert.equal(loadEvents[0].commandId, '1');
  assert.match(loadEvents[0].event, /^command\.[A-Z_]+\.start$/);
  assert.equal(typeof loadEvents[0].params?.text, 'string');
  assert.equal(loadEvents[1].event, loadEvents[0].event.replace('.start', '.end'));
  assert.equal(loadEvents[1].commandId, '1');
  assert.equal(loadEvents[1].params, null);

  const run = await command(server.base, created.id, 'protocol.startRun');
  assert.equal(run.status, 200, run.text);
  const cmd = (run.body as Envelope<Record<string, unknown>>).data;
  assert.deepEqual(Object.keys(cmd), ['id', 'command', 'data', 'status', 'createdAt', 'startedAt', 'completedAt', 'result']);
  assert.equal(cmd.status, 'executed');
  assert.deepEqual(cmd.data, {});

  const finished = await waitFor(server.base, created.id, inState('finished', 'error'));
  assert.equal(finished.details.currentState, 'finished');
  const events = finished.details.events;
  const startRun = events[loadEvents.length];
  assert.deepEqual(startRun, {
    source: 'sessionCommand',
    event: 'protocol.startRun',
    timestamp: cmd.completedAt,
    commandId: cmd.id,
    params: null,
    result: null,
  });
  // The run replays the same steps; its ids continue the session's counter.
  const runEvents = events.slice(loadEvents.length + 1);
  assert.deepEqual(runEvents.map((e) => e.event), loadEvents.map((e) => e.event));
  assert.equal(runEvents[0].commandId, String(loadEvents.length / 2 + 1));

  const del = await call<Envelope<SessionData>>(server.base, 'DELETE', `/sessions/${created.id}`);
  assert.equal(del.status, 200);
  assert.deepEqual(del.body.links, {
    self: { href: '/sessions', meta: null },
    sessionById: { href: '/sessions/{sessionId}', meta: null },
  });
  const gone = await call<ErrorReplyBody>(server.base, 'GET', `/sessions/${created.id}`);
  assert.equal(gone.status, 404);

  const delP = await call<Envelope<ProtocolData>>(server.base, 'DELETE', '/protocols/simpleV5');
  assert.equal(delP.status, 200);
  assert.deepEqual(delP.body.data, p);
  const empty = await call(server.base, 'GET', '/protocols');
  assert.equal(empty.text, '{"data":[],"links":{"self":{"href":"/protocols"},"protocolById":{"href":"/protocols/{protocolId}"}}}');
});

test('OpenAPI describes every route; /docs renders it', async () => {
  const spec = await call<{ paths: Record<string, Record<string, unknown>> }>(server.base, 'GET', '/openapi.json', { headers: {} });
  assert.equal(spec.status, 200);
  const paths = spec.body.paths;
  for (const [p, methods] of Object.entries({
    '/health': ['get'],
    '/protocols': ['get', 'post'],
    '/protocols/{protocolId}': ['get', 'patch', 'delete'],
    '/sessions': ['get', 'post'],
    '/sessions/{sessionId}': ['get', 'delete'],
    '/sessions/{sessionId}/commands/execute': ['post'],
  })) {
    for (const m of methods) assert.ok(paths[p]?.[m], `${m} ${p} missing from the OpenAPI document`);
  }
  const docs = await fetch(`${server.base}/docs`, { redirect: 'follow' });
  assert.equal(docs.status, 200);
  assert.match(await docs.text(), /swagger/i);
});

test('CORS is open', async () => {
  const res = await fetch(`${server.base}/protocols`, {
    method: 'OPTIONS',
    headers: { Origin: 'http://example.test', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'opentrons-version' },
  });
  assert.ok(res.status < 300);
  assert.equal(res.headers.get('access-control-allow-origin'), 'http://example.test');
});

test('the protocol-sessions setting: on by default, a client can turn it off and back on', async () => {
  const up = await uploadFile(server.base, SIMPLE_V5);
  assert.equal(up.status, 201, up.text);
  try {
    const off = await call(server.base, 'POST', '/settings', { json: { id: 'enableHttpProtocolSessions', value: false } });
    assert.equal(off.status, 200, off.text);
    const refused = await call(server.base, 'POST', '/sessions', { json: { data: { sessionType: 'protocol', createParams: { protocolId: 'simpleV5' } } } });
    assert.equal(refused.status, 403);
    assert.equal(refused.text, '{"errors":[{"id":"UncategorizedError","title":"Action Forbidden","detail":"HTTP Protocol Session feature is disabled"}]}');
    const bad = await call<{ message: string }>(server.base, 'POST', '/settings', { json: { value: true } });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body, { message: 'body.id: field required' });
    assert.equal((await call(server.base, 'POST', '/settings', { json: { id: 'enableHttpProtocolSessions', value: null } })).status, 200);
    const s = await createSession(server.base, 'simpleV5');
    await call(server.base, 'DELETE', `/sessions/${s.id}`);
  } finally {
    // Back to the default whatever failed above, so later tests see sessions enabled.
    await call(server.base, 'POST', '/settings', { json: { id: 'enableHttpProtocolSessions', value: null } });
    await call(server.base, 'DELETE', '/protocols/simpleV5');
  }
});
