// The sandbox child runs plain JavaScript: under Node's permission model it cannot spawn esbuild,
// so tsx cannot transpile inside it. The parent therefore bundles the child's entry points (with
// the engine they import) once per process into a private temporary folder the child may read.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Plugin } from 'esbuild';

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

// Modules that locate files relative to themselves (the definitions reader finds shared-data
// with createRequire(import.meta.url)) must keep their source location inside the bundle.
const keepSourceUrl: Plugin = {
  name: 'keep-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

async function prepare(): Promise<SandboxFiles> {
  const require = createRequire(import.meta.url);
  const pyodideDir = path.dirname(require.resolve('pyodide/pyodide.mjs'));
  const sharedDataDir = path.dirname(require.resolve('@opentrons/shared-data/package.json'));
  const pythonDir = path.join(repoRoot, 'python');
  const out = await build({
    entryPoints: { main: path.join(here, 'child/main.ts'), worker: path.join(here, 'child/worker.ts') },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    outdir: 'out',
    logLevel: 'silent',
    plugins: [keepSourceUrl],
    // Bundled CommonJS dependencies (ajv) still call require().
    banner: { js: "import { createRequire as __lwCreateRequire } from 'node:module'; const require = __lwCreateRequire(import.meta.url);" },
  });
  const hash = crypto.createHash('sha256');
  for (const file of out.outputFiles) hash.update(file.path).update(file.contents);
  hashTree(hash, pythonDir);
  hash.update(fs.readFileSync(path.join(pyodideDir, 'package.json')));
  hash.update(process.version);
  const digest = hash.digest('hex').slice(0, 16);

  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  const base = path.join(os.tmpdir(), `labwright-python-${uid}`);
  fs.mkdirSync(base, { recursive: true, mode: 0o700 });
  const dir = path.join(base, digest);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const file of out.outputFiles) {
    const target = path.join(dir, path.basename(file.path));
    const temp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temp, file.contents);
    fs.renameSync(temp, target);
  }
  return {
    dir,
    mainFile: path.join(dir, 'main.js'),
    workerFile: path.join(dir, 'worker.js'),
    snapshotPath: path.join(dir, 'snapshot.bin'),
    pyodideDir,
    pythonDir,
    sharedDataDir,
  };
}

let prepared: Promise<SandboxFiles> | null = null;

/** Bundles the child code once per process; the folder is keyed by a hash of everything in it. */
export function sandboxFiles(): Promise<SandboxFiles> {
  prepared ??= prepare();
  prepared.catch(() => {
    prepared = null;
  });
  return prepared;
}

/** Writes the memory snapshot atomically so concurrent processes never read half a file. */
export function storeSnapshot(files: SandboxFiles, bytes: Uint8Array): void {
  const temp = `${files.snapshotPath}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(temp, bytes);
  fs.renameSync(temp, files.snapshotPath);
}
