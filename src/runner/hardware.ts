// The simulated robot behind a run, the default RobotBackend (backend.ts): it receives each
// command's run-log entries and hardware actions from the executor (the `step` hook), spends their
// modeled time scaled by the speed, holds while paused, and stops when the run's signal aborts. It
// also remembers whether a tip is on, so a cancel can drop it.
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToLoop, setTimeout as sleep } from 'node:timers/promises';
import type { RunLogEntry } from '../analysis/index.ts';
import type { HardwareAction } from '../engine/index.ts';
import type { RobotBackend, RobotBackendFactory, RobotBackendHooks, RobotBackendOptions } from './backend.ts';

export type { Speed } from './backend.ts';
export type HardwareHooks = RobotBackendHooks;
export type HardwareOptions = RobotBackendOptions;

/** Long synchronous stretches starve the server; give the event loop a turn this often. */
const YIELD_EVERY_MS = 8;

/** The simulated backend: today's pacing. */
export const simulatedBackend: RobotBackendFactory = (options) => new SimulatedHardware(options);

/**
 * Entries at which a live run waits for the operator: a pause, and a Python `move_labware` (2.15),
 * which on an OT-2 is always a manual move with a pause.
 */
function holdsForOperator(entry: RunLogEntry): boolean {
  return entry.name === 'command.PAUSE' || entry.name === 'command.MOVE_LABWARE';
}

export class SimulatedHardware implements RobotBackend {
  private readonly open: RunLogEntry[] = [];
  private nextIndex = 0;
  private tips = 0;
  private origin = performance.now();
  private modeledS = 0;
  private lastYield = performance.now();

  constructor(private readonly options: HardwareOptions) {}

  /** Tips currently held (pick-ups minus drops that the robot has performed). */
  get tipsHeld(): number {
    return this.tips;
  }

  readonly step = async (entries: readonly RunLogEntry[], actions?: readonly HardwareAction[]): Promise<void> => {
    const spent = actions === undefined ? null : secondsByEntry(actions);
    for (const entry of entries) await this.perform(entry, spent === null ? entry.durationS : (spent.get(entry.index) ?? 0));
    this.closeDownTo(0);
    await this.maybeYield();
  };

  /**
   * Replays, without spending time, entries the executor reported in its final run log but never
   * passed to `step` (an executor that reports only at the end, or the tail after an error).
   */
  catchUp(runLog: readonly RunLogEntry[]): void {
    for (const entry of runLog) {
      if (entry.index < this.nextIndex) continue;
      this.closeDownTo(entry.level);
      this.begin(entry);
    }
    this.closeDownTo(0);
  }

  /** Begins `entry` and spends `seconds` of modeled time on it. */
  private async perform(entry: RunLogEntry, seconds: number): Promise<void> {
    const { gate, signal, hooks } = this.options;
    this.closeDownTo(entry.level);
    await this.holdWhilePaused();
    signal.throwIfAborted();
    this.begin(entry);
    if (holdsForOperator(entry) && this.options.live) {
      gate.pause();
      hooks.onProtocolPause();
      await this.holdWhilePaused();
    }
    await this.spend(seconds);
  }

  private begin(entry: RunLogEntry): void {
    this.nextIndex = Math.max(this.nextIndex, entry.index + 1);
    if (entry.name === 'command.PICK_UP_TIP') this.tips += 1;
    if (entry.name === 'command.DROP_TIP') this.tips = Math.max(0, this.tips - 1);
    this.open.push(entry);
    this.options.hooks.onStart(entry);
  }

  /** Ends every open command nested at `level` or deeper. */
  private closeDownTo(level: number): void {
    while (this.open.length > 0 && this.open[this.open.length - 1].level >= level) {
      const done = this.open.pop();
      if (done) this.options.hooks.onEnd(done);
    }
  }

  /** A run ends only once a final pause has been resumed (http-api.md §3.8 `finished`). */
  async holdFinalPause(): Promise<void> {
    await this.holdWhilePaused();
  }

  private async holdWhilePaused(): Promise<void> {
    const { gate, signal } = this.options;
    if (!gate.paused) return;
    const since = performance.now();
    await gate.waitOpen(signal);
    // Paused time is not run time: the modeled clock resumes where it stopped.
    this.origin += performance.now() - since;
  }

  /** Spends `seconds` of modeled time; a pause stops the clock, an abort ends the wait. */
  private async spend(seconds: number): Promise<void> {
    const { speed, gate, signal } = this.options;
    if (speed === 'max' || !(seconds > 0)) return this.maybeYield();
    this.modeledS += seconds;
    for (;;) {
      await this.holdWhilePaused();
      const delay = this.origin + (this.modeledS * 1000) / speed - performance.now();
      if (delay <= 0) return;
      const watch = gate.watchPause();
      try {
        await sleep(delay, undefined, { signal: AbortSignal.any([signal, watch.signal]) });
        this.lastYield = performance.now();
        return;
      } catch (err) {
        if (signal.aborted) throw signal.reason;
        if (!watch.signal.aborted) throw err;
        // Paused mid-command: loop, hold, then spend the rest.
      } finally {
        watch.dispose();
      }
    }
  }

  private async maybeYield(): Promise<void> {
    if (performance.now() - this.lastYield < YIELD_EVERY_MS) return;
    await yieldToLoop();
    this.lastYield = performance.now();
  }
}

/**
 * The modeled seconds of each entry's actions, added in order: the entry's `durationS`, bit for
 * bit, so pacing by actions is pacing by entries. Actions between commands (entryIndex null) are
 * not spent, as no entry ever carried their time.
 */
function secondsByEntry(actions: readonly HardwareAction[]): Map<number, number> {
  const spent = new Map<number, number>();
  for (const action of actions) {
    if (action.entryIndex !== null) spent.set(action.entryIndex, (spent.get(action.entryIndex) ?? 0) + action.seconds);
  }
  return spent;
}
