// The user's cache folder for what `labwright analyze` reuses between runs (the sandbox bundle,
// the interpreter snapshot, the compiled CLI), one folder per source key.
//
// Plain JavaScript (typed by user-cache.d.ts) because bin/labwright.js runs it before anything can
// transpile TypeScript: it decides whether a compiled CLI can be started without tsx.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Bumped when the layout of a key folder changes, so old folders are never read as new ones. */
const LAYOUT_VERSION = '1';
/** A key folder used this recently is never removed: another process may be working in it. */
export const IN_USE_MS = 10 * 60 * 1000;
/** Key folders kept besides the current one (several checkouts or versions used in turn). */
export const KEEP_OTHER_KEYS = 2;
const USED_MARK = 'last-used';

/**
 * `$LABWRIGHT_CACHE_DIR`, else `$XDG_CACHE_HOME/labwright`, else `~/.cache/labwright`.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string}
 */
export function userCacheRoot(env = process.env) {
  if (env.LABWRIGHT_CACHE_DIR) return path.resolve(env.LABWRIGHT_CACHE_DIR);
  const xdg = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(xdg, 'labwright');
}

/**
 * @param {string} dir
 * @param {(name: string) => boolean} keep
 * @param {string[]} out
 */
function listFiles(dir, keep, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '__pycache__' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, keep, out);
    else if (keep(entry.name)) out.push(full);
  }
  return out;
}

/** @type {Map<string, string>} */
const keys = new Map();

/**
 * The version of everything a cached build is made from: the content of every source file of the
 * server and the sandbox (src/**, python/**), the compiled CLI's recipe, the installed packages (npm's record of the
 * node_modules tree, which changes with every install) and Node's version. Content, not
 * timestamps: hashing it all takes a few milliseconds (docs/notes/cli-start.md), and a changed
 * byte anywhere gives another key, so a stale build is never reused. The checkout's location is
 * part of it too: a compiled CLI refers to its checkout's files by absolute path.
 * @param {string} repoRoot
 * @returns {string}
 */
export function computeSourceKey(repoRoot) {
  const hash = crypto.createHash('sha256');
  hash.update(`layout ${LAYOUT_VERSION}\0node ${process.version}\0root ${path.resolve(repoRoot)}\0`);
  const sources = [
    ...listFiles(path.join(repoRoot, 'src'), (n) => /\.(ts|js|json)$/.test(n), []),
    ...listFiles(path.join(repoRoot, 'python'), (n) => n.endsWith('.py'), []),
  ].sort();
  // The compiled CLI's recipe (bin/compiled-cli.js) too: another recipe makes another build.
  const packages = ['bin/compiled-cli.js', 'package.json', 'package-lock.json', 'node_modules/.package-lock.json', 'node_modules/pyodide/package.json'];
  for (const file of [...sources, ...packages.map((p) => path.join(repoRoot, p))]) {
    hash.update(path.relative(repoRoot, file)).update('\0');
    try {
      hash.update(fs.readFileSync(file));
    } catch {
      hash.update('(missing)');
    }
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 20);
}

/**
 * computeSourceKey, once per process: the sources do not change under a running command (and if
 * they did, the next command would see the new key).
 * @param {string} repoRoot
 * @returns {string}
 */
export function sourceKey(repoRoot) {
  let key = keys.get(repoRoot);
  if (key === undefined) {
    key = computeSourceKey(repoRoot);
    keys.set(repoRoot, key);
  }
  return key;
}

/**
 * The folder of one source version: `sandbox/` (bundle and snapshot) and `cli/` (the compiled
 * CLI), each put in place whole by publishFolder.
 * @param {string} repoRoot
 * @returns {string}
 */
export function keyFolder(repoRoot) {
  return path.join(userCacheRoot(), sourceKey(repoRoot));
}

/**
 * The compiled CLI's entry for these sources, when an earlier run built it; otherwise null.
 * @param {string} repoRoot
 * @returns {string | null}
 */
export function compiledCliEntry(repoRoot) {
  const dir = keyFolder(repoRoot);
  const entry = path.join(dir, 'cli', 'main.mjs');
  if (!fs.existsSync(entry)) return null;
  markUsed(dir);
  return entry;
}

