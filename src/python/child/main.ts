// The sandbox child's main thread: a relay between the parent (IPC) and the interpreter thread.
// It exists so the interpreter can block synchronously (Atomics.wait) while a step is handled:
// only another thread can wake it, and this is that thread.
import { Worker } from 'node:worker_threads';
import type { ChildToParent, ParentToChild, SandboxBootData } from '../messages.ts';
import { STEP_GO } from '../messages.ts';

let pendingSends = 0;
let workerGone = false;
const exitWhenFlushed = (): void => {
  if (workerGone && pendingSends === 0) process.exit(0);
};
const send = (message: ChildToParent): void => {
  pendingSends += 1;
  process.send?.(message, undefined, {}, () => {
    pendingSends -= 1;
    exitWhenFlushed();
  });
};

const config = JSON.parse(process.argv[2] ?? '{}') as Omit<SandboxBootData, 'stepSignal'> & { workerFile: string };
const stepSignal = new SharedArrayBuffer(4);
const stepWord = new Int32Array(stepSignal);
const bootData: SandboxBootData = {
  pyodideDir: config.pyodideDir,
  pythonDir: config.pythonDir,
  snapshotPath: config.snapshotPath,
  makeSnapshot: config.makeSnapshot,
  stepSignal,
};

const worker = new Worker(config.workerFile, { workerData: bootData });
// Only the expected message kinds go up (the interpreter thread runs untrusted code).
const RELAYED = new Set<ChildToParent['type']>(['ready', 'snapshot', 'parsed', 'step', 'wait', 'result', 'fatal']);
worker.on('message', (message: ChildToParent) => {
  if (message !== null && typeof message === 'object' && RELAYED.has(message.type)) send(message);
});
worker.on('error', (error: Error) => {
  send({ type: 'fatal', message: error.message });
  process.exit(1);
});
// Large messages (a memory snapshot) must reach the parent before this process ends.
worker.on('exit', () => {
  workerGone = true;
  exitWhenFlushed();
});

process.on('message', (message: ParentToChild) => {
  if (message.type === 'job') {
    worker.postMessage(message);
  } else if (message.type === 'stepDone') {
    Atomics.store(stepWord, 0, STEP_GO);
    Atomics.notify(stepWord, 0);
  }
});
// The parent going away (crash, kill) must never leave an interpreter behind.
process.on('disconnect', () => process.exit(0));
// A parent that ended while this module was still loading disconnected before the listener
// existed: the event is past, so look.
if (!process.connected) process.exit(0);
