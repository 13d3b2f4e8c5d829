// Keeps interpreters warm: `size` sandbox children started ahead of need. A child serves one job
// at a time, each in a fresh interpreter; after a job that ended with its result it comes back
// once its next interpreter is ready (a few hundred ms, instead of a new process's second or
// more). A child that failed a job, or any child beyond the pool's size, is stopped and, if
// needed, replaced by a new process; when all are busy, extra ones start on demand. Processes
// started ahead of need start one at a time: on a small machine two starting at once each take
// about twice as long, so the first warm interpreter would come later.
import fs from 'node:fs';
import path from 'node:path';
import type { SandboxLimits } from '../analysis/index.ts';
import { IN_USE_MS, markUsed } from '../common/index.ts';
import { sandboxFiles, storeSnapshot } from './bundle.ts';
import type { SandboxFiles, SandboxFilesLocation } from './bundle.ts';
import { takeEarlyInterpreter, takeEarlySnapshotMaker } from './early.ts';
import { SandboxFailure, SandboxProcess } from './sandbox-process.ts';

interface Waiter {
  resolve: (child: SandboxProcess) => void;
  reject: (error: unknown) => void;
}

const MAX_CONSECUTIVE_START_FAILURES = 3;
/**
 * Jobs one process serves before it is replaced. Each job has its own interpreter and isolate; the
 * bound limits what can build up in the process itself (heap fragmentation, process-wide state
 * the footprint check cannot see).
 */
export const MAX_JOBS_PER_PROCESS = 100;

export class InterpreterPool {
  private readonly idle: SandboxProcess[] = [];
  private readonly starting = new Set<SandboxProcess>();
  private readonly waiters: Waiter[] = [];
  private closed = false;
  private startFailures = 0;
  private files: SandboxFiles | null = null;
  private useSnapshot = false;
  private readonly setup: Promise<void>;
  private setupError: unknown = null;
  /** Resolves when the first interpreter of this pool is ready (never rejects). */
  readonly firstReady: Promise<void>;
  private markFirstReady: () => void = () => {};
  /** Keeps the user cache's folder marked in use while the pool may start processes from it. */
  private inUseTimer: NodeJS.Timeout | null = null;

  /** Interpreters kept warm ahead of need: the pool's size, grown up to maxSize by demand. */
  private size: number;

  constructor(
    size: number,
    private readonly limits: SandboxLimits,
    private readonly location: SandboxFilesLocation = 'temp',
    private readonly jobsPerProcess = MAX_JOBS_PER_PROCESS,
    private readonly maxSize = size,
  ) {
    this.size = size;
    this.firstReady = new Promise((resolve) => {
      this.markFirstReady = resolve;
    });
    this.setup = this.prepare();
    this.setup.then(
      () => this.fill(),
      (error: unknown) => {
        this.setupError = error;
        this.failWaiters(error);
      },
    );
  }

  private async prepare(): Promise<void> {
    const files = await sandboxFiles(this.location);
    let maker: SandboxProcess | null = null;
    if (!fs.existsSync(files.snapshotPath)) {
      // A snapshot of an interpreter with our package imported makes every later start cheap. The
      // process that makes it starts cold anyway, so it becomes the pool's first interpreter: its
      // interpreter is as fresh as a restored one (the snapshot is taken before anything else runs
      // in it) and the first job does not wait for a second start.
      maker = takeEarlySnapshotMaker(files, this.limits) ?? new SandboxProcess(files, this.limits, { makeSnapshot: true, useSnapshot: true });
      this.snapshotMaker = maker;
      try {
        storeSnapshot(files, await maker.snapshot());
      } catch {
        // Cold starts still work; they are only slower. Its later interpreters would look for
        // the snapshot that is not there: the process is not used.
        maker.kill();
        maker = null;
      } finally {
        this.snapshotMaker = null;
      }
    }
    this.useSnapshot = fs.existsSync(files.snapshotPath);
    this.files = files;
    if (maker !== null) {
      if (this.closed) maker.kill();
      else this.track(maker);
    }
    if (!this.closed) {
      // Every new process and interpreter reads the bundle and the snapshot from this folder: a
      // long-running server must not see it swept as stale by other versions' runs (a user-cache
      // key folder holds it in `sandbox/`; a temporary one is the key folder itself).
      const keyDir = this.location === 'user-cache' ? path.dirname(files.dir) : files.dir;
      this.inUseTimer = setInterval(() => markUsed(keyDir), IN_USE_MS / 4);
      this.inUseTimer.unref();
    }
  }

