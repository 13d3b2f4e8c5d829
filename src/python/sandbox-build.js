// How the sandbox child's code is bundled: its two entry points (with the engine they import)
// into plain JavaScript it can run under the permission model. Plain JavaScript (typed by
// sandbox-build.d.ts) so the launcher can build it on a version's first run beside the compiled
// CLI (bin/compiled-cli.js), before any TypeScript can run; src/python/bundle.ts builds it the
// same way when it finds none.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Modules that locate files relative to themselves (the definitions reader finds shared-data with
 * createRequire(import.meta.url)) keep their source location inside the bundle.
 * @type {import('esbuild').Plugin}
 */
const keepSourceUrl = {
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
    plugins: [keepSourceUrl],
    // Bundled CommonJS dependencies (ajv) still call require().
    banner: { js: "import { createRequire as __lwCreateRequire } from 'node:module'; const require = __lwCreateRequire(import.meta.url);" },
  });
  return out.outputFiles;
}
