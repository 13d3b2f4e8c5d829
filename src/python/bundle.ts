// The sandbox child runs plain JavaScript: under Node's permission model it cannot spawn esbuild,
// so tsx cannot transpile inside it. The parent therefore bundles the child's entry points (with
// the engine they import) into a folder the child may read: once per source version into the
// user's cache, where later runs and server starts find it (and its interpreter snapshot) without
// running esbuild at all; into a private temporary folder once per process when the cache cannot
// be written (and for the Python service's default, 'temp').
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bundleSandbox } from './sandbox-build.js';
import { keyFolder, markUsed, publishFiles, sourceKey, sweepStaleKeys, userCacheRoot, writeFileAtomic } from '../common/index.ts';

export interface SandboxFiles {
  /** Folder holding main.js, worker.js and the memory snapshot (read-only for the child). */
  dir: string;
  mainFile: string;
  workerFile: string;
  /** Where the memory snapshot for this exact code lives (it may not exist yet). */
  snapshotPath: string;
  pyodideDir: string;
  pythonDir: string;
  sharedDataDir: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');

function hashTree(hash: crypto.Hash, dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === '__pycache__') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, full);
    else if (entry.name.endsWith('.py')) hash.update(entry.name).update(fs.readFileSync(full));
  }
}

interface Locations {
  pyodideDir: string;
  pythonDir: string;
  sharedDataDir: string;
}

function locations(): Locations {
  const require = createRequire(import.meta.url);
  return {
    pyodideDir: path.dirname(require.resolve('pyodide/pyodide.mjs')),
    sharedDataDir: path.dirname(require.resolve('@opentrons/shared-data/package.json')),
    pythonDir: path.join(repoRoot, 'python'),
  };
}

function filesIn(dir: string, where: Locations): SandboxFiles {
  return {
    dir,
    mainFile: path.join(dir, 'main.js'),
    workerFile: path.join(dir, 'worker.js'),
    snapshotPath: path.join(dir, 'snapshot.bin'),
    ...where,
  };
}

/** Bundles the child's two entry points; the result is kept in memory. */
async function bundleChild() {
  // Loaded only when a bundle is made: a CLI run that finds its bundle cached never loads esbuild.
  const { build } = await import('esbuild');
  return bundleSandbox(build, here);
}

/** The tests' and benches' way: bundle now, into a temporary folder keyed by a hash of everything in it. */
async function prepareInTemp(): Promise<SandboxFiles> {
  const where = locations();
  const outputFiles = await bundleChild();
  const hash = crypto.createHash('sha256');
  for (const file of outputFiles) hash.update(file.path).update(file.contents);
  hashTree(hash, where.pythonDir);
  hash.update(fs.readFileSync(path.join(where.pyodideDir, 'package.json')));
  hash.update(process.version);
  const digest = hash.digest('hex').slice(0, 16);

  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  const base = path.join(os.tmpdir(), `labwright-python-${uid}`);
  fs.mkdirSync(base, { recursive: true, mode: 0o700 });
  const dir = path.join(base, digest);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const file of outputFiles) {
    const target = path.join(dir, path.basename(file.path));
    const temp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temp, file.contents);
    fs.renameSync(temp, target);
  }
  // Each version of the code leaves a folder of ~31 MB (the snapshot): the older ones go as in
  // the user's cache (the two most recent others and any used in the last minutes stay).
  markUsed(dir);
  sweepStaleKeys(base, digest);
  return filesIn(dir, where);
}

/**
 * The CLI's way: the folder of this source version in the user's cache (userCacheRoot), bundled
 * only when it is missing. A folder appears complete or not at all (built under a temporary name,
 * then renamed), so two CLIs starting at once at worst both bundle, and one of the two identical
 * results is kept. Falls back to the temporary folder when the cache cannot be written.
 */
async function prepareInUserCache(): Promise<SandboxFiles> {
  const where = locations();
  const root = userCacheRoot();
  const versionDir = keyFolder(repoRoot);
  const dir = path.join(versionDir, 'sandbox');
  try {
    if (!fs.existsSync(dir)) {
      publishFiles(await bundleChild(), dir);
    }
    markUsed(versionDir);
  } catch (err) {
    // A file-system refusal (no permission, read-only, full, not a folder): the cache is only a
    // speed-up. Anything else (a bundling error) is a real failure.
    if (typeof (err as NodeJS.ErrnoException).code === 'string') return prepareInTemp();
    throw err;
  }
  sweepStaleKeys(root, sourceKey(repoRoot));
  return filesIn(dir, where);
}

/**
 * The user's cache's sandbox files when they are complete, snapshot included, found without
 * bundling or waiting (for an interpreter started before anything else; early.ts); else null.
 */
export function cachedSandboxFiles(): SandboxFiles | null {
  try {
    const dir = path.join(keyFolder(repoRoot), 'sandbox');
    const files = filesIn(dir, locations());
    return fs.existsSync(files.snapshotPath) ? files : null;
  } catch {
    return null;
  }
}

/**
 * The user's cache's sandbox bundle when it is there, snapshot or not, found without bundling or
 * waiting (an early snapshot maker, early.ts); else null.
 */
export function cachedSandboxBundle(): { files: SandboxFiles; hasSnapshot: boolean } | null {
  try {
    const files = filesIn(path.join(keyFolder(repoRoot), 'sandbox'), locations());
    if (!fs.existsSync(files.mainFile) || !fs.existsSync(files.workerFile)) return null;
    return { files, hasSnapshot: fs.existsSync(files.snapshotPath) };
  } catch {
    return null;
  }
}

/** Where the bundle and snapshot live: a temporary folder per process (server) or the user's cache (CLI). */
export type SandboxFilesLocation = 'temp' | 'user-cache';

const prepared = new Map<SandboxFilesLocation, Promise<SandboxFiles>>();

/** Bundles the child code once per process (or finds it in the user's cache). */
export function sandboxFiles(location: SandboxFilesLocation = 'temp'): Promise<SandboxFiles> {
  let files = prepared.get(location);
  if (files === undefined) {
    files = location === 'temp' ? prepareInTemp() : prepareInUserCache();
    prepared.set(location, files);
    files.catch(() => prepared.delete(location));
  }
  return files;
}

/** Writes the memory snapshot atomically so concurrent processes never read half a file. */
export function storeSnapshot(files: SandboxFiles, bytes: Uint8Array): void {
  writeFileAtomic(files.snapshotPath, bytes);
}
