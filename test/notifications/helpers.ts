// A websocket subscriber for tests: collects every frame, and lets a test wait for a condition on
// what has arrived so far (never a fixed sleep).
import { WebSocket } from 'ws';
import { Arrivals } from '../helpers/arrivals.ts';
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
  const raw: string[] = [];
  const arrivals = new Arrivals<Frame>((frames) => `${frames.length} frames, the last ${raw.at(-1)?.slice(0, 500) ?? 'none'}`);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => {
      resolve({ code, reason: reason.toString() });
      arrivals.end(`socket closed (${code} ${reason.toString()})`);
    });
  });
  socket.on('message', (data, isBinary) => {
    const text = isBinary ? '<binary>' : data.toString();
    raw.push(text);
    arrivals.push(JSON.parse(text) as Frame);
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
    frames: arrivals.items,
    raw,
    closed,
    until: (what, predicate, timeoutMs = 20_000) => arrivals.until(what, predicate, timeoutMs),
    close,
  };
}
