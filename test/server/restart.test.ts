// Nothing is lost on restart: protocols (files and analysis) and sessions (state, events, errors)
// come back; a run cut off by the restart comes back `stopped` with an event saying why.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
  call, command, createSession, form, getSession, inState, SIMPLE_V5, startServer, uploadFile, waitFor,
  type Envelope, type ErrorReplyBody, type ProtocolData, type SessionData,
} from './helpers.ts';
import { subscribe } from '../notifications/helpers.ts';

test('protocols and sessions survive a restart; a cut-off run comes back stopped', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'labwright-restart-'));
  try {
    const first = await startServer({ dataDir, speed: 4 });
    const up = await uploadFile(first.base, SIMPLE_V5);
    assert.equal(up.status, 201);
    const patched = await call<Envelope<ProtocolData>>(first.base, 'PATCH', '/protocols/simpleV5', {
      raw: form([{ field: 'file', name: 'notes.csv', data: 'a,b\n1,2\n' }]),
    });
    assert.equal(patched.status, 200, patched.text);
    const broken = await call<Envelope<ProtocolData>>(first.base, 'POST', '/protocols', {
      raw: form([{ field: 'protocolFile', name: 'broken.json', data: '{' }]),
    });
    assert.equal(broken.status, 201);

    const failed = await createSession(first.base, 'broken');
    const failedBefore = await waitFor(first.base, failed.id, inState('error', 'loaded'));
    assert.equal(failedBefore.details.currentState, 'error');
    const loaded = await createSession(first.base, 'simpleV5');
    const loadedBefore = await waitFor(first.base, loaded.id, inState('loaded'));
    const running = await createSession(first.base, 'simpleV5');
    await waitFor(first.base, running.id, inState('loaded'));
    assert.equal((await command(first.base, running.id, 'protocol.startRun')).status, 200);
    await waitFor(first.base, running.id, (s) => s.details.events.at(-1)?.event === 'command.DELAY.start');
    const runningBefore = await getSession(first.base, running.id);
    const protocolsBefore = await call(first.base, 'GET', '/protocols');
    await first.close();

    const second = await startServer({ dataDir, speed: 4 });
    try {
      const protocolsAfter = await call(second.base, 'GET', '/protocols');
      assert.equal(protocolsAfter.text, protocolsBefore.text);
      assert.deepEqual(
        (protocolsAfter.body as Envelope<ProtocolData[]>).data[0].supportFiles,
        [{ basename: 'notes.csv' }],
      );

      assert.deepEqual(await getSession(second.base, loaded.id), loadedBefore);
      assert.deepEqual(await getSession(second.base, failed.id), failedBefore);
      assert.ok(failedBefore.details.errors?.length, 'an error session says why');

      const stopped = await getSession(second.base, running.id);
      assert.equal(stopped.details.currentState, 'stopped');
      assert.deepEqual(stopped.details.events.slice(0, runningBefore.details.events.length), runningBefore.details.events);
      const why = stopped.details.events.at(-1);
      assert.equal(why?.source, 'server');
      assert.equal(why?.event, 'server.restarted');
      assert.match(why?.params?.text ?? '', /stopped/);

      // The list keeps creation order, and the last-created session is still the active one.
      const list = await call<Envelope<SessionData[]>>(second.base, 'GET', '/sessions');
      assert.deepEqual(list.body.data.map((s) => s.id), [failed.id, loaded.id, running.id]);
      const refused = await command(second.base, loaded.id, 'protocol.startRun');
      assert.equal(refused.status, 403);
      assert.match((refused.body as ErrorReplyBody).errors[0].detail, /is not active/);

      // The stored files still run: a new session loads and finishes.
      const again = await createSession(second.base, 'simpleV5');
      await waitFor(second.base, again.id, inState('loaded'));
    } finally {
      await second.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('sessions of other types are recorded, listed, filtered and survive a restart; they execute nothing', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'labwright-restart-'));
  try {
    const first = await startServer({ dataDir });
    const deck = await call<Envelope<SessionData>>(first.base, 'POST', '/sessions', { json: { data: { sessionType: 'deckCalibration' } } });
    assert.equal(deck.status, 201, deck.text);
    assert.deepEqual(deck.body.data.details, {});
    assert.equal(deck.body.data.createParams, null);
    const refused = await command(first.base, deck.body.data.id, 'calibration.moveToDeck');
    assert.equal(refused.status, 403);
    await first.close();
    const second = await startServer({ dataDir });
    try {
      const list = await call<Envelope<SessionData[]>>(second.base, 'GET', '/sessions?session_type=deckCalibration');
      assert.deepEqual(list.body.data, [deck.body.data]);
      assert.deepEqual((await call<Envelope<SessionData[]>>(second.base, 'GET', '/sessions?session_type=protocol')).body.data, []);
      assert.equal((await call(second.base, 'DELETE', `/sessions/${deck.body.data.id}`)).status, 200);
    } finally {
      await second.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

interface NoticeFrame {
  topic: string;
  event: { createdOn: string; publisher: string; data: { type: string; seq: number; since?: number } };
}

test('after a restart, a subscriber resuming from any number it saw is replayed the rest from the store', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'labwright-restart-'));
  try {
    const first = await startServer({ dataDir, speed: 'max' });
    assert.equal((await uploadFile(first.base, SIMPLE_V5)).status, 201);
    const session = await createSession(first.base, 'simpleV5');
    const topic = `sessions/${session.id}`;
    const url = (base: string, since: number) => `${base.replace('http', 'ws')}/notifications/subscribe?topic=${topic}&since=${since}`;
    const loaded = await waitFor(first.base, session.id, inState('loaded'));
    assert.equal((await command(first.base, session.id, 'protocol.startSimulate')).status, 200);
    // The re-simulation is done once its steps are all recorded (the command's own event, then the steps).
    const simulated = 2 * loaded.details.events.length + 1;
    await waitFor(first.base, session.id, (s) => s.details.events.length >= simulated);
    assert.equal((await command(first.base, session.id, 'protocol.startRun')).status, 200);
    await waitFor(first.base, session.id, inState('finished'));
    // Everything the first server published on the topic (its buffer holds all of this short history).
    const live = await subscribe(url(first.base, 0));
    await live.until('the finished state', (frames) => frames.some((f) => (f.event.data as { state?: string }).state === 'finished'));
    const published = (live.frames as NoticeFrame[]).map((f) => f.event.data);
    await live.close();
    assert.deepEqual(published.map((n) => n.seq), published.map((_, i) => i + 1));
    await first.close();

    const second = await startServer({ dataDir, speed: 'max' });
    try {
      for (const since of [0, 1, Math.floor(published.length / 2), published.length - 1]) {
        const expected = published.filter((n) => n.seq > since);
        const again = await subscribe(url(second.base, since));
        await again.until('every published frame again', (frames) => frames.length >= expected.length);
        const frames = again.frames as NoticeFrame[];
        assert.ok(frames.every((f) => f.event.publisher === 'labwright.sessions'), `since=${since}: ${JSON.stringify(frames[0])}`);
        assert.deepEqual(frames.map((f) => f.event.data), expected, `since=${since}`);
        await again.close();
      }

      // A number the first server never handed out (the rest of its reserved block): the client
      // saw something this server has no record of, so it is told to re-read the session.
      const unknown = await subscribe(url(second.base, published.length + 1));
      await unknown.until('a first frame', (frames) => frames.length >= 1);
      assert.equal((unknown.frames as NoticeFrame[])[0].event.data.type, 'replayTruncated');
      await unknown.close();

      // New notices continue above everything handed out before.
      const next = await subscribe(url(second.base, 0));
      await next.until('every published frame', (frames) => frames.length >= published.length);
      const removed = await call(second.base, 'DELETE', `/sessions/${session.id}`);
      assert.equal(removed.status, 200, removed.text);
      await next.until('session.deleted', (frames) => frames.some((f) => (f.event.data as { type: string }).type === 'session.deleted'));
      const deleted = (next.frames as NoticeFrame[]).at(-1)!.event.data;
      assert.ok(deleted.seq > published.length + 1, `deleted under ${deleted.seq}`);
      await next.close();
    } finally {
      await second.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
