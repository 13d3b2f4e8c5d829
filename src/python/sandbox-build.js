// How the sandbox child's code is bundled: its two entry points (with the engine they import)
// into plain JavaScript it can run under the permission model. Plain JavaScript (typed by
// sandbox-build.d.ts) so the launcher can build it on a version's first run beside the compiled
// CLI (bin/compiled-cli.js), before any TypeScript can run; src/python/bundle.ts builds it the
// same way when it finds none. The compiled CLI's build uses the same source-location plugin.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Whether `offset` is inside a quoted string on its line (a text that mentions import.meta.url
 * must stay as it is).
 * @param {string} source
 * @param {number} offset
 */
function insideString(source, offset) {
  const line = source.slice(source.lastIndexOf('\n', offset) + 1, offset);
  return ['"', "'", '`'].some((quote) => line.split(quote).length % 2 === 0);
}

/**
 * Modules that find files relative to themselves (the definitions reader finds shared-data with
 * createRequire(import.meta.url); web assets; the sandbox bundler) keep their source location:
 * a bundle lives elsewhere but must behave as the sources do.
 * @returns {import('esbuild').Plugin}
 */
export function keepSourceLocation() {
  return {
    name: 'keep-source-location',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
        const source = fs.readFileSync(args.path, 'utf8');
        if (!source.includes('import.meta.')) return undefined;
        /** @type {Record<string, string>} */
        const values = { url: pathToFileURL(args.path).href, dirname: path.dirname(args.path), filename: args.path };
        const contents = source.replace(/import\.meta\.(url|dirname|filename)\b/g, (match, name, offset) =>
          insideString(source, offset) ? match : JSON.stringify(values[name]),
        );
        return { contents, loader: 'ts' };
      });
    },
  };
}

/**
 * Bundles the child's entry points of the checkout's `src/python` folder; the files are kept in
 * memory (main.js, worker.js).
 * @param {typeof import('esbuild').build} build
 * @param {string} pythonSrcDir the checkout's src/python
 * @returns {Promise<import('esbuild').OutputFile[]>}
 */
export async function bundleSandbox(build, pythonSrcDir) {
  const out = await build({
    entryPoints: { main: path.join(pythonSrcDir, 'child/main.ts'), worker: path.join(pythonSrcDir, 'child/worker.ts') },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    outdir: 'out',
    logLevel: 'silent',
    plugins: [keepSourceLocation()],
    // Bundled CommonJS dependencies (ajv) still call require().
    banner: { js: "import { createRequire as __lwCreateRequire } from 'node:module'; const require = __lwCreateRequire(import.meta.url);" },
  });
  return out.outputFiles;
}
