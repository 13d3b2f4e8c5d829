// What `labwright analyze` keeps between runs in its cache folder (the sandbox bundle, the
// interpreter snapshot, the compiled CLI): made on the first run, reused as it is on the next,
// a new key for changed sources, stale keys swept, and two CLIs at once leave it whole.
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { closeAtEnd } from '../helpers/cleanup.ts';
import { cliRunner, type CliRunner } from '../helpers/cli.ts';
import { eventually } from '../helpers/wait.ts';
import { jsonProtocolFixture } from '../helpers/original.ts';
import { repoRoot } from '../helpers/paths.ts';
import { computeSourceKey, IN_USE_MS, KEEP_OTHER_KEYS, sweepStaleKeys } from '../../src/common/index.ts';

const EXAMPLE = join(repoRoot, 'examples/plate_transfer');
const exampleArgs = [
  join(EXAMPLE, 'plate_transfer.py'),
  '--support', join(EXAMPLE, 'tip_handling.py'),
  '--support', join(EXAMPLE, 'plate_transfer_plan.json'),
];

/** The one key folder in a cache (its name and path). */
async function onlyKey(cacheDir: string): Promise<{ name: string; dir: string }> {
  const names = (await readdir(cacheDir)).filter((n) => !n.startsWith('.'));
  assert.equal(names.length, 1, `one key folder: ${names.join(', ')}`);
  return { name: names[0], dir: join(cacheDir, names[0]) };
}

/** Identity of each cached file: a rewritten file (a new build) gets a new inode. */
async function identities(dir: string, files: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of files) {
    const info = await stat(join(dir, file));
    out[file] = `${info.ino}:${info.mtimeMs}:${info.size}`;
  }
  return out;
}

/** Sandbox processes alive that read their bundle from `cacheDir` (Linux /proc), wherever they came from. */
async function sandboxesOf(cacheDir: string): Promise<number[]> {
  const found: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const command = await readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '');
    const state = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    if (command.includes(`--allow-fs-read=${cacheDir}/`) && !/\) Z /.test(state)) found.push(Number(name));
  }
  return found;
}

const CACHED = ['sandbox/main.js', 'sandbox/worker.js', 'sandbox/snapshot.bin', 'cli/main.mjs'];

/** Runs a command with the module log and returns the URLs it loaded. */
async function loadedModules(cli: CliRunner, ...args: string[]): Promise<{ code: number; stderr: string; urls: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'labwright-modules-'));
  closeAtEnd(() => rm(dir, { recursive: true, force: true }));
  const log = join(dir, 'modules.txt');
  await writeFile(log, '');
  const res = await cli.labwrightWith(
    { env: { LABWRIGHT_MODULE_LOG: log }, nodeArgs: ['--import', join(repoRoot, 'test/helpers/module-log.mjs')] },
    ...args,
  );
  return { code: res.code, stderr: res.stderr, urls: (await readFile(log, 'utf8')).split('\n').filter(Boolean) };
}

// What analyze must never load: the server, its store and notifications, their packages.
const SERVER_MODULES = /node_modules\/(fastify|@fastify|better-sqlite3|zeromq|pino)\/|\/src\/(server|store|runner|notifications|web|library)\/|\/cli\/(server|notifications|labware)-[^/]*\.mjs$/;

