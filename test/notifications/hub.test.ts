// The hub and its websocket transport on a bare Fastify app (the server's own wiring is covered by
// session-stream.test.ts): frame format, topic filtering, sequence numbers, replay with `since`.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { NotificationHub, notificationsPlugin, SequenceError } from '../../src/notifications/index.ts';
import { subscribe } from './helpers.ts';

const fixedNow = (): Date => new Date('2021-11-18T14:07:12.345Z');

describe('NotificationHub', () => {
  test('numbers events per topic from 1', () => {
    const hub = new NotificationHub({ now: fixedNow });
    assert.equal(hub.publish('a', 'p', 1).seq, 1);
    assert.equal(hub.publish('a', 'p', 2).seq, 2);
    assert.equal(hub.publish('b', 'p', 3).seq, 1);
    assert.equal(hub.lastSeq('a'), 2);
    assert.equal(hub.publish('a', 'p', 4).createdOn, '2021-11-18T14:07:12.345000+00:00');
  });

  test('keeps a publisher-supplied sequence and refuses one that goes backwards', () => {
    const hub = new NotificationHub();
    assert.equal(hub.publish('s', 'p', {}, 5).seq, 5);
    assert.throws(() => hub.publish('s', 'p', {}, 5), SequenceError);
    assert.equal(hub.publish('s', 'p', {}).seq, 6);
  });

  test('replays exactly the events after since, and reports loss beyond the buffer', () => {
    const hub = new NotificationHub({ replayLimit: 3 });
    for (let i = 1; i <= 5; i++) hub.publish('t', 'p', i);
    const inBuffer = hub.subscribe(['t'], () => {}, 3);
    assert.equal(inBuffer.replay.get('t')?.truncated, false);
    assert.deepEqual(
      inBuffer.replay.get('t')?.events.map((e) => e.data),
      [4, 5],
    );
    const tooOld = hub.subscribe(['t'], () => {}, 1);
    assert.equal(tooOld.replay.get('t')?.truncated, true);
    assert.deepEqual(
      tooOld.replay.get('t')?.events.map((e) => e.seq),
      [3, 4, 5],
    );
  });

  test('treats a jump in a publisher-supplied sequence as events it cannot replay', () => {
    // A session resumed after a restart goes on from its persisted number.
    const hub = new NotificationHub();
    hub.publish('s', 'p', 'after restart', 41);
    const sub = hub.subscribe(['s'], () => {}, 30);
    assert.equal(sub.replay.get('s')?.truncated, true);
    assert.deepEqual(
      sub.replay.get('s')?.events.map((e) => e.seq),
      [41],
    );
    assert.equal(hub.subscribe(['s'], () => {}, 40).replay.get('s')?.truncated, false);
  });

  test('fills a replay from the backfill when the buffer has lost the start', () => {
    const stored = [1, 2, 3, 4, 5].map((seq) => ({ topic: 't', seq, createdOn: 'x', publisher: 'p', data: seq }));
    const hub = new NotificationHub({ replayLimit: 2, backfill: (topic, since) => stored.filter((e) => e.seq > since) });
    for (let i = 1; i <= 5; i++) hub.publish('t', 'p', i);
    const sub = hub.subscribe(['t'], () => {}, 1);
    assert.equal(sub.replay.get('t')?.truncated, false);
    assert.deepEqual(
      sub.replay.get('t')?.events.map((e) => e.seq),
      [2, 3, 4, 5],
    );
  });

  test('stops delivering after unsubscribe', () => {
    const hub = new NotificationHub();
    const got: unknown[] = [];
    const sub = hub.subscribe(['t'], (e) => got.push(e.data));
    hub.publish('t', 'p', 1);
    sub.unsubscribe();
    hub.publish('t', 'p', 2);
    assert.deepEqual(got, [1]);
    assert.equal(hub.subscriberCount('t'), 0);
  });
});

describe('GET /notifications/subscribe (websocket)', () => {
  let app: FastifyInstance;
  let hub: NotificationHub;
  let base: string;

  before(async () => {
    hub = new NotificationHub({ now: fixedNow, replayLimit: 100 });
    app = Fastify();
    await app.register(notificationsPlugin, { hub });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    base = address.replace(/^http/, 'ws') + '/notifications/subscribe';
  });
  after(async () => {
    await app.close();
  });

  test('forwards an event as one text frame in the original TopicEvent format', async () => {
    const sub = await subscribe(`${base}?topic=hardware_events`);
    hub.publish('hardware_events', 'robot_server.hardware', { event: 'door_state', state: false });
    await sub.until('1 frame', (f) => f.length === 1);
    assert.equal(
      sub.raw[0],
      '{"topic":"hardware_events","event":{"createdOn":"2021-11-18T14:07:12.345000+00:00","publisher":"robot_server.hardware","data":{"event":"door_state","state":false}}}',
    );
    await sub.close();
  });

  test('subscribes to every repeated topic and only to those', async () => {
    const sub = await subscribe(`${base}?topic=a&topic=b&topic=c`);
    hub.publish('a', 'p', 'A');
    hub.publish('x', 'p', 'X');
    hub.publish('c', 'p', 'C');
    hub.publish('b', 'p', 'B');
    await sub.until('3 frames', (f) => f.length === 3);
    assert.deepEqual(
      sub.frames.map((f) => [f.topic, f.event.data]),
      [
        ['a', 'A'],
        ['c', 'C'],
        ['b', 'B'],
      ],
    );
    await sub.close();
  });

  test('refuses a subscription without a topic (close 1008)', async () => {
    const sub = await subscribe(base);
    const { code, reason } = await sub.closed;
    assert.equal(code, 1008);
    assert.match(reason, /topic/);
  });

  test('refuses a malformed since (close 1008)', async () => {
    const sub = await subscribe(`${base}?topic=a&since=-3`);
    assert.equal((await sub.closed).code, 1008);
  });

  test('a reconnect with since receives what it missed, then the live stream', async () => {
    const first = await subscribe(`${base}?topic=replay`);
    hub.publish('replay', 'p', 1);
    hub.publish('replay', 'p', 2);
    await first.until('2 frames', (f) => f.length === 2);
    await first.close();
    hub.publish('replay', 'p', 3);
    hub.publish('replay', 'p', 4);
    const second = await subscribe(`${base}?topic=replay&since=2`);
    hub.publish('replay', 'p', 5);
    await second.until('3 frames', (f) => f.length === 3);
    assert.deepEqual(
      second.frames.map((f) => f.event.data),
      [3, 4, 5],
    );
    await second.close();
  });

  test('says so when the backlog asked for is gone', async () => {
    const small = new NotificationHub({ replayLimit: 1 });
    const app2 = Fastify();
    await app2.register(notificationsPlugin, { hub: small });
    const address = await app2.listen({ host: '127.0.0.1', port: 0 });
    for (let i = 1; i <= 3; i++) small.publish('t', 'p', i);
    const sub = await subscribe(`${address.replace(/^http/, 'ws')}/notifications/subscribe?topic=t&since=0`);
    await sub.until('2 frames', (f) => f.length === 2);
    assert.deepEqual(sub.frames[0].event.data, { type: 'replayTruncated', since: 0, resumesAt: 3 });
    assert.equal(sub.frames[1].event.data, 3);
    await sub.close();
    await app2.close();
  });

  test('a plain HTTP GET gets the original not-found body', async () => {
    const res = await app.inject({ method: 'GET', url: '/notifications/subscribe?topic=a' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.body, '{"errors":[{"id":"BadRequest","title":"Bad Request","detail":"Not Found"}]}');
  });
});
