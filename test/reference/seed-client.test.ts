// The seed's own client script (examples/basic_transfer/run_basic_transfer.py of the reference
// material), unmodified,
// against `labwright serve` on the port it hard-codes (31950): it uploads the protocol with its
// support files, creates a session, waits for `loaded`, runs, waits for `finished`, cleans up.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pythonWithRequests, startServerProcess, type ServerProcess } from '../e2e/process.ts';
import { requireReference, SEED_EXAMPLE } from './shared.ts';

requireReference();

let server: ServerProcess;
let work: string;

before(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'labwright-e2e-'));
  server = await startServerProcess({ port: 31950, dataDir: path.join(work, 'data'), speed: 'max' });
});
after(async () => {
  await server?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

test('run_basic_transfer.py runs to "Run is complete"', { timeout: 120_000 }, async (t) => {
  const python = pythonWithRequests();
  assert.ok(python, 'a python3 with the requests package is needed (Debian: python3-requests)');
  const client = path.join(work, 'client');
  await cp(SEED_EXAMPLE, client, { recursive: true });

  const child = spawn(python, ['run_basic_transfer.py'], { cwd: client, stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

  const context = `exit ${code}\nstdout:\n${stdout}\nstderr:\n${stderr}\nserver:\n${server.output().slice(-4000)}`;
  assert.equal(code, 0, context);
  assert.match(stdout, /Run is complete/, context);
  assert.match(stdout, /'currentState': 'finished'/, context);
  // The script deletes what it made: the server is empty again.
  const protocols = await fetch(`${server.base}/protocols`, { headers: { 'Opentrons-Version': '2' } });
  assert.deepEqual(((await protocols.json()) as { data: unknown[] }).data, []);
  const sessions = await fetch(`${server.base}/sessions`, { headers: { 'Opentrons-Version': '2' } });
  assert.deepEqual(((await sessions.json()) as { data: unknown[] }).data, []);
});
