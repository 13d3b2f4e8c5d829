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
