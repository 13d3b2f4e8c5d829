// The simulated door: `/robot/door/status`, the `enableDoorSafetySwitch` setting, an open door
// holding a run as the original's state machine describes it (http-api.md §3.8), and
// `labwright door` talking to a running server.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../helpers/paths.ts';
import { freePort } from '../e2e/process.ts';
import { call, command, createSession, getSession, inState, startServer, uploadFile, waitFor } from './helpers.ts';

const SIMPLE_V5 = createRequire(import.meta.url).resolve('@opentrons/shared-data/protocol/fixtures/5/simpleV5.json');

interface DoorStatus {
  data: { status: string; doorRequiredClosedForProtocol: boolean };
}
interface Settings {
  settings: { id: string; value: boolean | null; restart_required: boolean }[];
}

const setDoor = (base: string, status: string) => call<DoorStatus>(base, 'PUT', '/robot/door/status', { json: { data: { status } } });

async function labwright(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/labwright.js'), ...args], { cwd: repoRoot });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stdout, stderr };
}

test('the door, its safety setting, and a run it holds', { timeout: 180_000 }, async (t) => {
  // Real time: simpleV5 spends 42 s in one delay, so the run is still going when the door opens.
  const server = await startServer({ speed: 1 });
  t.after(() => server.close());
  const { base } = server;
  const events: unknown[] = [];
  const subscription = server.app.notificationHub.subscribe(['hardware_events'], (e) => events.push(e.data));
  t.after(() => subscription.unsubscribe());

  const settings = await call<Settings>(base, 'GET', '/settings');
  assert.deepEqual(
    settings.body.settings.find((s) => s.id === 'enableDoorSafetySwitch'),
    {
      id: 'enableDoorSafetySwitch',
      old_id: null,
      title: 'Enable robot door safety switch',
      description:
        'Automatically pause protocols when robot door opens. Opening the robot door during a run will pause your robot only after it has completed its current motion.',
      restart_required: false,
      value: null,
    },
  );
  assert.deepEqual((await call<DoorStatus>(base, 'GET', '/robot/door/status')).body, {
    data: { status: 'closed', doorRequiredClosedForProtocol: false },
  });
  assert.equal((await call(base, 'GET', '/robot/door/status', { headers: { 'Opentrons-Version': '1' } })).status, 400);
  assert.equal((await call(base, 'PUT', '/robot/door/status', { json: { data: { status: 'ajar' } } })).status, 422);
  assert.equal((await call(base, 'PUT', '/robot/door/status', { json: { status: 'open' } })).status, 422);

  const openapi = await call<{ paths: Record<string, Record<string, { summary: string }>> }>(base, 'GET', '/openapi.json');
  assert.equal(openapi.body.paths['/robot/door/status'].put.summary, 'Open or close the simulated robot door');

  assert.equal((await uploadFile(base, SIMPLE_V5)).status, 201);

  await t.test('with the setting off, an open door changes nothing for a run', async () => {
    const session = await createSession(base, 'simpleV5');
    await waitFor(base, session.id, inState('loaded'));
    assert.equal((await command(base, session.id, 'protocol.startRun')).status, 200);
    await waitFor(base, session.id, inState('running'));
    assert.equal((await setDoor(base, 'open')).body.data.status, 'open');
    assert.equal((await getSession(base, session.id)).details.currentState, 'running');
    assert.equal((await setDoor(base, 'closed')).status, 200);
    assert.equal((await call(base, 'DELETE', `/sessions/${session.id}`)).status, 200);
    assert.deepEqual(events, [
      { event: 'door_state', state: false },
      { event: 'door_state', state: true },
    ]);
  });

  await t.test('with the setting on, an open door refuses a run to start', async () => {
    const on = await call<Settings>(base, 'POST', '/settings', { json: { id: 'enableDoorSafetySwitch', value: true } });
    assert.equal(on.status, 200);
    assert.equal(on.body.settings.find((s) => s.id === 'enableDoorSafetySwitch')?.value, true);
    assert.equal((await setDoor(base, 'open')).body.data.doorRequiredClosedForProtocol, true);
    const session = await createSession(base, 'simpleV5');
    await waitFor(base, session.id, inState('loaded'));
    assert.equal((await command(base, session.id, 'protocol.startRun')).status, 200);
    const failed = await waitFor(base, session.id, inState('error'));
    assert.deepEqual(failed.details.errors, [
      { type: 'RuntimeError', description: 'Protocol is blocked and cannot run. Make sure robot door is closed before running.' },
    ]);
    assert.equal((await call(base, 'DELETE', `/sessions/${session.id}`)).status, 200);
    await setDoor(base, 'closed');
  });

  await t.test('with the setting on, opening the door holds the run until it is closed and resumed', async () => {
    const session = await createSession(base, 'simpleV5');
    await waitFor(base, session.id, inState('loaded'));
    assert.equal((await command(base, session.id, 'protocol.startRun')).status, 200);
    await waitFor(base, session.id, inState('running'));
    await setDoor(base, 'open');
    const held = await getSession(base, session.id);
    assert.equal(held.details.currentState, 'paused');
    // A resume while the door is open succeeds and does nothing, as on the robot.
    assert.equal((await command(base, session.id, 'protocol.resume')).status, 200);
    assert.equal((await getSession(base, session.id)).details.currentState, 'paused');
    // Closing the door does not restart the robot by itself.
    await setDoor(base, 'closed');
    assert.equal((await getSession(base, session.id)).details.currentState, 'paused');
    assert.equal((await command(base, session.id, 'protocol.resume')).status, 200);
    assert.equal((await getSession(base, session.id)).details.currentState, 'running');
    assert.equal((await command(base, session.id, 'protocol.cancel')).status, 200);
    await waitFor(base, session.id, inState('stopped'));
    const reset = await call<Settings>(base, 'POST', '/settings', { json: { id: 'enableDoorSafetySwitch', value: null } });
    assert.equal(reset.body.settings.find((s) => s.id === 'enableDoorSafetySwitch')?.value, null);
  });

  await t.test('labwright door talks to the running server', async () => {
    const port = new URL(base).port;
    const opened = await labwright('door', 'open', '--port', port);
    assert.equal(opened.code, 0, opened.stderr);
    assert.equal(opened.stdout, 'door open (an open door holds runs: off)\n');
    assert.equal((await call<DoorStatus>(base, 'GET', '/robot/door/status')).body.data.status, 'open');
    const status = await labwright('door', 'status', '--port', port);
    assert.equal(status.stdout, 'door open (an open door holds runs: off)\n');
    assert.equal((await labwright('door', 'close', '--port', port)).stdout, 'door closed (an open door holds runs: off)\n');
    const nobody = await labwright('door', 'open', '--port', String(await freePort()));
    assert.equal(nobody.code, 1);
    assert.match(nobody.stderr, /^labwright: no Labwright server at 127\.0\.0\.1:\d+/);
    assert.equal((await labwright('door', 'ajar', '--port', port)).code, 2);
  });
});
