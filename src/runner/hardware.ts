// The simulated robot behind a run: it receives each command's run-log entries from the executor
// (the `step` hook), spends their modeled time scaled by the speed, holds while paused, and stops
// when the run's signal aborts. It also remembers whether a tip is on, so a cancel can drop it.
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToLoop, setTimeout as sleep } from 'node:timers/promises';
import type { RunLogEntry } from '../analysis/index.ts';
import type { PauseGate } from './pause-gate.ts';

/** `1` is real time, `10` ten times faster; `'max'` spends no time at all. */
export type Speed = number | 'max';

export interface HardwareHooks {
  onStart(entry: RunLogEntry): void;
  onEnd(entry: RunLogEntry): void;
  /** The protocol's own `pause()` began: the session shows `paused` until a client resumes. */
  onProtocolPause(): void;
}

export interface HardwareOptions {
  speed: Speed;
  signal: AbortSignal;
  gate: PauseGate;
  hooks: HardwareHooks;
  /** False for simulations: a protocol's `pause()` is recorded but does not hold. */
  live: boolean;
}

/** Long synchronous stretches starve the server; give the event loop a turn this often. */
const YIELD_EVERY_MS = 8;

export class SimulatedHardware {
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

  readonly step = async (entries: readonly RunLogEntry[]): Promise<void> => {
    for (const entry of entries) await this.perform(entry);
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

  private async perform(entry: RunLogEntry): Promise<void> {
    const { gate, signal, hooks } = this.options;
    this.closeDownTo(entry.level);
    await this.holdWhilePaused();
    signal.throwIfAborted();
    this.begin(entry);
    if (entry.name === 'command.PAUSE' && this.options.live) {
      gate.pause();
      hooks.onProtocolPause();
      await this.holdWhilePaused();
    }
    await this.spend(entry.durationS);
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
