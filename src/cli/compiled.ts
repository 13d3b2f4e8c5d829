// The compiled CLI: main.ts and what it imports, bundled by esbuild into the user's cache folder
// of this source version (cli/main.mjs and its chunks). bin/labwright.js starts it for analyze and
// simulate when it is there, so those commands pay neither tsx's start nor its transpiling module
// loader. A run that finds it missing (the first of a source version) builds it beside its own
// work; nothing needs a manual build step.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import { keyFolder, publishFolder, temporaryBuildFolder, userCacheRoot } from '../shared/index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const userCacheModule = path.join(repoRoot, 'src/shared/user-cache.js');

/** Whether `offset` is inside a quoted string on its line (the sandbox bundler's banner text). */
function insideString(source: string, offset: number): boolean {
  const line = source.slice(source.lastIndexOf('\n', offset) + 1, offset);
  return ['"', "'", '`'].some((quote) => line.split(quote).length % 2 === 0);
}

/**
 * Modules that find files relative to themselves (definitions, web assets, the sandbox bundler)
 * keep their source location: the bundle lives elsewhere but must behave as the sources do.
 */
const keepSourceLocation: Plugin = {
  name: 'keep-source-location',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.')) return undefined;
      const values: Record<string, string> = {
        url: pathToFileURL(args.path).href,
        dirname: path.dirname(args.path),
        filename: args.path,
      };
      const contents = source.replace(/import\.meta\.(url|dirname|filename)\b/g, (match, name: string, offset: number) =>
        insideString(source, offset) ? match : JSON.stringify(values[name]),
      );
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * Packages stay where npm put them: a bare import becomes an import of the file it resolves to in
 * this checkout's node_modules (the bundle is outside the checkout, so bare names would not
 * resolve from it). user-cache.js is imported in place too, so bin/labwright.js and the compiled
 * CLI share one instance of it (and its once-per-process source key).
 */
const importInPlace: Plugin = {
  name: 'import-in-place',
  setup(b) {
    b.onResolve({ filter: /^[^./]|user-cache\.js$/ }, async (args) => {
      if (args.path.startsWith('node:') || args.pluginData === 'in-place') return undefined;
      if (args.path.endsWith('user-cache.js')) {
        const full = path.resolve(args.resolveDir, args.path);
        if (full === userCacheModule) return { path: pathToFileURL(full).href, external: true };
        return undefined;
      }
      const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'in-place' });
      if (found.errors.length > 0 || found.external) return undefined;
      return { path: pathToFileURL(found.path).href, external: true };
    });
  },
};

/** Where the compiled CLI of these sources lives (it may not exist yet). */
export function compiledCliFolder(): string {
  return path.join(keyFolder(repoRoot), 'cli');
}

/**
 * Builds the compiled CLI unless it is there already. Never fails the command it runs beside:
 * the compiled CLI only makes later runs start sooner.
 */
export async function prepareCompiledCli(): Promise<void> {
  const target = compiledCliFolder();
  if (fs.existsSync(target)) return;
  let built: string | null = null;
  try {
    const { build } = await import('esbuild');
    built = temporaryBuildFolder(userCacheRoot());
    await build({
      entryPoints: { main: path.join(here, 'main.ts') },
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outdir: built,
      outExtension: { '.js': '.mjs' },
      logLevel: 'silent',
      plugins: [keepSourceLocation, importInPlace],
    });
    publishFolder(built, target);
    built = null;
  } catch (err) {
    // Later runs go through tsx as this one did.
    if (process.env.LABWRIGHT_DEBUG) process.stderr.write(`labwright: no compiled CLI: ${String(err)}\n`);
  } finally {
    if (built !== null) fs.rmSync(built, { recursive: true, force: true });
  }
}
