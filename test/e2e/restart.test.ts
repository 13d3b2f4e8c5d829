// A server killed mid-run (SIGKILL: no shutdown hooks) and started again on the same data folder:
// the protocol is intact, and the session is back as `stopped` with an event that says why.
import assert from 'node:assert/strict';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { eventually } from '../helpers/wait.ts';
import { subscribe, type Frame } from '../notifications/helpers.ts';
import { freePort, REPO, startServerProcess, type ServerProcess } from './process.ts';

const V2 = { 'Opentrons-Version': '2' };
const JSON_V2 = { ...V2, 'Content-Type': 'application/json' };
const LONG = path.join(REPO, 'test', 'conformance', 'fixtures', 'reference', 'long_transfer.py');

interface SessionDetails {
  currentState: string;
  events: { source: string; event: string; params: { text: string | null } | null }[];
}

async function details(base: string, sessionId: string): Promise<SessionDetails> {
  const res = await fetch(`${base}/sessions/${sessionId}`, { headers: V2 });
  assert.equal(res.status, 200);
  return ((await res.json()) as { data: { details: SessionDetails } }).data.details;
}

function until(base: string, sessionId: string, ok: ((d: SessionDetails) => boolean) & { description?: string }): Promise<SessionDetails> {
  return eventually(`session ${sessionId} to reach ${ok.description ?? 'the awaited condition'}`, () => details(base, sessionId), ok, {
    timeoutMs: 120_000,
    intervalMs: 50,
    show: (d) => `state ${d.currentState} with ${d.events.length} events`,
  });
}

const running: ServerProcess[] = [];
let work = '';
after(async () => {
  for (const s of running) await s.stop('SIGKILL');
  if (work) await rm(work, { recursive: true, force: true });
});

test('a run cut off by SIGKILL comes back stopped, with the reason, and the protocol intact', async () => {
  work = await mkdtemp(path.join(tmpdir(), 'labwright-restart-'));
  const dataDir = path.join(work, 'data');
  const port = await freePort();
  // Real-time speed: the run is certainly still going when the server dies.
  const first = await startServerProcess({ port, dataDir, speed: '1' });
  running.push(first);

  const form = new FormData();
  form.append('protocolFile', new Blob([await readFile(LONG)]), 'long_transfer.py');
  const up = await fetch(`${first.base}/protocols`, { method: 'POST', headers: V2, body: form });
  assert.equal(up.status, 201);
  const protocolBefore = ((await up.json()) as { data: unknown }).data;

  const created = await fetch(`${first.base}/sessions`, {
    method: 'POST',
    headers: JSON_V2,
    body: JSON.stringify({ data: { sessionType: 'protocol', createParams: { protocolId: 'long_transfer' } } }),
  });
  assert.equal(created.status, 201);
  const sessionId = ((await created.json()) as { data: { id: string } }).data.id;
  const loaded = await until(first.base, sessionId, (d) => d.currentState === 'loaded');

  const run = await fetch(`${first.base}/sessions/${sessionId}/commands/execute`, {
    method: 'POST',
    headers: JSON_V2,
    body: JSON.stringify({ data: { command: 'protocol.startRun', data: {} } }),
  });
  assert.equal(run.status, 200);
  // Running, with at least one step of the run recorded (and so, possibly, persisted).
  const before = await until(
    first.base,
    sessionId,
    (d) => d.currentState === 'running' && d.events.length > loaded.events.length + 2,
  );
  await first.stop('SIGKILL');

  const second = await startServerProcess({ port, dataDir, speed: '1' });
  running.push(second);
  const after = await details(second.base, sessionId);
  assert.equal(after.currentState, 'stopped', second.output());
  // What was recorded before the kill survives, at least the load simulation and the startRun.
  assert.ok(after.events.length >= loaded.events.length + 1, `${after.events.length} events after restart`);
  assert.deepEqual(after.events.slice(0, loaded.events.length), before.events.slice(0, loaded.events.length));
  const why = after.events.at(-1);
  assert.ok(why && why.source !== 'protocol' && why.source !== 'sessionCommand', JSON.stringify(why));
  assert.match(JSON.stringify(why), /restart|stopped/i);

  const protocolAfter = await fetch(`${second.base}/protocols/long_transfer`, { headers: V2 });
  assert.equal(protocolAfter.status, 200);
  assert.deepEqual(((await protocolAfter.json()) as { data: unknown }).data, protocolBefore);

  // The stopped session is dead (as in the original) but the protocol still loads in a new one.
  const refused = await fetch(`${second.base}/sessions/${sessionId}/commands/execute`, {
    method: 'POST',
    headers: JSON_V2,
    body: JSON.stringify({ data: { command: 'protocol.startRun', data: {} } }),
  });
  assert.equal(refused.status, 403);
  const again = await fetch(`${second.base}/sessions`, {
    method: 'POST',
    headers: JSON_V2,
    body: JSON.stringify({ data: { sessionType: 'protocol', createParams: { protocolId: 'long_transfer' } } }),
  });
  assert.equal(again.status, 201);
  const newId = ((await again.json()) as { data: { id: string } }).data.id;
  await until(second.base, newId, (d) => d.currentState === 'loaded');
});

