// The interpreter thread of a sandbox child: loads Pyodide (from a memory snapshot when one is
// given, else cold, then making the snapshot when asked) on the module the main thread compiled,
// installs our `opentrons` package, then serves exactly one job; the main thread then terminates
// it and starts a new one. One job per interpreter (and per V8 isolate) is the isolation
// guarantee: nothing a protocol leaves behind, in Python or in JavaScript, can reach the next one.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { ChildToParent, JobResult, JobSpec, ParentToChild, SandboxBootData, StartPhases } from '../messages.ts';
import { STEP_WAITING } from '../messages.ts';
import { createHost } from './host.ts';
import { wasm } from './wasm.ts';
import type { WasmImports } from './wasm.ts';
import { commandTypes, lookupCommand } from '../../engine/index.ts';

interface PyProxyLike {
  destroy?: () => void;
}
interface RunnerModule extends PyProxyLike {
  run_job(jobJson: string, bridge: (request: string) => string): string;
}
interface PyodideLike {
  /** Pyodide's internal API object; `config` holds the options loadPyodide was given. */
  _api?: { config?: Record<string, unknown> };
  /** The Emscripten module; `instantiateWasm` is the loader's hook, which holds the wasm file's bytes. */
  _module?: Record<string, unknown>;
  runPython(code: string): unknown;
  pyimport(name: string): unknown;
  makeMemorySnapshot(): Uint8Array;
  FS: {
    mkdirTree(p: string): void;
    writeFile(p: string, data: Uint8Array | string): void;
  };
}
type LoadPyodide = (options: Record<string, unknown>) => Promise<PyodideLike>;

const boot = workerData as SandboxBootData;
const port = parentPort!;
const post = (message: ChildToParent, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

// Pyodide's loader reads fs constants through process.binding, which the permission model denies.
function allowPyodideLoader(): void {
  const host = process as unknown as { binding: (name: string) => unknown };
  const original = host.binding.bind(process);
  host.binding = (name: string): unknown =>
    name === 'constants' ? { fs: fs.constants, os: {}, crypto: {}, zlib: {} } : original(name);
}

/**
 * Copies our Python sources into the interpreter's site-packages. Also needed after a snapshot
 * restore: the in-memory file system lives on the JavaScript side and is not in the snapshot, so
 * modules imported lazily would otherwise be missing.
 */
function installPackage(py: PyodideLike, importAll = true): void {
  const target = String(py.runPython('import sysconfig; sysconfig.get_paths()["purelib"]'));
  const copy = (from: string, to: string): void => {
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
      if (entry.name === '__pycache__') continue;
      const source = path.join(from, entry.name);
      const dest = `${to}/${entry.name}`;
      if (entry.isDirectory()) {
        py.FS.mkdirTree(dest);
        copy(source, dest);
      } else if (entry.name.endsWith('.py')) {
        py.FS.writeFile(dest, fs.readFileSync(source));
      }
    }
  };
  copy(boot.pythonDir, target);
  if (!importAll) return;
  // Import everything once so a snapshot holds it compiled and a job never pays for it.
  py.runPython(
    [
      'import labwright_sandbox.runner, opentrons, opentrons.protocol_api, opentrons.protocol_api.contexts',
      'import opentrons.types, opentrons.protocols.api_support.labware_like',
      'import opentrons.protocols.geometry.module_geometry, opentrons.protocols.api_support.definitions',
      'import json, ast, inspect, re, string, traceback, contextlib, enum, math, collections, csv, io',
    ].join('\n'),
  );
}

/**
 * Runs `load` with WebAssembly.instantiate answering Pyodide's loader from the module compiled by
 * the main thread: instantiating it takes milliseconds, compiling it again would not. Pyodide
 * reads its wasm file and instantiates it with its imports; there is no option to hand it a module.
 */
async function withCompiledModule<T>(load: () => Promise<T>): Promise<T> {
  const unpatched = wasm.instantiate;
  const original = unpatched.bind(wasm);
  const compiled = boot.wasmModule;
  wasm.instantiate = async (source: unknown, imports?: WasmImports): Promise<unknown> => {
    if (source instanceof wasm.Module) return original(source, imports);
    // Only Pyodide's main module is instantiated from bytes with its `env` imports.
    if (imports !== undefined && 'env' in imports) return { module: compiled, instance: await original(compiled, imports) };
    return original(source, imports);
  };
  try {
    return await load();
  } finally {
    wasm.instantiate = unpatched;
  }
}

/** Pages of the interpreter's memory (Linux pages: what residence is counted in). */
const PAGE_BYTES = 4096;

/** Whether a page-aligned range of 32-bit words is all zero. */
function zeroWords(words: Uint32Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (words[i] !== 0) return false;
  return true;
}

/**
 * Runs `load` with Pyodide's restore of the snapshot's memory copying only the pages that hold
 * something. About half of the snapshot is zero pages; the interpreter's fresh memory is zero
 * already (and a page nobody writes is never made resident), so copying them would only cost
 * ~15 MiB of resident memory per interpreter. A page the start-up wrote before the restore is
 * zeroed explicitly, so the memory is exactly the snapshot's. Pyodide restores with one
 * `HEAP8.set(memoryPartOfSnapshot)`; that call is recognised by its source, our snapshot's buffer.
 */
