// The contract between the callers of protocol execution (HTTP server, session runner, CLI) and
// the two executors (src/json for JSON protocols, src/python for Python protocols).
import type { HardwareAction } from '../engine/index.ts';
import type { Analysis, ProtocolBundle, RunLogEntry } from '../common/index.ts';

export interface ExecuteOptions {
  /**
   * `analyze`: simulate as fast as possible (the upload-time analysis; `is_simulating()` is true).
   * `run`: a live run on the robot (`is_simulating()` is false); pacing comes from `step`.
   */
  mode: 'analyze' | 'run';
  /**
   * Called after each top-level engine command with the run-log entries it produced, in order,
   * and — in `run` mode — the hardware actions it asked for (undefined in `analyze` mode); a call
   * that moved without logging (a Python `ctx.home()`) is a step of actions and no entries. The
   * executor awaits it before the protocol goes on, which is how the session runner's robot
   * backend (src/runner/backend.ts) performs the motion, holds a paused run, and stops a cancelled
   * one (by rejecting).
   */
  step?: (entries: readonly RunLogEntry[], actions?: readonly HardwareAction[]) => Promise<void>;
  /** Aborting it stops the protocol before its next command; the executor then rejects. */
  signal?: AbortSignal;
}

/**
 * Runs a protocol to the end (or to its first error) and reports what happened. Protocol
 * mistakes are never thrown: they come back in `Analysis.errors`. It rejects only when
 * `options.signal` was aborted (with the signal's reason) or `step` rejected, or when the files
 * cannot be read as a protocol at all (`ProtocolFilesInvalidError`, `ProtocolRobotTypeMismatchError`:
 * robot software 7 refuses such an upload, JSON v6–8).
 */
export type ProtocolExecutor = (bundle: ProtocolBundle, options: ExecuteOptions) => Promise<Analysis>;

/** An executor that owns resources (a warm interpreter pool) and must be closed. */
export interface ExecutorService {
  readonly execute: ProtocolExecutor;
  close(): Promise<void>;
}

/** Limits on one Python protocol execution (issue: default 60 s and 512 MiB). */
export interface SandboxLimits {
  timeoutMs: number;
  memoryBytes: number;
}

export interface PythonServiceOptions {
  /** Interpreters kept warm. 0: each job starts its own, none is started ahead or after. */
  poolSize: number;
  limits: SandboxLimits;
  /**
   * Where the sandbox bundle and the interpreter snapshot live: 'temp' (bundled once per process;
   * the server) or 'user-cache' (kept between runs in the user's cache folder; the CLI).
   */
  sandboxFiles?: 'temp' | 'user-cache';
  /**
   * Jobs one sandbox process serves (each in a fresh interpreter) before it is replaced; 1 gives
   * every job its own process, as the strictest separation. Default: 100 (src/python/pool.ts).
   */
  jobsPerProcess?: number;
  /**
   * Interpreters the pool grows to, one at a time, when a job finds none ready (jobs coming
   * faster than one process prepares its next interpreter). Default: poolSize (no growth).
   */
  maxPoolSize?: number;
}

export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = { timeoutMs: 60_000, memoryBytes: 512 * 1024 * 1024 };
