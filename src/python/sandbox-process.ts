// One sandbox child process: started restricted (Node permission model: read-only access to its
// own code, Pyodide and the definitions; no writes, no child processes; inside `unshare -rn` so it
// has no network when the machine allows it), watched for time and memory. It serves jobs one at a
// time, each in a fresh interpreter thread; any job that does not end with its own result (limits,
// abort, crash, a malformed message, a rejected step) ends the process.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { HardwareAction } from '../engine/index.ts';
import type { RunLogEntry } from '../common/index.ts';
import type { SandboxLimits } from '../analysis/index.ts';
import type { SandboxFiles } from './bundle.ts';
import { checkChildMessage, MalformedChildMessageError } from './message-schema.ts';
import { processFootprint, unchangedSince } from './process-footprint.ts';
import type { ProcessFootprint } from './process-footprint.ts';
import type { ChildToParent, JobResult, JobSpec, ParentToChild, StartPhases } from './messages.ts';

/** Why a job ended without a result from the interpreter. */
export class SandboxFailure extends Error {
  constructor(
    readonly kind: 'timeout' | 'memory' | 'crashed' | 'aborted' | 'step-rejected' | 'malformed-message',
    message: string,
    readonly reason?: unknown,
  ) {
    super(message);
    this.name = 'SandboxFailure';
  }
}

let unshareWorks: boolean | null = null;
function canUnshare(): boolean {
  if (unshareWorks === null) {
    const probe = spawnSync('unshare', ['-rn', 'true'], { stdio: 'ignore', timeout: 5000 });
    unshareWorks = probe.status === 0;
  }
  return unshareWorks;
}

/** Resident memory of a process in bytes, or null when it cannot be read (not Linux, gone). */
function residentBytes(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system, all threads) of a process in ms, or null when it cannot be read. */
function cpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * (1000 / CLOCK_TICKS_PER_SECOND) : null;
  } catch {
    return null;
  }
}
// Linux reports process times in USER_HZ, which is 100 on every architecture Node supports.
const CLOCK_TICKS_PER_SECOND = 100;

/** Longest delay setTimeout honours (longer ones fire at once). */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface RunHooks {
  step?: (entries: readonly RunLogEntry[], actions?: readonly HardwareAction[]) => Promise<void>;
  signal?: AbortSignal;
  onParsed?: (rawMetadata: Record<string, string>, apiLevel: string) => void;
}

export class SandboxProcess {
  readonly ready: Promise<void>;
  private readonly child: ChildProcess;
  private listener: ((message: ChildToParent) => void) | null = null;
  private exitListener: ((why: string) => void) | null = null;
  private malformedListener: ((failure: SandboxFailure) => void) | null = null;
  /** Set once the child sent a malformed message (it is killed then): a job given to it fails with this. */
  private malformed: SandboxFailure | null = null;
  private exited = false;
  /** How the interpreter's start was spent (benchmarks), once ready. */
  startPhases: StartPhases | null = null;
  private readonly exitedPromise: Promise<void>;
  /** Threads, open files and memory once the first interpreter was ready: what a reused process returns to. */
  private baseline: ProcessFootprint | null = null;
  /** The next interpreter of a process whose last job ended with its result (null otherwise). */
  private nextReady: Promise<void> | null = null;
  /** Jobs this process has served. */
  jobsServed = 0;

