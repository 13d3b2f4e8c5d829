// Runs that behave like a robot: pause holds, resume continues, cancel stops (tip to the trash),
// a protocol's own pause waits for a client, deleting a running session stops it, and two
// clients racing to start a run get one run.
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  call, command, createSession, inState, SIMPLE_V5, startServer, uploadFile, waitFor,
  type Envelope, type ErrorReplyBody, type Server, type SessionData, type SessionEvent,
} from './helpers.ts';

// simpleV5 picks up a tip, aspirates, then delays 42 s (modeled): at speed 4 that is ~10 s of
// real time with a tip on, long enough to pause, look, resume and cancel.
const SPEED = 4;
const count = (events: SessionEvent[], name: string) => events.filter((e) => e.event === name).length;

let server: Server;
/** A second server that spends no modeled time: a run it does not hold finishes at once. */
let instant: Server;
let work: string;
let pauseFixture: string;

before(async () => {
  server = await startServer({ speed: SPEED, maxProtocols: 5 });
  instant = await startServer({ speed: 'max', maxProtocols: 5 });
  work = await mkdtemp(path.join(tmpdir(), 'labwright-run-'));
  // The same protocol, with its delay turned into a pause for the operator.
  const doc = JSON.parse(await readFile(SIMPLE_V5, 'utf8')) as { commands: { command: string; params: Record<string, unknown> }[] };
  doc.commands = doc.commands.map((c) => (c.command === 'delay' ? { command: 'delay', params: { wait: true, message: 'check the plate' } } : c));
  pauseFixture = path.join(work, 'pauseV5.json');
  await writeFile(pauseFixture, JSON.stringify(doc));
  assert.equal((await uploadFile(server.base, SIMPLE_V5)).status, 201);
  assert.equal((await uploadFile(instant.base, pauseFixture)).status, 201);
});
after(async () => {
  await server?.close();
  await instant?.close();
  await rm(work, { recursive: true, force: true });
});

async function loadedSession(protocolId: string, on: Server = server): Promise<SessionData> {
  const s = await createSession(on.base, protocolId);
  const loaded = await waitFor(on.base, s.id, inState('loaded', 'error'));
  assert.equal(loaded.details.currentState, 'loaded', JSON.stringify(loaded.details.errors));
  return loaded;
}

const inDelay = (s: SessionData) => s.details.events.at(-1)?.event === 'command.DELAY.start';

test('pause holds the run, resume continues it, cancel stops it and drops the tip', async () => {
  const loaded = await loadedSession('simpleV5');
  const loadCount = loaded.details.events.length;
  const start = await command(server.base, loaded.id, 'protocol.startRun');
  assert.equal(start.status, 200, start.text);
  // The state is `running` as soon as the command returns: no window for a second start.
  const afterStart = await call<Envelope<SessionData>>(server.base, 'GET', `/sessions/${loaded.id}`);
  assert.equal(afterStart.body.data.details.currentState, 'running');

  const delaying = await waitFor(server.base, loaded.id, inDelay);
  assert.equal(delaying.details.currentState, 'running');

  assert.equal((await command(server.base, loaded.id, 'protocol.pause')).status, 200);
  const paused = await waitFor(server.base, loaded.id, inState('paused'));
  // The pause took the run off the clock in the middle of its delay: the delay has not ended,
  // and the run stays where it is while the client looks.
  assert.equal(count(paused.details.events.slice(loadCount), 'command.DELAY.end'), 0);
  for (let look = 0; look < 3; look++) {
    assert.deepEqual((await waitFor(server.base, loaded.id, () => true)).details.events, paused.details.events);
  }

  assert.equal((await command(server.base, loaded.id, 'protocol.resume')).status, 200);
  assert.equal((await waitFor(server.base, loaded.id, () => true)).details.currentState, 'running');

  const cancel = await command(server.base, loaded.id, 'protocol.cancel');
  assert.equal(cancel.status, 200, cancel.text);
  const stopped = await waitFor(server.base, loaded.id, () => true);
  assert.equal(stopped.details.currentState, 'stopped', 'cancel has stopped the run when it returns');

  const runEvents = stopped.details.events.slice(loadCount);
  assert.deepEqual(
    runEvents.filter((e) => e.source === 'sessionCommand').map((e) => e.event),
    ['protocol.startRun', 'protocol.pause', 'protocol.resume', 'protocol.cancel'],
  );
  // The run never reached its dispense; the delay it was in never completed (no `.end`), and the
  // tip it held went to the trash after the cancel.
  assert.equal(count(runEvents, 'command.DISPENSE.start'), 0);
  assert.equal(count(runEvents, 'command.DELAY.end'), 0);
  const afterCancel = runEvents.slice(runEvents.findIndex((e) => e.event === 'protocol.cancel') + 1);
  assert.deepEqual(afterCancel.map((e) => e.event), ['command.DROP_TIP.start', 'command.DROP_TIP.end']);
  assert.equal(afterCancel[0].params?.text, 'Dropping tip into A1 of Opentrons Fixed Trash on 12');
  assert.equal(afterCancel[0].commandId, afterCancel[1].commandId);

  // A stopped session accepts no command.
  const refused = await command(server.base, loaded.id, 'protocol.resume');
  assert.equal(refused.status, 403);
  assert.equal(refused.text, `{"errors":[{"id":"UncategorizedError","title":"Action Forbidden","detail":"Can't execute 'ProtocolCommand.resume' during state 'stopped'"}]}`);
});

