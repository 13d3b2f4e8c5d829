// Plain-data messages between the parent (the service), the sandbox child's main thread and the
// interpreter worker inside it. Nothing here may hold a function or a class instance: every value
// crosses a process boundary (IPC with structured clone) or a thread boundary (postMessage).
import type { HardwareAction } from '../engine/index.ts';
import type { ErrorTree, ExecutionOutcome, ProtocolErrorInfo, RunLogEntry, RunTimeParameterValues } from '../common/index.ts';
import type { WasmModule } from './child/wasm.ts';

/** What the child needs to know when it starts (passed as workerData to the interpreter thread). */
export interface SandboxBootData {
  /** Folder of the pyodide npm package (pyodide.mjs, the wasm, the stdlib zip). */
  pyodideDir: string;
  /** Our own Python package sources (the `python/` folder of the repository). */
  pythonDir: string;
  /** A memory snapshot to start from, or null for a cold start. */
  snapshotPath: string | null;
  /**
   * Start cold, make a snapshot and send it back before anything else; then serve a job as any
   * interpreter does. Later interpreters of the process restore from `snapshotPath` once the
   * parent has stored it there.
   */
  makeSnapshot: boolean;
  /** The shared word the interpreter blocks on while the parent handles a step (one per interpreter). */
  stepSignal: SharedArrayBuffer;
  /** When the main thread created this interpreter thread (ms since the epoch, for start phases). */
  createdAt: number;
  /** Pyodide's WebAssembly, compiled once by the child's main thread. */
  wasmModule: WasmModule;
}

export interface JobFile {
  name: string;
  data: Uint8Array;
}

export interface JobSpec {
  mode: 'analyze' | 'run';
  /** Pause after each top-level command until the parent answers `stepDone`. */
  stepping: boolean;
  protocolFile: JobFile;
  supportFiles: JobFile[];
  /** Valid labware definitions among the support files (custom labware, searched first). */
  customLabware: Record<string, unknown>[];
  /** The lab's labware library (searched after the standard set). */
  labwareLibrary: Record<string, unknown>[];
  /** Runtime-parameter values in place of the defaults (`{variableName: value}`). */
  runTimeParameterValues: RunTimeParameterValues;
}

/** What the interpreter reports when a job ends: the engine's outcome, and how far the job got. */
export interface JobResult extends ExecutionOutcome {
  /** `parse`: failed before running (metadata null); `simulate`: failed while running; `ok`. */
  stage: 'parse' | 'simulate' | 'ok';
  rawMetadata: Record<string, string> | null;
  apiLevel: string | null;
  error: ProtocolErrorInfo | null;
  /** The error as robot software 7 reports it (spec Part D); empty when the job succeeded. */
  errorOccurrences?: ErrorTree[];
  /** False when the protocol read the clock or randomness: another run may differ. */
  reproducible: boolean;
  /** True when the given runtime-parameter values were refused (`error` says why). */
  valuesRefused?: boolean;
  /** Time the interpreter spent on the job, from receiving it to the result (benchmarks). */
  jobMs?: number;
}

/** Where an interpreter's start went, in ms since its thread was created (benchmarks only). */
export interface StartPhases {
  pyodideLoaded: number;
  packageInstalled: number;
  engineWarmed: number;
  pythonWarmed: number;
}

export type ParentToChild =
  | { type: 'job'; job: JobSpec }
  | { type: 'stepDone' };

export type ChildToParent =
  | { type: 'ready'; phases?: StartPhases }
  | { type: 'snapshot'; bytes: Uint8Array }
  | { type: 'parsed'; rawMetadata: Record<string, string>; apiLevel: string }
  /** A command's run-log entries and, in a live run, its hardware actions (else null). */
  | { type: 'step'; entries: RunLogEntry[]; actions: HardwareAction[] | null }
  /** A live run's `time.sleep`: the parent answers `stepDone` when the time is up. */
  | { type: 'wait'; seconds: number }
  | { type: 'result'; result: JobResult }
  /**
   * The same result as the interpreter thread sends it: `v8.serialize(result)`, moved to the main
   * thread without a copy and relayed as bytes. A long protocol's result is ~10 MiB of small
   * objects; cloned as objects it would be serialized and rebuilt twice (thread, then process),
   * as bytes once. The parent reads it back into `result` before checking it (message-schema.ts).
   */
  | { type: 'resultBytes'; bytes: Uint8Array }
  | { type: 'fatal'; message: string };

/** Values of the shared step word (Int32Array index 0). */
export const STEP_WAITING = 0;
export const STEP_GO = 1;
