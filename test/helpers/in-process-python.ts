// Pyodide in this process, without the sandbox, with Labwright's Python package copied in: for
// tests and benches that need the engine of a Python job in their own hands (its state, a CPU
// profile). Jobs here share one interpreter; the sandbox's isolation is not what they look at.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface InProcessPyodide {
  runPython(code: string): unknown;
  pyimport(name: string): unknown;
  FS: { mkdirTree(p: string): void; writeFile(p: string, data: Uint8Array | string): void };
}

/** The sandbox runner's entry point: one job, with the bridge to the engine host. */
export interface JobRunner {
  run_job(job: string, bridge: (request: string) => string): string;
}

const PYTHON_PACKAGE = path.resolve(import.meta.dirname, '../../python');

/** A cold interpreter with the package in its site-packages, and the job runner imported. */
export async function inProcessPython(): Promise<{ py: InProcessPyodide; runner: JobRunner }> {
  const require = createRequire(import.meta.url);
  const { loadPyodide } = (await import(require.resolve('pyodide/pyodide.mjs'))) as { loadPyodide: (o: object) => Promise<InProcessPyodide> };
  const py = await loadPyodide({ stdout: () => {}, stderr: () => {} });
  const sitePackages = String(py.runPython('import sysconfig; sysconfig.get_paths()["purelib"]'));
  const copy = (from: string, to: string): void => {
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
      if (entry.name === '__pycache__') continue;
      if (entry.isDirectory()) {
        py.FS.mkdirTree(`${to}/${entry.name}`);
        copy(path.join(from, entry.name), `${to}/${entry.name}`);
      } else if (entry.name.endsWith('.py')) py.FS.writeFile(`${to}/${entry.name}`, fs.readFileSync(path.join(from, entry.name)));
    }
  };
  copy(PYTHON_PACKAGE, sitePackages);
  return { py, runner: py.pyimport('labwright_sandbox.runner') as JobRunner };
}