test("a protocol's own pause holds the run until resume, then the run finishes", async () => {
  // On a server that spends no modeled time, a run that was not held would be finished by the
  // time the next request is answered: the rest of it is a dispense and a drop, done in one go.
  const loaded = await loadedSession('pauseV5', instant);
  assert.equal((await command(instant.base, loaded.id, 'protocol.startRun')).status, 200);
  const paused = await waitFor(instant.base, loaded.id, inState('paused'));
  assert.equal(paused.details.events.at(-1)?.event, 'command.PAUSE.start');
  for (let look = 0; look < 3; look++) {
    const again = await waitFor(instant.base, loaded.id, () => true);
    assert.equal(again.details.currentState, 'paused');
    assert.deepEqual(again.details.events, paused.details.events, 'a paused run must not advance');
  }
  assert.equal((await command(instant.base, loaded.id, 'protocol.resume')).status, 200);
  const finished = await waitFor(instant.base, loaded.id, inState('finished', 'error'));
  assert.equal(finished.details.currentState, 'finished');
  const runEvents = finished.details.events.slice(loaded.details.events.length);
  assert.equal(count(runEvents, 'command.PAUSE.end'), 1);
  assert.equal(count(runEvents, 'command.DROP_TIP.end'), 1);
});

test('two clients racing to start a run: one run starts, the other is refused', async () => {
  const loaded = await loadedSession('simpleV5');
  const replies = await Promise.all([1, 2, 3].map(() => command(server.base, loaded.id, 'protocol.startRun')));
  assert.deepEqual(replies.map((r) => r.status).sort(), [200, 403, 403]);
  for (const r of replies.filter((x) => x.status === 403)) {
    assert.equal((r.body as ErrorReplyBody).errors[0].detail, "Can't execute 'ProtocolCommand.start_run' during state 'running'");
  }
  const s = await waitFor(server.base, loaded.id, () => true);
  assert.equal(count(s.details.events, 'protocol.startRun'), 1);
  await call(server.base, 'DELETE', `/sessions/${loaded.id}`);
});

test('deleting a running session stops the run first', async () => {
  const loaded = await loadedSession('simpleV5');
  assert.equal((await command(server.base, loaded.id, 'protocol.startRun')).status, 200);
  await waitFor(server.base, loaded.id, inDelay);
  const del = await call<Envelope<SessionData>>(server.base, 'DELETE', `/sessions/${loaded.id}`);
  assert.equal(del.status, 200, del.text);
  assert.equal(del.body.data.details.currentState, 'stopped');
  assert.equal(del.body.data.details.events.at(-1)?.event, 'command.DROP_TIP.end');
  assert.equal((await call(server.base, 'GET', `/sessions/${loaded.id}`)).status, 404);
});
