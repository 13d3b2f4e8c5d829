// Ways to give a job a fresh interpreter, measured side by side (prints, never asserts):
//   process  — today's way before reuse: a new sandbox process started from the memory snapshot;
//   worker   — one long-lived process; each interpreter is a new worker thread (a fresh V8 isolate)
//              restored from the snapshot, with the WebAssembly module compiled once and shared
//              (and, for comparison, compiled again by every worker);
//   in place — copying the snapshot back into a live instance's memory (only the copy is timed:
//              it resets Python's memory but none of the JavaScript state around it).
// Run: node --import tsx bench/interpreter-options.ts [count]
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createPythonService } from '../src/python/index.ts';
import { sandboxFiles } from '../src/python/bundle.ts';
import { SandboxProcess } from '../src/python/sandbox-process.ts';
import { wasm } from '../src/python/child/wasm.ts';
import type { WasmModule } from '../src/python/child/wasm.ts';

const count = Number(process.argv[2] ?? 5);
const limits = { timeoutMs: 60_000, memoryBytes: 512 * 1024 * 1024 };
const files = await sandboxFiles();
if (!fs.existsSync(files.snapshotPath)) {
  const svc = createPythonService({ poolSize: 1, limits });
  await svc.warm();
  await svc.close();
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rssMiB = (pid: number | string = 'self'): number =>
  Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

// The interpreter thread of the "worker" option, kept to what a restore needs: load Pyodide from
// the snapshot (with the shared module when given), write the package files, import the runner.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
(async () => {
  const t0 = performance.now();
  const { loadPyodide } = await import(workerData.pyodideMjs);
  const imported = performance.now();
  const bytes = fs.readFileSync(workerData.snapshotPath);
  const original = WebAssembly.instantiate;
  if (workerData.module) {
    WebAssembly.instantiate = async (source, imports) =>
      source instanceof WebAssembly.Module ? original(source, imports)
        : { module: workerData.module, instance: await original(workerData.module, imports) };
  }
  const quiet = () => {};
  const py = await loadPyodide({ indexURL: workerData.indexURL, jsglobals: Object.create(null), stdout: quiet, stderr: quiet, _loadSnapshot: bytes });
  WebAssembly.instantiate = original;
  const loaded = performance.now();
  py.runPython('import labwright_sandbox.runner');
  const copy = performance.now();
  py._module.HEAPU8.set(bytes.subarray(0, Math.min(bytes.length, py._module.HEAPU8.length)));
  const copied = performance.now();
  parentPort.postMessage({ imported: imported - t0, loaded: loaded - imported, copyMs: copied - copy });
  parentPort.once('message', () => process.exit(0));
})();
`;

async function workerStart(module: WasmModule | null): Promise<{ worker: Worker; ms: number; phases: Record<string, number> }> {
  const t0 = performance.now();
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { indexURL: files.pyodideDir + '/', pyodideMjs: path.join(files.pyodideDir, 'pyodide.mjs'), snapshotPath: files.snapshotPath, module },
  });
  const phases = await new Promise<Record<string, number>>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return { worker, ms: performance.now() - t0, phases };
}

// 1. A new sandbox process from the snapshot (what each job cost before).
{
  const times: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const child = new SandboxProcess(files, limits, { useSnapshot: true });
    await child.ready;
    times.push(performance.now() - t0);
    rss.push(rssMiB(child.pid));
    await child.stop();
  }
  console.log(`process per job: ready in median ${median(times).toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(', ')}); RSS of a warm process ${median(rss).toFixed(0)} MiB`);
}

// 2. Workers in this process, with and without the shared compiled module.
const compileStart = performance.now();
const module = await wasm.compile(fs.readFileSync(path.join(files.pyodideDir, 'pyodide.asm.wasm')));
console.log(`compiling pyodide.asm.wasm once: ${(performance.now() - compileStart).toFixed(0)} ms`);
for (const shared of [true, false]) {
  const times: number[] = [];
  const copies: number[] = [];
  const loads: number[] = [];
  for (let i = 0; i < count; i++) {
    const { worker, ms, phases } = await workerStart(shared ? module : null);
    times.push(ms);
    copies.push(phases.copyMs);
    loads.push(phases.loaded);
    await worker.terminate();
  }
  console.log(
    `worker per job (${shared ? 'shared compiled module' : 'compiled by each worker'}): ready in median ${median(times).toFixed(0)} ms ` +
      `(${times.map((t) => t.toFixed(0)).join(', ')}; loadPyodide ${median(loads).toFixed(0)} ms)`,
  );
  if (shared) console.log(`in place: copying the snapshot into a live instance's memory: median ${median(copies).toFixed(1)} ms`);
}

// 3. Memory: this process with 0, 1 and 2 warm workers (the shared module is already compiled).
{
  const base = rssMiB();
  const one = await workerStart(module);
  const withOne = rssMiB();
  const two = await workerStart(module);
  const withTwo = rssMiB();
  console.log(`memory: process without a worker ${base.toFixed(0)} MiB, +1 warm worker ${(withOne - base).toFixed(0)} MiB, +2nd ${(withTwo - withOne).toFixed(0)} MiB`);
  await one.worker.terminate();
  await two.worker.terminate();
}