async function withSparseRestore<T>(snapshot: Uint8Array, load: () => Promise<T>): Promise<T> {
  const typedSet = Int8Array.prototype.set;
  function sparseSet(this: Int8Array, source: ArrayLike<number>, offset?: number): void {
    const restore = source instanceof Uint8Array && source.buffer === snapshot.buffer && (offset ?? 0) === 0 && this.byteOffset === 0 && source.length <= this.length;
    if (!restore || source.byteOffset % 4 !== 0 || source.length % 4 !== 0) {
      typedSet.call(this, source, offset);
      return;
    }
    const from = new Uint32Array(source.buffer, source.byteOffset, source.length / 4);
    const to = new Uint32Array(this.buffer, 0, from.length);
    const target = new Uint8Array(this.buffer, 0, source.length);
    const wordsPerPage = PAGE_BYTES / 4;
    for (let page = 0; page < from.length; page += wordsPerPage) {
      const end = Math.min(page + wordsPerPage, from.length);
      if (!zeroWords(from, page, end)) to.set(from.subarray(page, end), page);
      else if (!zeroWords(to, page, end)) target.fill(0, page * 4, end * 4);
    }
  }
  Int8Array.prototype.set = sparseSet as typeof typedSet;
  try {
    return await load();
  } finally {
    Int8Array.prototype.set = typedSet;
  }
}

async function start(): Promise<PyodideLike> {
  allowPyodideLoader();
  const { loadPyodide } = (await import(pathToFileURL(path.join(boot.pyodideDir, 'pyodide.mjs')).href)) as {
    loadPyodide: LoadPyodide;
  };
  // Protocol output is not part of any result; dropping it also keeps a print loop harmless.
  const quiet = { batched: (_text: string) => {} };
  const common = { jsglobals: Object.create(null), stdout: quiet.batched, stderr: quiet.batched };
  if (boot.makeSnapshot) {
    const py = await withCompiledModule(() => loadPyodide({ ...common, _makeSnapshot: true }));
    phases.pyodideLoaded = sinceCreated();
    installPackage(py);
    return py;
  }
  if (boot.snapshotPath) {
    const bytes = fs.readFileSync(boot.snapshotPath);
    const py = await withCompiledModule(() => withSparseRestore(bytes, () => loadPyodide({ ...common, _loadSnapshot: bytes })));
    phases.pyodideLoaded = sinceCreated();
    installPackage(py, false);
    return py;
  }
  const py = await withCompiledModule(() => loadPyodide(common));
  phases.pyodideLoaded = sinceCreated();
  installPackage(py);
  return py;
}

function safeName(name: string): string {
  // Uploads are stored flat under their base names (http-api.md §2.8).
  const base = name.split(/[\\/]/).pop() ?? '';
  return base === '' || base === '.' || base === '..' ? '_' : base;
}

function runJob(py: PyodideLike, job: JobSpec): JobResult {
  const started = performance.now();
  const workdir = '/protocol';
  py.FS.mkdirTree(workdir);
  // The robot's writable data folder (tip-tracking and log files of live runs). It lives in this
  // interpreter's memory only: fresh for every job, gone when the job ends.
  py.FS.mkdirTree('/data');
  for (const file of job.supportFiles) py.FS.writeFile(`${workdir}/${safeName(file.name)}`, file.data);
  const protocolName = safeName(job.protocolFile.name);
  py.FS.writeFile(`${workdir}/${protocolName}`, job.protocolFile.data);

  const stepWord = new Int32Array(boot.stepSignal);
  const host = createHost({
    mode: job.mode,
    customLabware: job.customLabware,
    labwareLibrary: job.labwareLibrary,
    runTimeParameterValues: job.runTimeParameterValues,
    onStep: job.stepping
      ? (entries, actions) => {
          Atomics.store(stepWord, 0, STEP_WAITING);
          post({ type: 'step', entries: [...entries], actions: actions === null ? null : [...actions] });
          Atomics.wait(stepWord, 0, STEP_WAITING);
        }
      : null,
    onWait:
      job.mode === 'run'
        ? (seconds) => {
            Atomics.store(stepWord, 0, STEP_WAITING);
            post({ type: 'wait', seconds });
            Atomics.wait(stepWord, 0, STEP_WAITING);
          }
        : null,
    onParsed: (rawMetadata, apiLevel) => post({ type: 'parsed', rawMetadata, apiLevel }),
  });
  const runner = py.pyimport('labwright_sandbox.runner') as RunnerModule;
  const outcome = JSON.parse(
    runner.run_job(
      JSON.stringify({ workdir, protocolFile: protocolName, mode: job.mode }),
      (request: string) => host.call(request),
    ),
  ) as Pick<JobResult, 'stage' | 'rawMetadata' | 'apiLevel' | 'error' | 'errorOccurrences' | 'reproducible' | 'valuesRefused'>;
  return { ...outcome, ...host.finish(outcome.stage === 'ok'), jobMs: performance.now() - started };
}

