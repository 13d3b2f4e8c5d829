// A websocket subscriber for tests: collects every frame, and lets a test wait for a condition on
// what has arrived so far (never a fixed sleep).
import { WebSocket } from 'ws';

export interface Frame {
  topic: string;
  event: { createdOn: string; publisher: string; data: unknown };
}

export interface Subscriber {
  readonly frames: Frame[];
  readonly raw: string[];
  /** Resolves once `predicate(frames)` holds; rejects after `timeoutMs`, or on close. */
  until(predicate: (frames: readonly Frame[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Resolves with the close code and reason. */
  closed: Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
}

export async function subscribe(url: string): Promise<Subscriber> {
  const socket = new WebSocket(url);
  const frames: Frame[] = [];
  const raw: string[] = [];
  const waiters = new Set<() => void>();
  let closeInfo: { code: number; reason: string } | null = null;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => {
      closeInfo = { code, reason: reason.toString() };
      resolve(closeInfo);
      for (const w of waiters) w();
    });
  });
  socket.on('message', (data, isBinary) => {
    const text = isBinary ? '<binary>' : data.toString();
    raw.push(text);
    frames.push(JSON.parse(text) as Frame);
    for (const w of waiters) w();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    frames,
    raw,
    closed,
    until(predicate, timeoutMs = 20_000) {
      return new Promise<void>((resolve, reject) => {
        const check = (): void => {
          if (predicate(frames)) {
            cleanup();
            resolve();
          } else if (closeInfo !== null) {
            cleanup();
            reject(new Error(`socket closed (${closeInfo.code} ${closeInfo.reason}) after ${frames.length} frames`));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`condition not met after ${frames.length} frames`));
        }, timeoutMs);
        const cleanup = (): void => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    async close() {
      if (socket.readyState === socket.CLOSED) return;
      socket.close();
      await closed;
    },
  };
}
