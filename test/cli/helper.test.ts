// The CLI's background helper (src/cli/helper.ts): started by a run that had none, it serves the
// next runs' Python jobs with the same results, each in a fresh interpreter; its socket is the
// owner's only; it answers its own source version only; a dead helper's socket makes a run fall
// back to an interpreter of its own; a stop request ends it.
import assert from 'node:assert/strict';
import net from 'node:net';
import { readdir, stat, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { closeAtEnd } from '../helpers/cleanup.ts';
import { cliRunner } from '../helpers/cli.ts';
import { eventually } from '../helpers/wait.ts';
import { repoRoot } from '../helpers/paths.ts';
import { answering, readFrames, writeFrame } from '../../src/cli/helper-wire.ts';
import type { HelperAnswer, HelperRequest } from '../../src/cli/helper-wire.ts';

const EXAMPLE = join(repoRoot, 'examples/plate_transfer');
const exampleArgs = [
  join(EXAMPLE, 'plate_transfer.py'),
  '--support', join(EXAMPLE, 'tip_handling.py'),
  '--support', join(EXAMPLE, 'plate_transfer_plan.json'),
];
const withHelper = { env: { LABWRIGHT_NO_HELPER: '', LABWRIGHT_DEBUG: '1' } };
const SERVED = 'analysed by the background helper';

/** Sends one request on the helper's socket and resolves with its answer (null: closed). */
function ask(socketPath: string, request: HelperRequest): Promise<HelperAnswer | null> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    socket.on('error', () => resolve(null));
    socket.on('close', () => resolve(null));
    readFrames(socket, (message) => {
      resolve(message as HelperAnswer);
      socket.destroy();
    });
    socket.once('connect', () => writeFrame(socket, request));
  });
}

test('a background helper serves later runs with the same results, privately, and stops on request', async () => {
  const cli = await cliRunner();
  const first = await cli.labwrightWith(withHelper, 'analyze', ...exampleArgs);
  assert.equal(first.code, 0, first.stderr);
  assert.ok(!first.stderr.includes(SERVED), 'the first run has no helper yet');

  const names = (await readdir(cli.cacheDir)).filter((n) => !n.startsWith('.'));
  assert.equal(names.length, 1);
  const keyDir = join(cli.cacheDir, names[0]);
  const socketPath = join(keyDir, 'helper.sock');
  const stopHelper = closeAtEnd(async () => {
    await ask(socketPath, { type: 'stop', key: names[0] });
    await eventually('the helper to be gone', () => answering(socketPath), (up) => !up, { timeoutMs: 30_000 });
  });
  await eventually('the helper to listen', () => answering(socketPath), (up) => up, { timeoutMs: 60_000 });

  // Owner-only: the folder it listens in and the socket itself.
  assert.equal((await stat(keyDir)).mode & 0o077, 0);
  assert.equal((await stat(socketPath)).mode & 0o077, 0);

  const second = await cli.labwrightWith(withHelper, 'analyze', ...exampleArgs);
  assert.equal(second.code, 0, second.stderr);
  assert.ok(second.stderr.includes(SERVED), second.stderr);
  assert.equal(second.stdout, first.stdout);

  // Each job its own interpreter: what one protocol leaves in Python's builtins the next does not see.
  const dir = cli.cacheDir;
  await writeFile(join(dir, 'leave.py'), "import builtins\nmetadata = {'apiLevel': '2.11'}\ndef run(ctx):\n    builtins.LEFT_BEHIND = 1\n    ctx.comment('left')\n");
  await writeFile(join(dir, 'look.py'), "import builtins\nmetadata = {'apiLevel': '2.11'}\ndef run(ctx):\n    ctx.comment('seen: %s' % hasattr(builtins, 'LEFT_BEHIND'))\n");
  const leave = await cli.labwrightWith(withHelper, 'simulate', join(dir, 'leave.py'));
  assert.ok(leave.stderr.includes(SERVED), leave.stderr);
  const look = await cli.labwrightWith(withHelper, 'simulate', join(dir, 'look.py'));
  assert.ok(look.stderr.includes(SERVED), look.stderr);
  assert.match(look.stdout, /seen: False/);

  // Another source version's request is refused (the CLI would then run the job itself).
  const refused = await ask(socketPath, { type: 'analyze', key: 'another-version', bundle: { protocolFile: { name: 'a.py', data: new Uint8Array() }, supportFiles: [] } });
  assert.equal(refused?.type, 'refused');

  // The option that turns it off: the run's own interpreter, the same result.
  const own = await cli.labwrightWith({ env: { LABWRIGHT_NO_HELPER: '1', LABWRIGHT_DEBUG: '1' } }, 'analyze', ...exampleArgs);
  assert.ok(!own.stderr.includes(SERVED));
  assert.equal(own.stdout, first.stdout);

  await stopHelper();
  assert.equal(await answering(socketPath), false);
});

test('a socket nobody answers on: the run uses its own interpreter, then a new helper takes the place', async () => {
  const cli = await cliRunner();
  const first = await cli.labwright('analyze', ...exampleArgs);
  assert.equal(first.code, 0, first.stderr);
  const names = (await readdir(cli.cacheDir)).filter((n) => !n.startsWith('.'));
  const socketPath = join(cli.cacheDir, names[0], 'helper.sock');
  await writeFile(socketPath, 'not a socket');
  const stopHelper = closeAtEnd(async () => {
    await ask(socketPath, { type: 'stop', key: names[0] });
    await eventually('the helper to be gone', () => answering(socketPath), (up) => !up, { timeoutMs: 30_000 });
  });

  const run = await cli.labwrightWith(withHelper, 'analyze', ...exampleArgs);
  assert.equal(run.code, 0, run.stderr);
  assert.ok(!run.stderr.includes(SERVED));
  assert.equal(run.stdout, first.stdout);
  await eventually('a new helper to listen', () => answering(socketPath), (up) => up, { timeoutMs: 60_000 });
  await stopHelper();
  await rm(socketPath, { force: true });
});
