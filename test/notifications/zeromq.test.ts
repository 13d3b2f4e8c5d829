// The notify-server over ZeroMQ with a real client: a pyzmq subscriber (as the original's clients
// are written) sees a whole protocol session frame for frame as a websocket subscriber does, a
// pushed UserData message reaches both kinds of subscriber, door changes arrive on
// `hardware_events`, and malformed pushes are dropped (and logged) while the server keeps serving.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pino } from 'pino';
import { Push } from 'zeromq';
import { buildApp } from '../../src/server/index.ts';
import { freePort } from '../e2e/process.ts';
import { subscribe, type Frame, type Subscriber } from './helpers.ts';
import { pythonWithZmq, startPySubscriber, type PySubscriber, type ZmqMessage } from './subscriber.ts';

const V2 = { 'Opentrons-Version': '2' };
const require = createRequire(import.meta.url);
const SIMPLE_V5 = require.resolve('@opentrons/shared-data/protocol/fixtures/5/simpleV5.json');

interface Notice {
  type: string;
  sessionId: string;
  seq?: number;
  state?: string;
}

const noticeOf = (m: { event: { data: unknown } }): Notice => m.event.data as Notice;
const reachedState = (state: string) => (frames: readonly { event: { data: unknown } }[]) =>
  frames.some((f) => noticeOf(f).type === 'session.state' && noticeOf(f).state === state);
const asFrames = (messages: readonly ZmqMessage[], topic: string): Frame[] =>
  messages.filter((m) => m.topic === topic).map((m) => ({ topic: m.topic, event: m.event }));

