// `labwright serve` as an operator starts it: a real process on a loopback port, then the HTTP API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, sharedDir } from '../helpers/paths.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/health`, { headers: { 'Opentrons-Version': '2' } });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not answer /health within 60 s');
}

async function startServe(args: string[]): Promise<{ base: string; stop(): Promise<void>; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'labwright-serve-'));
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'bin/labwright.js'), 'serve', '--host', '127.0.0.1', '--port', String(port), '--data-dir', dir, ...args],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(base, child);
  return {
    base,
    dir,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const V2 = { 'Opentrons-Version': '2' };

async function upload(base: string, file: string): Promise<{ status: number; body: { data: { id: string } } }> {
  const form = new FormData();
  const name = file.split('/').pop() ?? 'protocol.json';
  form.append('protocolFile', new Blob([await readFile(file)]), name);
  const res = await fetch(`${base}/protocols`, { method: 'POST', headers: V2, body: form });
  return { status: res.status, body: (await res.json()) as { data: { id: string } } };
}

async function sessionUntilSettled(base: string, protocolId: string) {
  const created = await fetch(`${base}/sessions`, {
    method: 'POST',
    headers: { ...V2, 'Content-Type': 'application/json' },
    body: JSON.stringify({ data: { sessionType: 'protocol', createParams: { protocolId } } }),
  });
  assert.equal(created.status, 201);
  const id = ((await created.json()) as { data: { id: string } }).data.id;
  for (let i = 0; i < 300; i++) {
    const res = await fetch(`${base}/sessions/${id}`, { headers: V2 });
    const body = (await res.json()) as { data: { details: { currentState: string; errors?: Array<{ description: string }> } } };
    if (['loaded', 'error'].includes(body.data.details.currentState)) return body.data.details;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('session did not settle');
}

test('serve: a virtual robot loads whatever the protocol needs', async () => {
  const server = await startServe(['--speed', 'max']);
  try {
    const up = await upload(server.base, join(sharedDir, 'reference/json-fixtures/5/simpleV5.json'));
    assert.equal(up.status, 201);
    const details = await sessionUntilSettled(server.base, up.body.data.id);
    assert.equal(details.currentState, 'loaded');
    // The dashboard is served beside the API, without the version header a browser cannot send.
    const page = await fetch(`${server.base}/dashboard`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await page.text(), /<script type="module" src="\/dashboard\/app.js">/);
    const script = await fetch(`${server.base}/dashboard/app.js`);
    assert.equal(script.status, 200);
    assert.match(await script.text(), /from '\.\/api\.js'/);
    // Every request the dashboard makes goes through api.js, with the version header.
    const api = await fetch(`${server.base}/dashboard/api.js`);
    assert.equal(api.status, 200);
    assert.match(await api.text(), /'Opentrons-Version': '2'/);
    assert.equal((await fetch(`${server.base}/dashboard/nothing.js`)).status, 404);
  } finally {
    await server.stop();
  }
});

test('serve --right-pipette: a fixed robot refuses a protocol that needs another pipette', async () => {
  const server = await startServe(['--speed', 'max', '--right-pipette', 'p300_single_gen2']);
  try {
    const up = await upload(server.base, join(sharedDir, 'reference/json-fixtures/5/simpleV5.json'));
    assert.equal(up.status, 201);
    const details = await sessionUntilSettled(server.base, up.body.data.id);
    assert.equal(details.currentState, 'error');
    assert.match(details.errors?.[0]?.description ?? '', /p10_single was requested on the left mount, but no pipette is attached/);
  } finally {
    await server.stop();
  }
});