describe('the cache of analyze', () => {
  test('made on the first run (compiled CLI, no tsx), reused untouched on the second (no esbuild either)', async () => {
    const cli = await cliRunner();
    const first = await loadedModules(cli, 'analyze', ...exampleArgs);
    assert.equal(first.code, 0, first.stderr);
    const { dir } = await onlyKey(cli.cacheDir);
    const made = await identities(dir, CACHED);
    assert.ok(first.urls.some((u) => u.endsWith('/cli/main.mjs')), 'the first run builds and runs the compiled CLI');
    assert.ok(first.urls.some((u) => /node_modules\/esbuild\//.test(u)), 'with esbuild');
    assert.deepEqual(first.urls.filter((u) => /node_modules\/tsx\//.test(u)), [], 'not through tsx');
    assert.deepEqual(first.urls.filter((u) => SERVER_MODULES.test(u)), [], 'no server modules on the first run');

    const second = await loadedModules(cli, 'analyze', ...exampleArgs);
    assert.equal(second.code, 0, second.stderr);
    assert.deepEqual(await identities(dir, CACHED), made, 'nothing rebuilt');
    assert.ok(second.urls.some((u) => u.endsWith('/cli/main.mjs')), 'the compiled CLI ran');
    assert.deepEqual(second.urls.filter((u) => /node_modules\/(esbuild|tsx)\//.test(u)), [], 'neither esbuild nor tsx loaded');
    assert.deepEqual(second.urls.filter((u) => SERVER_MODULES.test(u)), [], 'no server modules on a later run');

    const [a, b] = [await cli.labwright('analyze', ...exampleArgs), await cli.labwright('analyze', ...exampleArgs, '--json')];
    assert.equal(a.code, 0, a.stderr);
    assert.match(a.stdout, /^.*plate_transfer\.py: python protocol, apiLevel 2\.8\n/);
    assert.equal(JSON.parse(b.stdout).ok, true);

    // A .py on the command line starts an interpreter before the files are read; a command that
    // then ends without it (here a usage error) neither waits for it nor leaves it behind.
    const missing = await cli.labwright('analyze', join(EXAMPLE, 'no-such-protocol.py'));
    assert.equal(missing.code, 2);
    await eventually('no interpreter left behind', () => sandboxesOf(cli.cacheDir), (pids) => pids.length === 0);
  });

  test("the first run's analysis, made by the interpreter that makes the snapshot, is the one a later run gives", async () => {
    const cli = await cliRunner();
    const first = await cli.labwright('analyze', ...exampleArgs, '--json');
    assert.equal(first.code, 0, first.stderr);
    const later = await cli.labwright('analyze', ...exampleArgs, '--json');
    assert.equal(later.code, 0, later.stderr);
    // The same document but for the commands' timestamps.
    const timeless = (text: string): unknown => JSON.parse(text, (key, value: unknown) => (/^(created|started|completed)At$/.test(key) ? undefined : value));
    assert.deepEqual(timeless(first.stdout), timeless(later.stdout));
  });

  test('simulate of a JSON protocol loads no server modules either', async () => {
    const cli = await cliRunner();
    const fixture = jsonProtocolFixture('5/simpleV5.json');
    for (let run = 0; run < 2; run++) {
      const res = await loadedModules(cli, 'simulate', fixture);
      assert.equal(res.code, 0, res.stderr);
      assert.deepEqual(res.urls.filter((u) => SERVER_MODULES.test(u)), [], `run ${run + 1}`);
    }
  });

  test('two CLIs at once on an empty cache: both succeed, one whole key folder, nothing half-written', async () => {
    const cli = await cliRunner();
    const [a, b] = await Promise.all([cli.labwright('analyze', ...exampleArgs), cli.labwright('analyze', ...exampleArgs)]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.equal(a.stdout, b.stdout);
    const { dir } = await onlyKey(cli.cacheDir);
    assert.deepEqual((await readdir(cli.cacheDir)).filter((n) => n.startsWith('.')), [], 'no temporary folders left');
    for (const sub of ['sandbox', 'cli']) {
      assert.deepEqual((await readdir(join(dir, sub))).filter((n) => n.endsWith('.tmp')), [], `no temporary files in ${sub}`);
    }
    const made = await identities(dir, CACHED);
    const again = await cli.labwright('analyze', ...exampleArgs);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, a.stdout);
    assert.deepEqual(await identities(dir, CACHED), made, 'what the two made is reused');
  });

  test('a cache folder that cannot be made only costs speed: tsx and a temporary folder instead', async () => {
    const cli = await cliRunner();
    const notAFolder = join(cli.cacheDir, 'a-file');
    await writeFile(notAFolder, '');
    const res = await cli.labwrightWith({ env: { LABWRIGHT_CACHE_DIR: join(notAFolder, 'cache') } }, 'analyze', ...exampleArgs, '--json');
    assert.equal(res.code, 0, res.stderr);
    assert.equal(JSON.parse(res.stdout).ok, true);
  });

  test('prepare (what npm install runs) makes what a first run would; analyze then builds and boots nothing cold', async () => {
    const cli = await cliRunner();
    const prepared = await cli.labwright('prepare');
    assert.equal(prepared.code, 0, prepared.stderr);
    assert.match(prepared.stdout, /ready in the user's cache/);
    const { dir } = await onlyKey(cli.cacheDir);
    const made = await identities(dir, CACHED);

    const again = await cli.labwright('prepare');
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /already prepared/);

    const res = await loadedModules(cli, 'analyze', ...exampleArgs);
    assert.equal(res.code, 0, res.stderr);
    assert.deepEqual(await identities(dir, CACHED), made, 'the first analyze rebuilt nothing and made no snapshot');
    assert.deepEqual(res.urls.filter((u) => /node_modules\/(esbuild|tsx)\//.test(u)), [], 'neither esbuild nor tsx loaded');
  });

  test('prepare with a cache folder that cannot be made says so and succeeds', async () => {
    const cli = await cliRunner();
    const notAFolder = join(cli.cacheDir, 'a-file');
    await writeFile(notAFolder, '');
    const res = await cli.labwrightWith({ env: { LABWRIGHT_CACHE_DIR: join(notAFolder, 'cache') } }, 'prepare');
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /cannot be written/);
  });

  test('stale keys are swept; the most recent others and any in use are kept', async () => {
    const root = await mkdtemp(join(tmpdir(), 'labwright-sweep-'));
    closeAtEnd(() => rm(root, { recursive: true, force: true }));
    const now = Date.now();
    const folder = async (name: string, age: number): Promise<void> => {
      await mkdir(join(root, name, 'sandbox'), { recursive: true });
      await writeFile(join(root, name, 'last-used'), '');
      await utimes(join(root, name, 'last-used'), new Date(now - age), new Date(now - age));
    };
    assert.equal(KEEP_OTHER_KEYS, 2);
    // Superseded versions: the two most recently used stay (checkouts used in turn), older ones go.
    for (const [name, age] of [['current', IN_USE_MS * 9], ['recent1', IN_USE_MS * 2], ['recent2', IN_USE_MS * 3], ['old', IN_USE_MS * 4], ['older', IN_USE_MS * 5]] as const) {
      await folder(name, age);
    }
    await mkdir(join(root, '.tmp-1-dead'));
    await utimes(join(root, '.tmp-1-dead'), new Date(now - IN_USE_MS * 2), new Date(now - IN_USE_MS * 2));
    await mkdir(join(root, '.tmp-2-busy'));
    assert.deepEqual(sweepStaleKeys(root, 'current', now).sort(), ['old', 'older']);
    assert.deepEqual((await readdir(root)).sort(), ['.tmp-2-busy', 'current', 'recent1', 'recent2']);
    // Folders used in the last minutes are never removed, however many.
    for (const [name, age] of [['busy1', 1000], ['busy2', 2000], ['busy3', 3000]] as const) await folder(name, age);
    assert.deepEqual(sweepStaleKeys(root, 'current', now).sort(), ['recent1', 'recent2']);
    assert.deepEqual((await readdir(root)).sort(), ['.tmp-2-busy', 'busy1', 'busy2', 'busy3', 'current']);
  });

  test('the source key changes with any source byte or file, not with timestamps', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'labwright-key-'));
    closeAtEnd(() => rm(copy, { recursive: true, force: true }));
    for (const part of ['src', 'python', 'package.json', 'package-lock.json']) await cp(join(repoRoot, part), join(copy, part), { recursive: true });
    const key = computeSourceKey(copy);
    assert.equal(computeSourceKey(copy), key, 'stable');
    const module = join(copy, 'python/opentrons/types.py');
    const text = await readFile(module, 'utf8');
    await utimes(module, new Date(), new Date(Date.now() + 5000));
    assert.equal(computeSourceKey(copy), key, 'a touched file keeps the key');
    await writeFile(module, text.replace(/\n$/, ' \n'));
    assert.notEqual(computeSourceKey(copy), key, 'a changed Python source');
    await writeFile(module, text);
    assert.equal(computeSourceKey(copy), key, 'changed back');
    await writeFile(join(copy, 'python/opentrons/extra.py'), '');
    assert.notEqual(computeSourceKey(copy), key, 'a new Python module');
    await rm(join(copy, 'python/opentrons/extra.py'));
    const engine = join(copy, 'src/engine/index.ts');
    await writeFile(engine, (await readFile(engine, 'utf8')) + '\n');
    assert.notEqual(computeSourceKey(copy), key, 'a changed TypeScript source');
    assert.notEqual(computeSourceKey(repoRoot), key, 'another checkout has its own key');
  });
});
