// Every server, interpreter pool, child process and socket a test opens is closed by the end of
// its test file, whether its tests passed or failed: a failed assertion then cannot leave a handle
// that keeps the file alive. The helpers that open such things call `closeAtEnd`, so no test can
// forget; closing earlier by hand (in `after` or `finally`) stays fine.
import { after } from 'node:test';

const open = new Set<() => Promise<void>>();

// Registered while the test file loads, so it belongs to the file's root: it runs once every
// test and suite of the file is over, and closes what is still open, newest first.
after(async () => {
  for (const close of [...open].reverse()) await close();
});

/** Registers `close` to run at the end of the file; returns it made idempotent. */
export function closeAtEnd(close: () => Promise<void> | void): () => Promise<void> {
  let closing: Promise<void> | null = null;
  const closeOnce = (): Promise<void> => {
    open.delete(closeOnce);
    return (closing ??= Promise.resolve().then(close));
  };
  open.add(closeOnce);
  return closeOnce;
}
