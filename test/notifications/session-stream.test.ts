// The session topic on a real server: a websocket subscriber sees a whole run of the example protocol
// (every state change and every event, in order, with sequence numbers 1, 2, 3, ...), and a client
// that reconnects with `since` receives exactly what it missed.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { TestServer } from '../conformance/harness.ts';
import { http, startTestServer, V2, stateIs, waitForSession } from '../conformance/harness.ts';
import { repoRoot } from '../helpers/paths.ts';
import type { Frame } from './helpers.ts';
import { subscribe } from './helpers.ts';

interface Notice {
  type: string;
  sessionId: string;
  seq: number;
  state?: string;
  previous?: string;
  event?: Record<string, unknown>;
}

const EXAMPLE = path.join(repoRoot, 'examples', 'plate_transfer');
const notices = (frames: readonly Frame[]): Notice[] => frames.map((f) => f.event.data as Notice);
const lastState = (frames: readonly Frame[]): string | undefined =>
  notices(frames)
    .filter((n) => n.type === 'session.state')
    .at(-1)?.state;

let server: TestServer;
let protocolId: string;

before(async () => {
  server = await startTestServer({ speed: 'max', maxProtocols: 5 });
  const files = await Promise.all(
    [
      ['protocolFile', 'plate_transfer.py'],
      ['supportFiles', 'tip_handling.py'],
      ['supportFiles', 'plate_transfer_plan.json'],
    ].map(async ([field, name]) => ({ field, name, data: await readFile(path.join(EXAMPLE, name)) })),
  );
  const res = await http(server.base, { method: 'POST', path: '/protocols', headers: V2, files });
  assert.equal(res.status, 201, res.text);
  protocolId = (res.json() as { data: { id: string } }).data.id;
});
after(async () => {
  await server?.close();
});

async function createSession(): Promise<string> {
  const res = await http(server.base, {
    method: 'POST',
    path: '/sessions',
    headers: { ...V2, 'Content-Type': 'application/json' },
    body: JSON.stringify({ data: { sessionType: 'protocol', createParams: { protocolId } } }),
  });
  assert.equal(res.status, 201, res.text);
  return (res.json() as { data: { id: string } }).data.id;
}

async function startRun(sessionId: string): Promise<void> {
  const res = await http(server.base, {
    method: 'POST',
    path: `/sessions/${sessionId}/commands/execute`,
    headers: { ...V2, 'Content-Type': 'application/json' },
    body: JSON.stringify({ data: { command: 'protocol.startRun', data: {} } }),
  });
  assert.equal(res.status, 200, res.text);
}

async function sessionEvents(sessionId: string): Promise<unknown[]> {
  const res = await http(server.base, { path: `/sessions/${sessionId}`, headers: V2 });
  return (res.json() as { data: { details: { events: unknown[] } } }).data.details.events;
}

const wsUrl = (sessionId: string, since?: number): string =>
  `${server.base.replace(/^http/, 'ws')}/notifications/subscribe?topic=sessions/${sessionId}` +
  (since === undefined ? '' : `&since=${since}`);

describe('sessions/<id> topic', () => {
  test('a subscriber sees the whole run: every state change and event, in order, numbered', { timeout: 60_000 }, async (t) => {
    const sessionId = await createSession();
    const sub = await subscribe(wsUrl(sessionId, 0));
    t.after(() => sub.close());
    await sub.until('the loaded state', (f) => lastState(f) === 'loaded');
    await startRun(sessionId);
    await sub.until('the finished state', (f) => lastState(f) === 'finished');
    // The run's final events may trail the state change by a moment; wait for them by content.
    const expected = await sessionEvents(sessionId);
    await sub.until(`all ${expected.length} events`, (f) => notices(f).filter((n) => n.type === 'session.event').length >= expected.length);
    await sub.close();

    const got = notices(sub.frames);
    assert.ok(got.every((n) => n.sessionId === sessionId));
    assert.deepEqual(
      got.map((n) => n.seq),
      got.map((_, i) => i + 1),
      'sequence numbers 1, 2, 3, ... with no gap',
    );
    assert.equal(got[0].type, 'session.created');
    assert.ok(sub.frames.every((f) => f.topic === `sessions/${sessionId}`));

    const states = got.filter((n) => n.type === 'session.state').map((n) => n.state);
    assert.deepEqual(states, ['loaded', 'running', 'finished']);
    for (const n of got.filter((x) => x.type === 'session.state')) assert.notEqual(n.previous, n.state);

    const streamed = got.filter((n) => n.type === 'session.event').map((n) => n.event);
    assert.deepEqual(streamed, expected, 'the stream carries exactly the events GET shows, in order');
    assert.ok(streamed.some((e) => e?.source === 'sessionCommand' && e.event === 'protocol.startRun'));
    // 8 commands, each announced before and after, at load and again at run time.
    assert.equal(streamed.filter((e) => e?.source === 'protocol').length, 32, 'load and run steps');

    // Events come between the right state changes: the run's steps after `running`.
    const runningAt = got.findIndex((n) => n.state === 'running');
    const finishedAt = got.findIndex((n) => n.state === 'finished');
    const runSteps = got.slice(runningAt, finishedAt).filter((n) => n.event?.source === 'protocol');
    assert.ok(runSteps.length > 0, 'protocol steps are streamed while running');
  });

  test('a reconnect with since replays exactly what was missed, then continues live', { timeout: 60_000 }, async (t) => {
    const sessionId = await createSession();
    const first = await subscribe(wsUrl(sessionId, 0));
    t.after(() => first.close());
    await first.until('the loaded state', (f) => lastState(f) === 'loaded');
    await first.close();
    const seen = notices(first.frames);
    const lastSeen = seen.at(-1)?.seq ?? 0;

    await startRun(sessionId);
    await waitForSession(server.base, sessionId, stateIs('finished'));

    const second = await subscribe(wsUrl(sessionId, lastSeen));
    t.after(() => second.close());
    const expectedEvents = (await sessionEvents(sessionId)).length;
    const eventCount = (ns: Notice[]): number => ns.filter((n) => n.type === 'session.event').length;
    await second.until(
      `the finished state and all ${expectedEvents} events`,
      (f) => lastState(f) === 'finished' && eventCount(seen) + eventCount(notices(f)) >= expectedEvents,
    );
    const missed = notices(second.frames);
    assert.ok(missed.length > 0);
    assert.equal(missed[0].seq, lastSeen + 1, 'replay starts right after since');

    // Everything, from a third subscriber that asks for the whole backlog.
    const whole = await subscribe(wsUrl(sessionId, 0));
    t.after(() => whole.close());
    await whole.until('the whole backlog', (f) => f.length >= seen.length + missed.length);
    await whole.close();
    await second.close();
    assert.deepEqual(
      [...seen, ...missed].map((n) => n.seq),
      notices(whole.frames).map((n) => n.seq),
      'nothing lost, nothing repeated',
    );
    assert.deepEqual([...seen, ...missed], notices(whole.frames));
  });
});
