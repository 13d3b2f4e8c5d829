// The background work of one session (its load, re-simulations, runs), chained so that one ends
// before the next is awaited, and a bounded wait for all of it to stop.
import { setTimeout as sleep } from 'node:timers/promises';

export class BackgroundWork {
  private work: Promise<void> | null = null;

  /** Adds `work` to what `settle` waits for. */
  track(work: Promise<void>): void {
    const all = (this.work ?? Promise.resolve()).then(() => work);
    this.work = all;
    void all.finally(() => {
      if (this.work === all) this.work = null;
    });
  }

  /**
   * Waits for the work to stop, but never forever: an executor that ignores its signal is left
   * behind. Resolves `false` when the deadline passed first.
   */
  async settle(timeoutMs: number): Promise<boolean> {
    const work = this.work;
    if (work === null) return true;
    const timeout = sleep(timeoutMs, 'timeout' as const, { ref: false });
    return (await Promise.race([work.then(() => 'done' as const), timeout])) === 'done';
  }
}