  private snapshotMaker: SandboxProcess | null = null;

  private fill(): void {
    if (this.closed || this.files === null) return;
    while (this.idle.length + this.starting.size < this.size + this.waiters.length) {
      // A waiting job gets its process at once; one ahead of need waits for the one starting.
      if (this.starting.size >= this.waiters.length + 1) return;
      this.startOne(this.files);
    }
  }

  private startOne(files: SandboxFiles): void {
    this.track(takeEarlyInterpreter(files, this.useSnapshot, this.limits) ?? new SandboxProcess(files, this.limits, { useSnapshot: this.useSnapshot }));
  }

  /** A process starting its first interpreter: to a waiting job or idle once ready, replaced if it fails. */
  private track(child: SandboxProcess): void {
    this.starting.add(child);
    child.ready.then(
      () => {
        this.startFailures = 0;
        this.ready(child);
      },
      (error: unknown) => {
        this.starting.delete(child);
        child.kill();
        if (this.closed) return;
        this.startFailures += 1;
        if (this.startFailures >= MAX_CONSECUTIVE_START_FAILURES) {
          this.startFailures = 0;
          this.failWaiters(error);
          return;
        }
        this.fill();
      },
    );
  }

  /** A child (new, or back from a job) has a fresh interpreter: to a waiting job, or idle. */
  private ready(child: SandboxProcess): void {
    this.starting.delete(child);
    this.markFirstReady();
    if (this.closed) {
      child.kill();
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve(child);
    else this.idle.push(child);
    this.fill();
  }

  private get wanted(): number {
    return this.size + this.waiters.length - this.idle.length - this.starting.size;
  }

  private failWaiters(error: unknown): void {
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }

  /** A ready interpreter, exclusively for one job; waits for one to start if none is ready. */
  async acquire(signal?: AbortSignal): Promise<SandboxProcess> {
    if (this.closed) throw new SandboxFailure('crashed', 'the Python service is closed');
    if (this.setupError !== null) throw this.setupError;
    while (this.idle.length > 0) {
      const child = this.idle.shift()!;
      // The replacement starts when this job ends (release): on a small machine a start running
      // beside the job would slow the job itself.
      if (child.alive) return child;
    }
    // None ready: jobs come faster than the pool prepares interpreters. The process started for
    // this job stays in the pool when it is done.
    if (this.size < this.maxSize) this.size += 1;
    return new Promise<SandboxProcess>((resolve, reject) => {
      const waiter: Waiter = {
        resolve: (child) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(child);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      const onAbort = (): void => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(new SandboxFailure('aborted', 'aborted', signal?.reason));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
      this.fill();
    });
  }

  /**
   * A job ended: its child comes back with a fresh interpreter when the pool wants it and it can
   * (its job ended with a result and it left nothing behind); else it is stopped and the pool
   * brought back to its size with a new process.
   */
  release(child: SandboxProcess): void {
    if (this.closed || this.wanted <= 0) {
      child.kill();
      return;
    }
    this.starting.add(child);
    void child.readyForAnotherJob(this.jobsPerProcess).then((reusable) => {
      if (reusable) {
        this.ready(child);
      } else {
        this.starting.delete(child);
        this.fill();
      }
    });
  }

  /** Number of interpreters ready right now (for benchmarks and tests). */
  get readyCount(): number {
    return this.idle.filter((child) => child.alive).length;
  }

  /** Resolves when at least `count` interpreters are ready. */
  async warm(count = this.size): Promise<void> {
    await this.setup;
    while (!this.closed && this.readyCount < count) await new Promise((r) => setTimeout(r, 20));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.inUseTimer !== null) clearInterval(this.inUseTimer);
    this.failWaiters(new SandboxFailure('crashed', 'the Python service is closed'));
    const children = [...this.idle, ...this.starting];
    if (this.snapshotMaker) children.push(this.snapshotMaker);
    this.idle.length = 0;
    this.starting.clear();
    await Promise.all(children.map((child) => child.stop()));
  }
}
