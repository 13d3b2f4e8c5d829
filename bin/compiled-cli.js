// The compiled CLI: src/cli/main.ts and what it imports, bundled by esbuild into the user's cache
// folder of this source version (cli/main.mjs and its chunks). bin/labwright.js starts it for
// serve, analyze and simulate, building it first when this source version has none yet (about as
// long as tsx would take to load the TypeScript once; the sandbox bundle is built beside it), so
// those commands never pay tsx's start or its transpiling module loader, and nothing needs a
// manual build step.
//
// Plain JavaScript: it runs before anything could transpile TypeScript.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compiledCliEntry, keyFolder, publishFiles, publishFolder, temporaryBuildFolder, userCacheRoot } from '../src/common/user-cache.js';
import { bundleSandbox, keepSourceLocation } from '../src/python/sandbox-build.js';

/**
 * Pure JavaScript packages made of many small modules are bundled instead: TypeBox's ESM build is
 * ~940 files, whose one-by-one resolution and loading took most of a later analyze run's start.
 */
const BUNDLED = /^@sinclair\/typebox(\/|$)/;

/**
 * Packages stay where npm put them (but BUNDLED): a bare import becomes an import of the file it resolves to in
 * this checkout's node_modules (the bundle is outside the checkout, where bare names would not
 * resolve). user-cache.js is imported in place too, so this launcher and the compiled CLI share
 * one instance of it (and its once-per-process source key).
 * @param {string} userCacheModule
 * @returns {import('esbuild').Plugin}
 */
function importInPlace(userCacheModule) {
  return {
    name: 'import-in-place',
    setup(b) {
      b.onResolve({ filter: /^[^./]|user-cache\.js$/ }, async (args) => {
        if (args.path.startsWith('node:') || args.pluginData === 'in-place' || BUNDLED.test(args.path)) return undefined;
        if (args.path.endsWith('user-cache.js')) {
          const full = path.resolve(args.resolveDir, args.path);
          return full === userCacheModule ? { path: pathToFileURL(full).href, external: true } : undefined;
        }
        const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'in-place' });
        if (found.errors.length > 0 || found.external) return undefined;
        return { path: pathToFileURL(found.path).href, external: true };
      });
    },
  };
}

/**
 * The sandbox bundle of this source version in the user's cache (`sandbox/`), when it is missing.
 * Never fails: without it the CLI bundles it later itself (and reports what goes wrong then).
 * @param {typeof import('esbuild').build} build
 * @param {string} repoRoot
 * @returns {Promise<void>}
 */
async function buildSandbox(build, repoRoot) {
  const target = path.join(keyFolder(repoRoot), 'sandbox');
  if (fs.existsSync(target)) return;
  try {
    publishFiles(await bundleSandbox(build, path.join(repoRoot, 'src/python')), target);
  } catch (err) {
    if (process.env.LABWRIGHT_DEBUG) process.stderr.write(`labwright: no sandbox bundle yet: ${String(err)}\n`);
  }
}

/**
 * The compiled CLI's entry for the checkout at `repoRoot`, built now if it is missing. Null when it
 * cannot be built (the caller then runs the TypeScript through tsx). Two processes building at
 * once each build in a folder of their own; the first to finish puts its folder in place.
 * @param {string} repoRoot
 * @returns {Promise<string | null>}
 */
export async function compiledCli(repoRoot) {
  const existing = compiledCliEntry(repoRoot);
  if (existing !== null) return existing;
  /** @type {string | null} */
  let built = null;
  try {
    const { build } = await import('esbuild');
    // The sandbox bundle is needed next (the interpreter snapshot is made from it): built beside.
    const sandbox = buildSandbox(build, repoRoot);
    built = temporaryBuildFolder(userCacheRoot());
    await build({
      entryPoints: { main: path.join(repoRoot, 'src/cli/main.ts'), prestart: path.join(repoRoot, 'src/cli/prestart.ts') },
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outdir: built,
      outExtension: { '.js': '.mjs' },
      logLevel: 'silent',
      plugins: [keepSourceLocation(), importInPlace(path.join(repoRoot, 'src/common/user-cache.js'))],
    });
    publishFolder(built, path.join(keyFolder(repoRoot), 'cli'));
    built = null;
    await sandbox;
    return compiledCliEntry(repoRoot);
  } catch (err) {
    if (process.env.LABWRIGHT_DEBUG) process.stderr.write(`labwright: no compiled CLI: ${String(err)}\n`);
    return null;
  } finally {
    if (built !== null) fs.rmSync(built, { recursive: true, force: true });
  }
}
