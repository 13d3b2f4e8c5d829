// A real notify-server client for tests: `test/fixtures/notify/subscriber.py` (pyzmq, SUB,
// recv_multipart, JSON) in a child process, whose printed messages a test can wait on.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Arrivals } from '../helpers/arrivals.ts';
import { closeAtEnd } from '../helpers/cleanup.ts';
import { repoRoot } from '../helpers/paths.ts';

export interface ZmqMessage {
  topic: string;
  event: { createdOn: string; publisher: string; data: unknown };
}

export interface PySubscriber {
  readonly messages: ZmqMessage[];
  /** Resolves once `predicate(messages)` holds; rejects after `timeoutMs` naming `what` and what arrived. */
  until(what: string, predicate: (messages: readonly ZmqMessage[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Debian's python3-zmq is installed for /usr/bin/python3; a developer's `python3` may differ. */
export function pythonWithZmq(): string | null {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    if (spawnSync(candidate, ['-c', 'import zmq'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return null;
}

export async function startPySubscriber(python: string, address: string, topics: string[]): Promise<PySubscriber> {
  const script = path.join(repoRoot, 'test/fixtures/notify/subscriber.py');
  const child = spawn(python, [script, address, ...topics], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  const arrivals = new Arrivals<ZmqMessage>(
    (messages) => `${messages.length} messages, the last ${JSON.stringify(messages.at(-1) ?? null)}`,
  );
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exit.then(() => {
    exited = true;
    arrivals.end(`the subscriber exited (${stderr.trim() || 'no output'})`);
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let ready!: () => void;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const parsed = JSON.parse(line) as ZmqMessage | { ready: true };
    if ('ready' in parsed) return ready();
    arrivals.push(parsed);
  });
  let readyTimer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      readyPromise,
      exit.then(() => {
        throw new Error(`subscriber exited before it was ready: ${stderr}`);
      }),
      new Promise<never>((_, reject) => {
        readyTimer = setTimeout(() => reject(new Error(`subscriber not ready after 30 s: ${stderr}`)), 30_000);
      }),
    ]);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  } finally {
    clearTimeout(readyTimer);
  }
  // Stopped by the end of the test file, whatever happened in it.
  const close = closeAtEnd(async () => {
    if (exited) return;
    child.stdin.end();
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exit;
    clearTimeout(killer);
  });
  return {
    messages: arrivals.items,
    until: (what, predicate, timeoutMs = 30_000) => arrivals.until(what, predicate, timeoutMs),
    close,
  };
}