test('ZeroMQ notify broker with a pyzmq subscriber', { timeout: 180_000 }, async (t) => {
  const python = pythonWithZmq();
  assert.ok(python, 'a python3 with pyzmq is needed (Debian: python3-zmq)');

  const dir = await mkdtemp(path.join(tmpdir(), 'labwright-notify-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const logLines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
  const subscriberAddress = `tcp://127.0.0.1:${await freePort()}`;
  const pushAddress = `ipc://${path.join(dir, 'notify')}`;
  const app = await buildApp({ dataDir: path.join(dir, 'data'), speed: 'max', logger, notify: { subscriberAddress, pushAddress } });
  t.after(() => app.close());
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  assert.equal(app.labwright.notifyBroker?.subscriberEndpoint, subscriberAddress);
  assert.equal(app.labwright.notifyBroker?.pushEndpoint, pushAddress);

  const sub: PySubscriber = await startPySubscriber(python, subscriberAddress, ['sessions', 'lab/', 'probe', 'hardware_events']);
  t.after(() => sub.close());
  const push = new Push({ linger: 0 });
  t.after(() => push.close());
  push.connect(pushAddress);
  const websockets: Subscriber[] = [];
  t.after(() => Promise.all(websockets.map((ws) => ws.close())));
  const wsSubscribe = async (query: string): Promise<Subscriber> => {
    const ws = await subscribe(`${base.replace(/^http/, 'ws')}/notifications/subscribe?${query}`);
    websockets.push(ws);
    return ws;
  };
  const pushEvent = (topic: string, data: unknown, createdOn = new Date().toISOString()) =>
    push.send([topic, JSON.stringify({ createdOn, publisher: 'test.pusher', data })]);

  // A SUB socket's subscriptions reach the publisher a moment after it connects (ZeroMQ's slow
  // joiner): push probes until one comes back, which also proves the push path end to end.
  const probed = sub.until('a probe', (ms) => ms.some((m) => m.topic === 'probe'), 30_000);
  const prober = setInterval(() => void pushEvent('probe', { type: 'UserData', data: {} }), 50);
  try {
    await probed;
  } finally {
    clearInterval(prober);
  }

  await t.test('a whole session, loaded to finished, frame for frame as the websocket', async () => {
    const form = new FormData();
    form.append('protocolFile', new Blob([await readFile(SIMPLE_V5)]), 'simpleV5.json');
    const up = await fetch(`${base}/protocols`, { method: 'POST', headers: V2, body: form });
    assert.equal(up.status, 201, await up.text());
    const created = await fetch(`${base}/sessions`, {
      method: 'POST',
      headers: { ...V2, 'Content-Type': 'application/json' },
      body: JSON.stringify({ data: { sessionType: 'protocol', createParams: { protocolId: 'simpleV5' } } }),
    });
    assert.equal(created.status, 201);
    const sessionId = ((await created.json()) as { data: { id: string } }).data.id;
    const topic = `sessions/${sessionId}`;
    // The websocket joins after creation and catches up with `since=0`; ZeroMQ saw it all live.
    const ws = await wsSubscribe(`topic=${topic}&since=0`);
    await ws.until('the loaded state', reachedState('loaded'));
    const run = await fetch(`${base}/sessions/${sessionId}/commands/execute`, {
      method: 'POST',
      headers: { ...V2, 'Content-Type': 'application/json' },
      body: JSON.stringify({ data: { command: 'protocol.startRun', data: {} } }),
    });
    assert.equal(run.status, 200);
    await ws.until('the finished state', reachedState('finished'));
    await sub.until(`'finished' on ${topic}`, (ms) => reachedState('finished')(asFrames(ms, topic)));

    const zmqFrames = asFrames(sub.messages, topic);
    assert.deepEqual(zmqFrames, ws.frames);
    const notices = zmqFrames.map(noticeOf);
    assert.deepEqual(
      notices.map((n) => n.seq),
      notices.map((_, i) => i + 1),
    );
    assert.equal(notices[0].type, 'session.created');
    const states = notices.filter((n) => n.type === 'session.state').map((n) => n.state);
    assert.deepEqual(states, ['loaded', 'running', 'finished']);
    assert.ok(notices.filter((n) => n.type === 'session.event').length > 20);
    for (const m of zmqFrames) assert.equal(m.event.publisher, 'labwright.sessions');

    // The list topic: `sessions` by itself, creation and deletion, without the session's numbers.
    const deleted = await fetch(`${base}/sessions/${sessionId}`, { method: 'DELETE', headers: V2 });
    assert.equal(deleted.status, 200);
    await sub.until('the deletion on the list topic', (ms) => ms.some((m) => m.topic === 'sessions' && noticeOf(m).type === 'session.deleted'));
    const list = sub.messages.filter((m) => m.topic === 'sessions').map(noticeOf);
    assert.deepEqual(
      list.map((n) => [n.type, n.sessionId, n.seq]),
      [
        ['session.created', sessionId, undefined],
        ['session.deleted', sessionId, undefined],
      ],
    );
  });

  await t.test('a pushed UserData message reaches ZeroMQ and websocket subscribers alike', async () => {
    const ws = await wsSubscribe('topic=lab/reader');
    const createdOn = '2021-11-18T14:07:12.345678+00:00';
    await pushEvent('lab/reader', { type: 'UserData', data: { plate: 'P1', od600: [0.12, 0.5] } }, createdOn);
    await sub.until('lab/reader', (ms) => ms.some((m) => m.topic === 'lab/reader'));
    await ws.until('1 frame', (frames) => frames.length === 1);
    const expected = {
      topic: 'lab/reader',
      event: { createdOn, publisher: 'test.pusher', data: { type: 'UserData', data: { plate: 'P1', od600: [0.12, 0.5] } } },
    };
    assert.deepEqual(asFrames(sub.messages, 'lab/reader'), [expected]);
    assert.deepEqual(ws.frames, [expected]);
  });

  await t.test('the door: open and close arrive on hardware_events as the original door_state', async () => {
    const ws = await wsSubscribe('topic=hardware_events');
    for (const status of ['open', 'closed']) {
      const res = await fetch(`${base}/robot/door/status`, {
        method: 'PUT',
        headers: { ...V2, 'Content-Type': 'application/json' },
        body: JSON.stringify({ data: { status } }),
      });
      assert.equal(res.status, 200);
    }
    await sub.until('two door events', (ms) => ms.filter((m) => m.topic === 'hardware_events').length === 2);
    await ws.until('2 frames', (frames) => frames.length === 2);
    const zmq = asFrames(sub.messages, 'hardware_events');
    assert.deepEqual(
      zmq.map((m) => [m.event.publisher, m.event.data]),
      [
        ['robot_server.hardware', { event: 'door_state', state: false }],
        ['robot_server.hardware', { event: 'door_state', state: true }],
      ],
    );
    assert.deepEqual(ws.frames, zmq);
  });

  await t.test('malformed pushes are dropped and logged, never forwarded; the server keeps serving', async () => {
    const ws = await wsSubscribe('topic=lab/bad&topic=sessions/forged');
    const dropsBefore = logLines.filter((l) => l.includes('pushed message dropped')).length;
    await push.send(['lab/bad']);
    await push.send(['lab/bad', '{"createdOn": "2021-11-18T14:07:12Z", "publisher": "x", "data": {}}', 'extra']);
    await push.send(['lab/bad', '{not json']);
    await push.send(['lab/bad', Buffer.from([0xff, 0xfe, 0x00])]);
    await pushEvent('lab/bad', { type: 'Unknown', data: {} });
    await pushEvent('lab/bad', { type: 'UserData', data: {} }, 'not a time');
    await pushEvent('sessions/forged', { type: 'UserData', data: {} });
    // Pushes from one peer arrive in order: once this one is out, every one above was handled.
    await pushEvent('lab/after', { type: 'UserData', data: { ok: true } });
    await sub.until('lab/after', (ms) => ms.some((m) => m.topic === 'lab/after'));
    assert.deepEqual(
      sub.messages.filter((m) => m.topic === 'lab/bad' || m.topic === 'sessions/forged'),
      [],
    );
    assert.deepEqual(ws.frames, []);
    const drops = logLines.filter((l) => l.includes('pushed message dropped')).slice(dropsBefore);
    assert.equal(drops.length, 7, drops.join(''));
    assert.match(drops[6], /published by Labwright itself/);
    const health = await fetch(`${base}/health`, { headers: V2 });
    assert.equal(health.status, 200);
  });
});
