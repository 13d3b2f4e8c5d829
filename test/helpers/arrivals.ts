// Things that arrive on their own (websocket frames, a subscriber process's messages), kept in
// order, with a wait on what has arrived so far: it ends when a condition holds, when the source
// ends, or at a deadline, and then says what it waited for and what it saw.
export class Arrivals<T> {
  readonly items: T[] = [];
  private readonly waiters = new Set<() => void>();
  private endedBecause: string | null = null;

  constructor(private readonly show: (items: readonly T[]) => string) {}

  push(item: T): void {
    this.items.push(item);
    this.wake();
  }

  /** The source is gone: waits still pending fail with `reason`. */
  end(reason: string): void {
    this.endedBecause = reason;
    this.wake();
  }

  until(what: string, predicate: (items: readonly T[]) => boolean, timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (predicate(this.items)) {
          cleanup();
          resolve();
        } else if (this.endedBecause !== null) {
          cleanup();
          reject(new Error(`${this.endedBecause} while waiting for ${what}; saw ${this.show(this.items)}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; saw ${this.show(this.items)}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
