// A websocket subscriber for tests: collects every frame, and lets a test wait for a condition on
// what has arrived so far (never a fixed sleep).
import { WebSocket } from 'ws';
import { closeAtEnd } from '../helpers/cleanup.ts';

export interface Frame {
  topic: string;
  event: { createdOn: string; publisher: string; data: unknown };
}

export interface Subscriber {
  readonly frames: Frame[];
  readonly raw: string[];
  /**
   * Resolves once `predicate(frames)` holds; rejects after `timeoutMs`, or on close, naming `what`
   * it waited for and the last frame it saw.
   */
  until(what: string, predicate: (frames: readonly Frame[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Resolves with the close code and reason. */
  closed: Promise<{ code: number; reason: string }>;
  /** Closes from this side (optionally with a code and reason) and waits for the handshake. */
  close(code?: number, reason?: string): Promise<void>;
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
  // Closed by the end of the test file, whatever happened in it.
  const closeAtFileEnd = closeAtEnd(async () => {
    if (socket.readyState !== socket.CLOSED) socket.close();
    await closed;
  });
  const close = async (code?: number, reason?: string): Promise<void> => {
    if (socket.readyState !== socket.CLOSED && socket.readyState !== socket.CLOSING) socket.close(code, reason);
    await closeAtFileEnd();
  };
  return {
    frames,
    raw,
    closed,
    until(what, predicate, timeoutMs = 20_000) {
      const lastSeen = (): string => `${frames.length} frames, the last ${raw.at(-1)?.slice(0, 500) ?? 'none'}`;
      return new Promise<void>((resolve, reject) => {
        const check = (): void => {
          if (predicate(frames)) {
            cleanup();
            resolve();
          } else if (closeInfo !== null) {
            cleanup();
            reject(new Error(`socket closed (${closeInfo.code} ${closeInfo.reason}) while waiting for ${what}; saw ${lastSeen()}`));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; saw ${lastSeen()}`));
        }, timeoutMs);
        const cleanup = (): void => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close,
  };
}
