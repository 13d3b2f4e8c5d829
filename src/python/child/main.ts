// The sandbox child's main thread: compiles Pyodide's WebAssembly once, then gives every job a new
// interpreter thread (a worker: a fresh V8 isolate, a fresh wasm instance restored from the memory
// snapshot) and relays between it and the parent (IPC). It also lets the interpreter block
// synchronously (Atomics.wait) while a step is handled: only another thread can wake it.
//
// Isolation between the jobs this process serves: at most one interpreter thread exists at a
// time; a job's thread is terminated (with its timers, nested workers and pending messages) once
// its result or failure is relayed, and the next one is created only after that thread is gone.
// Nothing the job's thread sends after its outcome is relayed. The compiled module is immutable;
// the snapshot is read from disk by each thread; every thread gets its own step word.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ChildToParent, ParentToChild, SandboxBootData } from '../messages.ts';
import { STEP_GO } from '../messages.ts';
import { wasm } from './wasm.ts';

let pendingSends = 0;
let exiting = false;
const exitWhenFlushed = (): void => {
  if (exiting && pendingSends === 0) process.exit(0);
};
const send = (message: ChildToParent): void => {
  pendingSends += 1;
  process.send?.(message, undefined, {}, () => {
    pendingSends -= 1;
    exitWhenFlushed();
  });
};

type Config = Omit<SandboxBootData, 'stepSignal' | 'wasmModule' | 'createdAt'> & { workerFile: string };
const config = JSON.parse(process.argv[2] ?? '{}') as Config;

// Compiled once for the life of the process; each interpreter instantiates it (a module is
// immutable, so a job cannot change what the next one instantiates).
const wasmModule = await wasm.compile(fs.readFileSync(path.join(config.pyodideDir, 'pyodide.asm.wasm')));
// The wasm file's bytes are garbage now (the module keeps its own copy): free them rather than
// keep them resident. Not at once: until this turn ends the compilation still references them.
await new Promise((resolve) => setImmediate(resolve));
(globalThis as { gc?: () => void }).gc?.();

/** What the current interpreter thread is doing: its messages are relayed according to it. */
type Phase = 'starting' | 'idle' | 'job' | 'done';
/** Messages relayed in each phase: before its job the thread runs only our code; in its job, untrusted code. */
const RELAYED: Record<Phase, ReadonlySet<ChildToParent['type']>> = {
  starting: new Set(['ready', 'snapshot', 'fatal']),
  idle: new Set(),
  job: new Set(['parsed', 'step', 'wait', 'result', 'resultBytes', 'fatal']),
  done: new Set(),
};

interface Interpreter {
  worker: Worker;
  phase: Phase;
  stepWord: Int32Array;
}
let current: Interpreter | null = null;

/** Only the process's first interpreter makes the snapshot; the later ones restore from it. */
let makeSnapshot = config.makeSnapshot;

function startInterpreter(): void {
  const stepSignal = new SharedArrayBuffer(4);
  const bootData: SandboxBootData = {
    pyodideDir: config.pyodideDir,
    pythonDir: config.pythonDir,
    // A snapshot the parent could not store: later interpreters start cold.
    snapshotPath: config.snapshotPath !== null && (makeSnapshot || fs.existsSync(config.snapshotPath)) ? config.snapshotPath : null,
    makeSnapshot,
    stepSignal,
    createdAt: performance.timeOrigin + performance.now(),
    wasmModule,
  };
  const interpreter: Interpreter = {
    worker: new Worker(config.workerFile, { workerData: bootData }),
    phase: 'starting',
    stepWord: new Int32Array(stepSignal),
  };
  current = interpreter;
  makeSnapshot = false;
  const { worker } = interpreter;
  worker.on('message', (message: ChildToParent) => {
    if (message === null || typeof message !== 'object' || !RELAYED[interpreter.phase].has(message.type)) return;
    switch (message.type) {
      case 'ready':
        interpreter.phase = 'idle';
        break;
      case 'result':
      case 'resultBytes':
      case 'fatal':
        // The outcome: nothing more from this thread reaches the parent.
        interpreter.phase = 'done';
        break;
      default:
        break;
    }
    send(message);
    if (interpreter.phase === 'done') {
      void replace(interpreter);
    }
  });
  worker.on('error', (error: Error) => {
    if (interpreter.phase === 'done') return;
    // An uncaught error in the interpreter thread (ours or escaped code's): this process ends.
    send({ type: 'fatal', message: error.message });
    exiting = true;
    exitWhenFlushed();
  });
  worker.on('exit', () => {
    // A thread that ends before its outcome ended itself (or crashed): the job is lost, and
    // this process ends with it.
    if (interpreter.phase === 'done') return;
    exiting = true;
    exitWhenFlushed();
  });
}

/** Ends a job's thread and, once it is gone, starts the next job's. */
async function replace(finished: Interpreter): Promise<void> {
  await finished.worker.terminate();
  if (current === finished && !exiting) startInterpreter();
}

process.on('message', (message: ParentToChild) => {
  if (current === null) return;
  if (message.type === 'job') {
    if (current.phase !== 'idle') return;
    current.phase = 'job';
    current.worker.postMessage(message);
  } else if (message.type === 'stepDone') {
    if (current.phase !== 'job') return;
    Atomics.store(current.stepWord, 0, STEP_GO);
    Atomics.notify(current.stepWord, 0);
  }
});
// The parent going away (crash, kill) must never leave an interpreter behind.
process.on('disconnect', () => process.exit(0));
// A parent that ended while this module was still loading disconnected before the listener
// existed: the event is past, so look.
if (!process.connected) process.exit(0);
startInterpreter();