/**
 * Reads the definitions most protocols need and runs the engine code once while the interpreter
 * waits for a job, so the job itself does not pay for it (each interpreter thread is a fresh
 * isolate that serves one job only).
 */
function warmEngine(): void {
  // The params schemas of every command Python may send, compiled now rather than in the job.
  for (const commandType of commandTypes()) lookupCommand(commandType);
  try {
    // A short protocol through the host as a job sends it (requests checked, commands executed
    // and recorded, views read, the outcome reported), so the job meets JIT-compiled code.
    const host = createHost({ mode: 'analyze', customLabware: [], labwareLibrary: [], onStep: null, onWait: null, onParsed: () => {} });
    const send = (request: Record<string, unknown>): { result?: Record<string, unknown> } => JSON.parse(host.call(JSON.stringify(request))) as { result?: Record<string, unknown> };
    const command = (commandType: string, params: Record<string, unknown>) => send({ commandType, params, line: 1 }).result ?? {};
    send({ request: 'parsed', args: { metadata: {}, apiLevel: '2.11' } });
    const tips = String(command('loadLabware', { location: { slotName: 2 }, loadName: 'opentrons_96_tiprack_300ul' }).labwareId);
    const plate = String(command('loadLabware', { location: { slotName: 1 }, loadName: 'corning_96_wellplate_360ul_flat' }).labwareId);
    command('loadLabware', { location: { slotName: 3 }, loadName: 'nest_12_reservoir_15ml' });
    const pipette = String(command('loadPipette', { pipetteName: 'p300_single_gen2', mount: 'right', tipRackIds: [tips] }).pipetteId);
    command('loadPipette', { pipetteName: 'p20_single_gen2', mount: 'left', tipRackIds: [] });
    send({ view: 'labwareInfo', args: { labwareId: plate } });
    send({ view: 'pipetteState', args: { pipetteId: pipette } });
    const well = (wellName: string) => ({ kind: 'well', labwareId: plate, wellName });
    command('labwright/transfer', { pipetteId: pipette, mode: 'transfer', volume: 10, source: well('A1'), dest: well('B1'), options: {} });
    command('pickUpTip', { pipetteId: pipette });
    command('aspirate', { pipetteId: pipette, volume: { float: 10 }, location: well('A1') });
    command('dispense', { pipetteId: pipette, volume: 10, location: well('B1') });
    command('comment', { message: 'warm' });
    command('dropTip', { pipetteId: pipette });
    host.finish(true);
  } catch {
    // Only a warm-up: whatever fails here will fail (and be reported) in the job.
  }
}

/** A full collection when the process was started with --expose-gc (sandbox-process.ts). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Drops what Pyodide's loader keeps after the start and no job needs: its options (a restore's
 * included the snapshot's bytes, as large as the interpreter's memory) and its instantiation hook,
 * whose closure holds the wasm file it read (9 MiB; the interpreter runs on the module the main
 * thread compiled).
 */
function dropLoaderLeftovers(py: PyodideLike): void {
  const config = py._api?.config;
  if (config) delete config._loadSnapshot;
  if (py._module) delete py._module.instantiateWasm;
}

/** Ms since the main thread created this thread (performance.now() is not per thread in Node 20). */
const sinceCreated = (): number => performance.timeOrigin + performance.now() - boot.createdAt;
const phases: StartPhases = { pyodideLoaded: 0, packageInstalled: 0, engineWarmed: 0, pythonWarmed: 0 };
const py = await start();
phases.packageInstalled = sinceCreated();
if (boot.makeSnapshot) {
  // Taken before anything else runs in it, so it holds exactly what a restored interpreter starts
  // from; this interpreter then goes on as a restored one does (the first job of a machine need
  // not wait for a second start).
  const bytes = py.makeMemorySnapshot();
  post({ type: 'snapshot', bytes }, [bytes.buffer as ArrayBuffer]);
}
dropLoaderLeftovers(py);
warmEngine();
phases.engineWarmed = sinceCreated();
try {
  (py.pyimport('labwright_sandbox.runner') as { warm_up(): void }).warm_up();
} catch {
  // Only a warm-up.
}
phases.pythonWarmed = sinceCreated();
// The snapshot's bytes (as large as the interpreter's memory) and the start's garbage would
// otherwise stay resident until V8 happens to collect them.
collectGarbage();
post({ type: 'ready', phases });
port.once('message', (message: ParentToChild) => {
  if (message.type !== 'job') return;
  let result: JobResult;
  try {
    result = runJob(py, message.job);
  } catch (error) {
    post({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  // As bytes, moved rather than copied to the main thread (messages.ts: `resultBytes`).
  const bytes = serialize(result);
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  post({ type: 'resultBytes', bytes }, own ? [bytes.buffer as ArrayBuffer] : []);
});
