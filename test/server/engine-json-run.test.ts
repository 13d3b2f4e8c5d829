// Sessions of JSON v6–8 protocols over HTTP, on a real server: each command is a step with its
// text and its modeled time; pause holds the run, resume continues it, cancel stops it (the held
// tip goes to the trash); the protocol's own `waitForResume` moves the session to `paused`.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { jsonProtocolFixture } from '../helpers/original.ts';
import { cmd, labware, v8 } from '../json/engine-json-docs.ts';
import {
  call, command, createSession, inState, startServer, uploadFile, waitFor,
  type Server, type SessionData, type SessionEvent,
} from './helpers.ts';

// simpleV8 picks up a tip, aspirates, then waits 42 s (modeled): at speed 8 about 5 s of real
// time with a tip on, long enough to pause, look, resume and cancel.
const SPEED = 8;
const SIMPLE_V8 = jsonProtocolFixture('8/simpleV8.json');
const count = (events: SessionEvent[], name: string) => events.filter((e) => e.event === name).length;

let server: Server;
/** A server that spends no modeled time: a run it does not hold finishes at once. */
let instant: Server;
let work: string;

/** A v8 protocol whose plate is moved by hand (with a pause) before it is used. */
function moveByHand(): Record<string, unknown> {
  return v8(
    [
      cmd('loadPipette', { pipetteName: 'p300_single_gen2', mount: 'left', pipetteId: 'p' }),
      labware('tr', 'opentrons_96_tiprack_300ul', { slotName: '1' }),
      labware('pl', 'corning_96_wellplate_360ul_flat', { slotName: '3' }),
      cmd('moveLabware', { labwareId: 'pl', newLocation: { slotName: '5' }, strategy: 'manualMoveWithPause' }),
      cmd('pickUpTip', { pipetteId: 'p', labwareId: 'tr', wellName: 'A1' }),
      cmd('aspirate', { pipetteId: 'p', labwareId: 'pl', wellName: 'A1', volume: 10, flowRate: 50 }),
      cmd('dropTip', { pipetteId: 'p', labwareId: 'tr', wellName: 'A1' }),
    ],
    'move by hand',
  );
}