interface Notice {
  type: string;
  seq: number;
  state?: string;
  event?: { source: string; event: string };
}

const noticesOf = (frames: readonly Frame[]): Notice[] =>
  frames.filter((f) => f.event.publisher === 'labwright.sessions').map((f) => f.event.data as Notice);

test('after SIGKILL, a restored session never hands out a notice number a client has already seen', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'labwright-restart-seq-'));
  try {
    const dataDir = path.join(dir, 'data');
    const port = await freePort();
    const first = await startServerProcess({ port, dataDir, speed: '1' });
    running.push(first);
    const form = new FormData();
    form.append('protocolFile', new Blob([await readFile(LONG)]), 'long_transfer.py');
    assert.equal((await fetch(`${first.base}/protocols`, { method: 'POST', headers: V2, body: form })).status, 201);
    const created = await fetch(`${first.base}/sessions`, {
      method: 'POST',
      headers: JSON_V2,
      body: JSON.stringify({ data: { sessionType: 'protocol', createParams: { protocolId: 'long_transfer' } } }),
    });
    const sessionId = ((await created.json()) as { data: { id: string } }).data.id;
    await until(first.base, sessionId, (d) => d.currentState === 'loaded');

    const ws = (base: string, since: number) =>
      subscribe(`${base.replace('http', 'ws')}/notifications/subscribe?topic=sessions/${sessionId}&since=${since}`);
    const live = await ws(first.base, 0);
    const run = await fetch(`${first.base}/sessions/${sessionId}/commands/execute`, {
      method: 'POST',
      headers: JSON_V2,
      body: JSON.stringify({ data: { command: 'protocol.startRun', data: {} } }),
    });
    assert.equal(run.status, 200);
    // Killed the moment the run's first step is announced: the state change to `running` was
    // written at once, the step's event (and its number) not yet (events are written in batches).
    await live.until('the run under way', (frames) => {
      const notices = noticesOf(frames);
      const runningAt = notices.find((n) => n.type === 'session.state' && n.state === 'running')?.seq;
      return runningAt !== undefined && notices.some((n) => n.type === 'session.event' && n.seq > runningAt && n.event?.source === 'protocol');
    }, 60_000);
    await first.stop('SIGKILL');
    const seen = Math.max(...noticesOf(live.frames).map((n) => n.seq));

    const second = await startServerProcess({ port, dataDir, speed: '1' });
    running.push(second);
    const again = await ws(second.base, seen);
    try {
      // The restore publishes the `server.restarted` note and the change to `stopped`; a client
      // resuming from the last number it saw must get both, under numbers it has not seen.
      await again.until('the stopped state', (frames) => noticesOf(frames).some((n) => n.type === 'session.state' && n.state === 'stopped'));
      const after = noticesOf(again.frames);
      assert.ok(after.some((n) => n.type === 'session.event' && n.event?.event === 'server.restarted'), JSON.stringify(after));
      for (const n of after) assert.ok(n.seq > seen, `notice ${JSON.stringify(n)} reuses a number up to ${seen}`);
    } finally {
      await again.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
