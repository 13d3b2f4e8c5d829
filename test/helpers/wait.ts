// The one way tests wait for something that is not an event they can listen to: poll with a
// deadline, and on failure say what was awaited and what was last seen.
import { setTimeout as delay } from 'node:timers/promises';

export interface EventuallyOptions<T> {
  /** How long before giving up (default 20 s). */
  timeoutMs?: number;
  /** Pause between probes (default 25 ms). */
  intervalMs?: number;
  /** How the last probed value is shown in the failure (default JSON). */
  show?: (value: T) => string;
}

/** Probes until `accept` holds and returns that value; fails naming `what` and the last value. */
export async function eventually<T>(
  what: string,
  probe: () => T | Promise<T>,
  accept: (value: T) => boolean,
  options: EventuallyOptions<T> = {},
): Promise<T> {
  const { timeoutMs = 20_000, intervalMs = 25, show = (v: T) => JSON.stringify(v) } = options;
  const deadline = Date.now() + timeoutMs;
  let last: { value: T } | { error: unknown } | null = null;
  for (;;) {
    try {
      const value = await probe();
      if (accept(value)) return value;
      last = { value };
    } catch (error) {
      last = { error };
    }
    if (Date.now() >= deadline) break;
    await delay(intervalMs);
  }
  const seen =
    last === null ? 'nothing' : 'error' in last ? `an error: ${String(last.error)}` : truncate(show(last.value));
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last saw ${seen}`);
}

function truncate(text: string, max = 800): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}
