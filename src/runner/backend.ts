// The robot backend port: what performs a live run. An executor reports each top-level command as
// a step — its run-log entries and the hardware actions it asks for (src/engine/actions.ts) — and
// the session hands every step to one RobotBackend. The simulated backend (hardware.ts) spends the
// actions' modeled time; a driver for the robot's motion controller would implement this same
// interface and move motors, beside the simulated one, without the engine or the executors
// changing. The engine never waits: all pacing, holding and stopping happen here.
import type { RunLogEntry } from '../analysis/index.ts';
import type { HardwareAction } from '../engine/index.ts';
import type { PauseGate } from './pause-gate.ts';

/** `1` is real time, `10` ten times faster; `'max'` spends no time at all. */
export type Speed = number | 'max';

/** What a backend reports back to the session as it performs entries. */
export interface RobotBackendHooks {
  /** The robot began this entry's command (the session records a `.start` event). */
  onStart(entry: RunLogEntry): void;
  /** The command and everything nested in it is done (a `.end` event). */
  onEnd(entry: RunLogEntry): void;
  /** The protocol's own `pause()` began: the session shows `paused` until a client resumes. */
  onProtocolPause(): void;
}

/** What the session gives a backend for one run. */
export interface RobotBackendOptions {
  /** How fast a simulated robot spends modeled time; a real robot may ignore it. */
  speed: Speed;
  /** Aborted on cancel, delete or shutdown: stop moving and reject the pending step with its reason. */
  signal: AbortSignal;
  /**
   * Closed by a client's pause, the door, or the protocol's own pause: finish (or stop at a safe
   * point of) the current motion, then hold until it opens; waiting time is not run time.
   */
  gate: PauseGate;
  hooks: RobotBackendHooks;
  /** False for simulations: a protocol's `pause()` is recorded but does not hold. */
  live: boolean;
}

/**
 * Performs a run's steps on a robot. The contract:
 * - `step` is called after each top-level command, in order, and the protocol does not go on until
 *   it resolves. `entries` are the command's run-log entries (a parent such as a transfer followed
 *   by its nested children, each with `level`); `actions` the motion they ask for, in order, each
 *   with `entryIndex` naming the entry it belongs to (null: between commands, e.g. `ctx.home()` or
 *   the move before a top-level aspirate). `actions` is undefined when the executor did not record
 *   them (an analysis); a backend then goes by the entries alone. A step may carry actions and no
 *   entries (an unlogged `home`).
 * - Call `hooks.onStart` when an entry's command begins and `hooks.onEnd` when it (with everything
 *   nested in it) is done; at the end of a step every entry is ended.
 * - Before each entry, hold while `gate` is closed. On a `command.PAUSE` or `command.MOVE_LABWARE`
 *   entry of a live run, close the gate, call `hooks.onProtocolPause`, and hold until a client resumes.
 * - When `signal` aborts, stop and reject with `signal.reason`; the session then winds down
 *   (dropping `tipsHeld` tips into the trash).
 * - Never throw for a protocol error: those are the executor's; a rejection means the run stops.
 */
export interface RobotBackend {
  /** Handed to the executor as `ExecuteOptions.step`, so it must not depend on `this`. */
  readonly step: (entries: readonly RunLogEntry[], actions?: readonly HardwareAction[]) => Promise<void>;
  /**
   * Records, without performing anything, entries the executor reported in its final run log but
   * never passed to `step` (an executor that reports only at the end, or the tail after an error).
   */
  catchUp(runLog: readonly RunLogEntry[]): void;
  /** Resolves once the run may finish: a protocol's pause at its very end must be resumed first. */
  holdFinalPause(): Promise<void>;
  /** Tips the robot holds now (pick-ups minus drops performed), for the cancel wind-down. */
  readonly tipsHeld: number;
}

/** Makes the backend of one run (the session makes one per `startRun`). */
export type RobotBackendFactory = (options: RobotBackendOptions) => RobotBackend;
