// serve's front door (src/server/front-door.ts): before the app is ready it answers a plain
// /health exactly as the app does and holds every other request and websocket upgrade, which the
// app answers once ready.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DEFAULT_ROBOT_NAME, openFrontDoor, startServer } from '../../src/server/index.ts';
import { eventually } from '../helpers/wait.ts';
import { subscribe } from '../notifications/helpers.ts';
import { V2 } from './helpers.ts';

/** The parts of a response the app and the door must agree on (Date varies). */
async function answer(res: Response): Promise<{ status: number; headers: [string, string][]; body: string }> {
  const headers = [...res.headers].filter(([name]) => name !== 'date');
  return { status: res.status, headers, body: await res.text() };
}

test('the front door answers /health as the app does, and hands every other request to the app once it is ready', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'labwright-door-'));
  const door = await openFrontDoor({ host: '127.0.0.1', port: 0, robotName: DEFAULT_ROBOT_NAME });
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    const base = `http://127.0.0.1:${door.port}`;
    const early = await answer(await fetch(`${base}/health`, { headers: V2 }));
    assert.equal(early.status, 200);
    // Not answered by the door: another route, a query, no version header, a browser's Origin.
    const held = [
      fetch(`${base}/sessions`, { headers: V2 }),
      fetch(`${base}/health?probe=1`, { headers: V2 }),
      fetch(`${base}/health`),
      fetch(`${base}/health`, { headers: { ...V2, Origin: 'http://lab.example' } }),
    ];
    // A websocket subscriber too (an upgrade, held the same way).
    const subscriber = subscribe(`ws://127.0.0.1:${door.port}/notifications/subscribe?topic=robot/door`);
    await eventually('the door to hold five requests', async () => door.waiting, (n) => n === 5, { timeoutMs: 10_000, intervalMs: 10 });

    server = await startServer({ logger: false, speed: 'max', pythonPoolSize: 1, dataDir, host: '127.0.0.1', port: door.port }, door);
    const [sessions, withQuery, noVersion, withOrigin] = await Promise.all(held);
    assert.equal(sessions.status, 200);
    assert.deepEqual(((await sessions.json()) as { data: unknown[] }).data, []);
    assert.equal(withQuery.status, 200);
    assert.equal(noVersion.status, 422);
    assert.equal(withOrigin.headers.get('access-control-allow-origin'), 'http://lab.example');
    await (await subscriber).close();

    const fromApp = await answer(await fetch(`${base}/health`, { headers: V2 }));
    assert.deepEqual(early, fromApp);
    assert.equal(door.waiting, 0);
  } finally {
    if (server !== null) await server.close();
    else await door.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('a front door whose server fails to start is closed with it', async () => {
  const door = await openFrontDoor({ host: '127.0.0.1', port: 0, robotName: DEFAULT_ROBOT_NAME });
  const held = fetch(`http://127.0.0.1:${door.port}/sessions`, { headers: V2 }).then(
    () => 'answered',
    () => 'connection closed',
  );
  await eventually('the door to hold the request', async () => door.waiting, (n) => n === 1, { timeoutMs: 10_000, intervalMs: 10 });
  // A notify address ZeroMQ cannot bind: the server refuses to start.
  await assert.rejects(startServer({ logger: false, dataDir: path.join(tmpdir(), 'labwright-door-never'), notify: { subscriberAddress: 'nonsense' } }, door));
  assert.equal(await held, 'connection closed');
  assert.equal(door.server.listening, false);
});