before(async () => {
  server = await startServer({ speed: SPEED, maxProtocols: 5 });
  instant = await startServer({ speed: 'max', maxProtocols: 5 });
  assert.equal((await uploadFile(server.base, SIMPLE_V8)).status, 201);
  assert.equal((await uploadFile(instant.base, SIMPLE_V8)).status, 201);
  work = await mkdtemp(path.join(tmpdir(), 'labwright-v8-run-'));
  const file = path.join(work, 'moveByHand.json');
  await writeFile(file, JSON.stringify(moveByHand()));
  assert.equal((await uploadFile(instant.base, file)).status, 201);
});
after(async () => {
  await server?.close();
  await instant?.close();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

async function loadedSession(on: Server, protocolId = 'simpleV8'): Promise<SessionData> {
  const s = await createSession(on.base, protocolId);
  const loaded = await waitFor(on.base, s.id, inState('loaded', 'error'));
  assert.equal(loaded.details.currentState, 'loaded', JSON.stringify(loaded.details.errors));
  return loaded;
}

const inWait = (s: SessionData) => s.details.events.at(-1)?.event === 'command.waitForDuration.start';

test('a v8 session: the load simulates every command with its text', async () => {
  const loaded = await loadedSession(instant);
  const starts = loaded.details.events.filter((e) => e.source === 'protocol' && e.event.endsWith('.start'));
  assert.equal(starts.length, 27);
  assert.equal(starts[0].event, 'command.home.start');
  assert.equal(starts[0].params?.text, 'Homing all gantry, pipette, and plunger axes');
  assert.equal(starts[10].event, 'command.PICK_UP_TIP.start');
  assert.equal(starts[10].params?.text, 'Picking up tip(s) from B1 of Opentrons 96 Tip Rack 10 µL in Slot 8');
  assert.equal(starts[11].params?.text, 'Aspirating 5 µL from well A1 of Source Plate in Temperature Module GEN2 in Slot 1 at 3 µL/sec');
});

test('GET /protocols/{id}/analysis: the lines for people with their modeled times, and the estimate', async () => {
  type Body = { data: { estimatedDurationSeconds: number; commandCount: number; runLog: { text: string; name: string; durationS: number }[] } };
  const res = await call<Body>(instant.base, 'GET', '/protocols/simpleV8/analysis');
  assert.equal(res.status, 200, res.text);
  const a = res.body.data;
  assert.equal(a.commandCount, 27);
  assert.equal(a.runLog.length, 27);
  assert.equal(a.runLog[12].text, 'Pausing for 42 seconds. ');
  assert.ok(Math.abs(a.runLog[12].durationS - 42) < 1e-9);
  assert.ok(a.estimatedDurationSeconds > 84 && a.estimatedDurationSeconds < 86, String(a.estimatedDurationSeconds));
});

test('pause holds a v8 run in its timed wait, resume continues it, cancel stops it and drops the tip', async () => {
  const loaded = await loadedSession(server);
  const loadCount = loaded.details.events.length;
  assert.equal((await command(server.base, loaded.id, 'protocol.startRun')).status, 200);

  // The wait takes modeled time: the run is still in it when we look.
  const waiting = await waitFor(server.base, loaded.id, inWait);
  assert.equal(waiting.details.currentState, 'running');
  assert.equal(waiting.details.events.at(-1)?.params?.text, 'Pausing for 42 seconds. ');

  assert.equal((await command(server.base, loaded.id, 'protocol.pause')).status, 200);
  const paused = await waitFor(server.base, loaded.id, inState('paused'));
  assert.equal(count(paused.details.events.slice(loadCount), 'command.waitForDuration.end'), 0);
  for (let look = 0; look < 3; look++) {
    assert.deepEqual((await waitFor(server.base, loaded.id, () => true)).details.events, paused.details.events);
  }

  assert.equal((await command(server.base, loaded.id, 'protocol.resume')).status, 200);
  assert.equal((await waitFor(server.base, loaded.id, () => true)).details.currentState, 'running');

  assert.equal((await command(server.base, loaded.id, 'protocol.cancel')).status, 200);
  const stopped = await waitFor(server.base, loaded.id, () => true);
  assert.equal(stopped.details.currentState, 'stopped');
  const runEvents = stopped.details.events.slice(loadCount);
  assert.deepEqual(
    runEvents.filter((e) => e.source === 'sessionCommand').map((e) => e.event),
    ['protocol.startRun', 'protocol.pause', 'protocol.resume', 'protocol.cancel'],
  );
  // It never reached the dispense; the tip it held went to the trash after the cancel.
  assert.equal(count(runEvents, 'command.dispense.start'), 0);
  const afterCancel = runEvents.slice(runEvents.findIndex((e) => e.event === 'protocol.cancel') + 1);
  assert.deepEqual(afterCancel.map((e) => e.event), ['command.DROP_TIP.start', 'command.DROP_TIP.end']);
});

test("the protocol's waitForResume moves the session to paused until resumed, then the run finishes", async () => {
  const loaded = await loadedSession(instant);
  assert.equal((await command(instant.base, loaded.id, 'protocol.startRun')).status, 200);
  const paused = await waitFor(instant.base, loaded.id, inState('paused'));
  const last = paused.details.events.at(-1);
  assert.equal(last?.event, 'command.PAUSE.start');
  assert.equal(last?.params?.text, 'pause command');
  for (let look = 0; look < 3; look++) {
    const again = await waitFor(instant.base, loaded.id, () => true);
    assert.equal(again.details.currentState, 'paused');
    assert.deepEqual(again.details.events, paused.details.events, 'a paused run must not advance');
  }
  assert.equal((await command(instant.base, loaded.id, 'protocol.resume')).status, 200);
  const finished = await waitFor(instant.base, loaded.id, inState('finished', 'error'));
  assert.equal(finished.details.currentState, 'finished', JSON.stringify(finished.details.errors));
  const runEvents = finished.details.events.slice(loaded.details.events.length).filter((e) => e.source === 'protocol');
  assert.equal(count(runEvents, 'command.PAUSE.end'), 1);
  assert.equal(runEvents.filter((e) => e.event.endsWith('.start')).length, 27);
  assert.equal(runEvents.at(-2)?.params?.text, 'Saving position');
});

test('a manual moveLabware with a pause moves the session to paused; resumed, the run uses the plate where it now is', async () => {
  const loaded = await loadedSession(instant, 'moveByHand');
  assert.equal((await command(instant.base, loaded.id, 'protocol.startRun')).status, 200);
  const paused = await waitFor(instant.base, loaded.id, inState('paused'));
  assert.equal(paused.details.events.at(-1)?.params?.text, 'Manually move Corning 96 Well Plate 360 µL Flat from Slot 3 to Slot 5');
  assert.equal((await waitFor(instant.base, loaded.id, () => true)).details.currentState, 'paused');
  assert.equal((await command(instant.base, loaded.id, 'protocol.resume')).status, 200);
  const finished = await waitFor(instant.base, loaded.id, inState('finished', 'error'));
  assert.equal(finished.details.currentState, 'finished', JSON.stringify(finished.details.errors));
  const texts = finished.details.events.slice(loaded.details.events.length).filter((e) => e.event.endsWith('.start') && e.source === 'protocol').map((e) => e.params?.text);
  assert.equal(texts.at(-2), 'Aspirating 10 µL from well A1 of Corning 96 Well Plate 360 µL Flat in Slot 5 at 50 µL/sec');
  assert.equal(texts.at(-1), 'Returning tip to A1 of Opentrons OT-2 96 Tip Rack 300 µL in Slot 1');
});