  constructor(
    files: SandboxFiles,
    private limits: SandboxLimits,
    options: { makeSnapshot?: boolean; useSnapshot?: boolean } = {},
  ) {
    const config = {
      pyodideDir: files.pyodideDir,
      pythonDir: files.pythonDir,
      snapshotPath: options.useSnapshot ? files.snapshotPath : null,
      makeSnapshot: options.makeSnapshot ?? false,
      workerFile: files.workerFile,
    };
    const nodeArgs = [
      '--experimental-permission',
      '--allow-worker',
      `--allow-fs-read=${files.dir}/`,
      `--allow-fs-read=${files.pyodideDir}/`,
      `--allow-fs-read=${files.pythonDir}/`,
      `--allow-fs-read=${files.sharedDataDir}/`,
      '--no-warnings',
      // Each interpreter thread collects its start's garbage (30 MiB of snapshot bytes) before
      // it reports ready, instead of keeping it resident until a job allocates.
      '--expose-gc',
      // Young generation of 1 MiB semi-spaces (V8 grows them to 16 MiB under the warm-up's
      // allocation and keeps them): ~10 MiB less resident per warm interpreter.
      '--max-semi-space-size=1',
      files.mainFile,
      JSON.stringify(config),
    ];
    const [command, args] = canUnshare()
      ? ['unshare', ['-rn', process.execPath, ...nodeArgs]]
      : [process.execPath, nodeArgs];
    this.child = spawn(command, args, {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
      // The child inherits nothing from the server's environment but the search path. glibc's
      // malloc gives memory freed by a finished interpreter thread back to the system (its
      // default keeps up to 128 KiB..32 MiB per arena, which held ~80 MiB across jobs).
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', MALLOC_TRIM_THRESHOLD_: String(1024 * 1024) },
    });
    let stderr = '';
    this.child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    // Checked on receipt: the child runs untrusted code. A malformed message ends the job (or the
    // start) it belongs to as a failure of that child, never anything beyond it.
    this.child.on('message', (raw: unknown) => {
      let message: ChildToParent;
      try {
        message = checkChildMessage(raw);
      } catch (err) {
        if (!(err instanceof MalformedChildMessageError)) throw err;
        this.kill();
        this.malformed = new SandboxFailure('malformed-message', err.message, err);
        this.malformedListener?.(this.malformed);
        return;
      }
      this.listener?.(message);
    });
    this.exitedPromise = new Promise((resolve) => this.child.once('close', () => resolve()));
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      this.exitListener?.(`sandbox process ended (code ${code}, signal ${signal}) ${stderr.trim()}`.trim());
    });
    this.child.on('error', (error) => {
      this.exited = true;
      this.exitListener?.(`sandbox process failed: ${error.message}`);
    });
    let snapshotTaken: ((bytes: Uint8Array) => void) | undefined;
    this.snapshotBytes = options.makeSnapshot
      ? new Promise<Uint8Array>((resolve) => {
          snapshotTaken = resolve;
        })
      : null;
    this.ready = this.waitForInterpreter(snapshotTaken).then(() => {
      this.baseline = this.child.pid === undefined ? null : processFootprint(this.child.pid);
    });
    this.ready.catch(() => {});
  }

  /** The snapshot of a child started with `makeSnapshot`, sent before its interpreter is ready. */
  private readonly snapshotBytes: Promise<Uint8Array> | null;

  private async waitForInterpreter(onSnapshot?: (bytes: Uint8Array) => void): Promise<void> {
    const message = await this.waitFor('ready', onSnapshot);
    if (message.type === 'ready') this.startPhases = message.phases ?? null;
  }

  /**
   * After a job that ended with its result: resolves true once the process has a fresh
   * interpreter for another job and is as it was after its first start (no thread or open file
   * left behind by the job, memory not grown by half, fewer than `maxJobs` served). Otherwise the
   * process is killed and the answer is false.
   */
  async readyForAnotherJob(maxJobs: number): Promise<boolean> {
    const next = this.nextReady;
    this.nextReady = null;
    if (next === null || this.jobsServed >= maxJobs) {
      this.kill();
      return false;
    }
    try {
      await next;
    } catch {
      this.kill();
      return false;
    }
    const now = this.child.pid === undefined ? null : processFootprint(this.child.pid);
    if (!this.alive || this.baseline === null || now === null || !unchangedSince(this.baseline, now)) {
      this.kill();
      return false;
    }
    return true;
  }

  /**
   * Whether this child keeps the parent's event loop alive. An interpreter started ahead of a
   * job nobody may ask for (early.ts) does not: if the command ends without it, the parent exits
   * and the child, disconnected, ends itself.
   */
  holdParent(hold: boolean): void {
    // The process, its IPC channel and its stderr pipe each keep the loop alive.
    const handles = [this.child, this.child.channel, this.child.stderr as (NodeJS.ReadableStream & { ref(): void; unref(): void }) | null];
    for (const handle of handles) {
      if (handle) {
        if (hold) handle.ref();
        else handle.unref();
      }
    }
  }

  /** Sets the limits a job will be watched with (an interpreter started before they were known). */
  useLimits(limits: SandboxLimits): void {
    this.limits = limits;
  }

  get alive(): boolean {
    return !this.exited && this.malformed === null;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /**
   * The snapshot bytes of a child started with `makeSnapshot` (its interpreter then goes on to be
   * ready for a job, see `ready`); rejects as `ready` does if the child fails before.
   */
  snapshot(): Promise<Uint8Array> {
    if (this.snapshotBytes === null) return Promise.reject(new Error('this sandbox process makes no snapshot'));
    return Promise.race([this.snapshotBytes, this.ready.then(() => this.snapshotBytes!)]);
  }

  private waitFor(type: ChildToParent['type'], onSnapshot?: (bytes: Uint8Array) => void): Promise<ChildToParent> {
    return new Promise((resolve, reject) => {
      this.listener = (message) => {
        if (message.type === type) resolve(message);
        else if (message.type === 'snapshot') onSnapshot?.(message.bytes);
        else if (message.type === 'fatal') reject(new SandboxFailure('crashed', message.message));
      };
      this.exitListener = (why) => reject(new SandboxFailure('crashed', why));
      this.malformedListener = reject;
      if (this.exited) reject(new SandboxFailure('crashed', 'sandbox process is not running'));
    });
  }

  private send(message: ParentToChild): void {
    if (!this.exited && this.child.connected) this.child.send(message);
  }

  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }

  /** Kills the process and resolves once it is gone. */
  async stop(): Promise<void> {
    this.kill();
    if (this.child.exitCode === null && this.child.signalCode === null) await this.exitedPromise;
  }

  /**
   * Runs one job in the current interpreter. When the job ends with its result the process
   * starts its next interpreter (see readyForAnotherJob); in every other case it is killed.
   */
  run(job: JobSpec, hooks: RunHooks): Promise<JobResult> {
    this.jobsServed += 1;
    return new Promise<JobResult>((resolve, reject) => {
      let settled = false;
      let computeMs = 0;
      let runningSince: number | null = Date.now();
      let waitCpuStart: number | null = null;
      let waitTimer: NodeJS.Timeout | null = null;
      const finish = (outcome: { result: JobResult } | { error: SandboxFailure }): void => {
        if (settled) return;
        settled = true;
        clearInterval(watch);
        if (waitTimer !== null) clearTimeout(waitTimer);
        hooks.signal?.removeEventListener('abort', onAbort);
        this.listener = null;
        this.exitListener = null;
        this.malformedListener = null;
        if ('result' in outcome) {
          // Listening from now on: the next interpreter's `ready` may follow the result at once.
          this.nextReady = this.waitForInterpreter();
          this.nextReady.catch(() => {});
        } else {
          this.kill();
        }
        if ('result' in outcome) resolve(outcome.result);
        else reject(outcome.error);
      };
      // Time is what the interpreter spends computing: waiting on `step` (modeled hardware time,
      // a paused run) or on a live run's `time.sleep` does not count. The child says when it
      // waits, and it runs untrusted code, so the CPU it uses while "waiting" is counted instead
      // (a waiting child uses next to none): claiming to wait does not buy compute time.
      const cpuNow = (): number | null => (this.child.pid === undefined ? null : cpuMs(this.child.pid));
      const waitCpu = (): number => {
        if (waitCpuStart === null) return 0;
        const now = cpuNow();
        return now === null ? 0 : Math.max(0, now - waitCpuStart);
      };
      const elapsed = (): number => computeMs + (runningSince === null ? waitCpu() : Date.now() - runningSince);
      const beginWait = (): void => {
        if (runningSince !== null) computeMs += Date.now() - runningSince;
        runningSince = null;
        waitCpuStart = cpuNow();
      };
      const endWait = (): void => {
        if (settled) return;
        computeMs += waitCpu();
        waitCpuStart = null;
        runningSince = Date.now();
        this.send({ type: 'stepDone' });
      };
      const watch = setInterval(() => {
        if (elapsed() > this.limits.timeoutMs) {
          finish({ error: new SandboxFailure('timeout', `exceeded the time limit of ${this.limits.timeoutMs / 1000} s`) });
          return;
        }
        const rss = this.child.pid === undefined ? null : residentBytes(this.child.pid);
        if (rss !== null && rss > this.limits.memoryBytes) {
          const mib = Math.round(this.limits.memoryBytes / (1024 * 1024));
          finish({ error: new SandboxFailure('memory', `exceeded the memory limit of ${mib} MiB`) });
        }
      }, 50);
      const onAbort = (): void => {
        finish({ error: new SandboxFailure('aborted', 'aborted', hooks.signal?.reason) });
      };
      if (hooks.signal?.aborted) {
        onAbort();
        return;
      }
      hooks.signal?.addEventListener('abort', onAbort, { once: true });
      this.exitListener = (why) => finish({ error: new SandboxFailure('crashed', why) });
      this.malformedListener = (failure) => finish({ error: failure });
      this.listener = (message) => {
        switch (message.type) {
          case 'result':
            finish({ result: message.result });
            break;
          case 'fatal':
            finish({ error: new SandboxFailure('crashed', message.message) });
            break;
          case 'step': {
            beginWait();
            const pending = hooks.step ? hooks.step(message.entries, message.actions ?? undefined) : Promise.resolve();
            pending.then(endWait, (error: unknown) =>
              finish({ error: new SandboxFailure('step-rejected', 'step rejected', error) }),
            );
            break;
          }
          case 'wait': {
            beginWait();
            const ms = Math.min(Math.max(0, Number(message.seconds) * 1000), MAX_TIMER_MS);
            waitTimer = setTimeout(() => {
              waitTimer = null;
              endWait();
            }, ms);
            break;
          }
          case 'parsed':
            hooks.onParsed?.(message.rawMetadata, message.apiLevel);
            break;
          default:
            break;
        }
      };
      if (this.malformed !== null) {
        finish({ error: this.malformed });
        return;
      }
      if (this.exited) {
        finish({ error: new SandboxFailure('crashed', 'sandbox process is not running') });
        return;
      }
      this.send({ type: 'job', job });
    });
  }
}
