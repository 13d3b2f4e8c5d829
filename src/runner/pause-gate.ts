// Holds a run between commands while it is paused. `watchPause` lets a long wait (a delay, a slow
// move) notice a pause at once instead of after the command's full modeled time.

export interface PauseWatch {
  /** Aborts when the gate is paused (already aborted if it is paused now). */
  readonly signal: AbortSignal;
  dispose(): void;
}

export class PauseGate {
  private isPaused = false;
  private readonly watchers = new Set<AbortController>();
  private resumeWaiters: (() => void)[] = [];

  get paused(): boolean {
    return this.isPaused;
  }

  pause(): void {
    if (this.isPaused) return;
    this.isPaused = true;
    for (const watcher of this.watchers) watcher.abort();
    this.watchers.clear();
  }

  resume(): void {
    this.isPaused = false;
    const waiters = this.resumeWaiters;
    this.resumeWaiters = [];
    for (const wake of waiters) wake();
  }

  watchPause(): PauseWatch {
    if (this.isPaused) return { signal: AbortSignal.abort(), dispose: () => {} };
    const controller = new AbortController();
    this.watchers.add(controller);
    return { signal: controller.signal, dispose: () => this.watchers.delete(controller) };
  }

  /** Resolves when the gate is open; rejects with the signal's reason if it aborts first. */
  async waitOpen(signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    if (!this.isPaused) return;
    await new Promise<void>((resolve, reject) => {
      const wake = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        this.resumeWaiters = this.resumeWaiters.filter((w) => w !== wake);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.resumeWaiters.push(wake);
    });
  }
}