/**
 * Notes that a key folder is in use now (sweeps in other processes leave it alone).
 * @param {string} dir
 */
export function markUsed(dir) {
  const mark = path.join(dir, USED_MARK);
  const now = new Date();
  try {
    fs.utimesSync(mark, now, now);
  } catch {
    try {
      fs.writeFileSync(mark, '');
    } catch {
      // Only a hint for sweeps; a folder that cannot be marked is just removed sooner.
    }
  }
}

/**
 * @param {string} dir
 * @returns {number}
 */
function lastUsed(dir) {
  for (const file of [path.join(dir, USED_MARK), dir]) {
    try {
      return fs.statSync(file).mtimeMs;
    } catch {
      // Try the folder itself.
    }
  }
  return 0;
}

/**
 * Removes stale key folders: all but the current key and the most recently used others, and
 * never one used in the last IN_USE_MS. Half-written folders (`.tmp-*`) of processes that died are
 * removed once they are that old too. A folder is renamed away before it is deleted, so no process
 * ever sees a half-deleted one under a key's name.
 * @param {string} root
 * @param {string} currentKey
 * @param {number} [now]
 * @returns {string[]} the keys removed
 */
export function sweepStaleKeys(root, currentKey, now = Date.now()) {
  let names;
  try {
    names = fs.readdirSync(root);
  } catch {
    return [];
  }
  const removed = [];
  const others = names
    .filter((n) => n !== currentKey && !n.startsWith('.'))
    .map((name) => ({ name, used: lastUsed(path.join(root, name)) }))
    .sort((a, b) => b.used - a.used);
  const doomed = others.slice(KEEP_OTHER_KEYS).filter((o) => now - o.used > IN_USE_MS);
  const leftovers = names.filter((n) => n.startsWith('.tmp-') && now - lastUsed(path.join(root, n)) > IN_USE_MS);
  for (const name of [...doomed.map((d) => d.name), ...leftovers]) {
    const trash = path.join(root, `.trash-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
    try {
      fs.renameSync(path.join(root, name), trash);
      fs.rmSync(trash, { recursive: true, force: true });
      if (!name.startsWith('.')) removed.push(name);
    } catch {
      // Another process removed or renamed it first.
    }
  }
  return removed;
}

/**
 * Puts a folder built under a temporary name (temporaryBuildFolder) in place, atomically: if
 * another process got there first, its folder stays and ours is dropped (both hold the same
 * build). Readers therefore see a complete folder or none.
 * @param {string} built
 * @param {string} target
 */
export function publishFolder(built, target) {
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  try {
    fs.renameSync(built, target);
  } catch (err) {
    const code = /** @type {NodeJS.ErrnoException} */ (err).code;
    fs.rmSync(built, { recursive: true, force: true });
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw err;
  }
}

/**
 * Writes files (esbuild's output files: a path, of which the name is kept, and contents) into a
 * fresh folder of the cache and puts it in place at `target` whole (publishFolder). Throws what
 * the file system throws; nothing half-written is left.
 * @param {readonly { path: string; contents: Uint8Array }[]} files
 * @param {string} target
 */
export function publishFiles(files, target) {
  const built = temporaryBuildFolder(userCacheRoot());
  try {
    for (const file of files) fs.writeFileSync(path.join(built, path.basename(file.path)), file.contents);
    publishFolder(built, target);
  } catch (err) {
    fs.rmSync(built, { recursive: true, force: true });
    throw err;
  }
}

/**
 * A fresh private folder inside the cache root to build a key folder in.
 * @param {string} root
 * @returns {string}
 */
export function temporaryBuildFolder(root) {
  fs.mkdirSync(root, { recursive: true, mode: 0o700 });
  return fs.mkdtempSync(path.join(root, `.tmp-${process.pid}-`));
}

/**
 * Writes a file atomically (a temporary name, then a rename) so readers never see half of it.
 * @param {string} target
 * @param {string | Uint8Array} data
 */
export function writeFileAtomic(target, data) {
  const temp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(temp, data);
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
