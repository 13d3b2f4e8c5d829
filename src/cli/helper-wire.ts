// What the CLI and its background helper (helper.ts) share: where the helper listens, how a
// folder is checked before either trusts it, and the messages on the socket.
//
// The socket lives in the user-cache folder of one source version (keyFolder), so a CLI of
// other sources (a changed checkout, another Node) looks elsewhere and never talks to a stale
// helper; every request also carries the source key, and a helper of another key refuses it.
// Messages are frames of a 4-byte length and the v8 serialization of an object.
import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import type { Socket } from 'node:net';
import { deserialize, serialize } from 'node:v8';
import type { Analysis, ProtocolBundle } from '../analysis/index.ts';

/** Set (to anything but an empty string or 0) to run every job in an interpreter of the run's own. */
export const NO_HELPER_VARIABLE = 'LABWRIGHT_NO_HELPER';

/** A helper that served no request for this long exits. */
export const HELPER_IDLE_MS = 15 * 60 * 1000;

/** Longest frame either side accepts (an 11 MB analysis of 25,000 commands fits many times). */
const MAX_FRAME_BYTES = 512 * 2 ** 20;

/** Unix socket paths are limited to 107 bytes on Linux. */
const MAX_SOCKET_PATH = 100;

export type HelperRequest =
  | { type: 'analyze'; key: string; bundle: ProtocolBundle }
  | { type: 'stop'; key: string };

export type HelperAnswer =
  | { type: 'analysis'; key: string; analysis: Analysis }
  /** The helper cannot serve this request: the CLI runs the job itself. */
  | { type: 'refused'; key: string; reason: string };

export function helperDisabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env[NO_HELPER_VARIABLE];
  return value !== undefined && value !== '' && value !== '0';
}

/** The helper's socket in a source version's cache folder, or null when the path is too long. */
export function helperSocketPath(versionDir: string): string | null {
  const socket = path.join(versionDir, 'helper.sock');
  return Buffer.byteLength(socket) <= MAX_SOCKET_PATH ? socket : null;
}

/**
 * Whether a folder is private to this user: owned by us and neither group- nor world-accessible.
 * Only then may a helper listen in it or a CLI hand it a protocol (another local user could
 * otherwise put a socket of theirs there and read the jobs).
 */
export function privateFolder(dir: string): boolean {
  try {
    const stat = fs.lstatSync(dir);
    const uid = typeof process.getuid === 'function' ? process.getuid() : -1;
    return stat.isDirectory() && stat.uid === uid && (stat.mode & 0o077) === 0;
  } catch {
    return false;
  }
}

/** A connection to the socket at `socketPath`, or null when none is made within `timeoutMs`. */
export function connectWithin(socketPath: string, timeoutMs: number): Promise<Socket | null> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(null);
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', () => {
      clearTimeout(timer);
      resolve(null);
    });
  });
}

/** Whether a process answers on the socket at `socketPath` (a helper is listening there). */
export async function answering(socketPath: string, timeoutMs = 1000): Promise<boolean> {
  const socket = await connectWithin(socketPath, timeoutMs);
  socket?.destroy();
  return socket !== null;
}

export function writeFrame(socket: Socket, message: HelperRequest | HelperAnswer): void {
  const body = serialize(message);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length);
  socket.write(Buffer.concat([head, body]));
}

/** Calls `onMessage` with every complete frame read from `socket`; a malformed one ends it. */
export function readFrames(socket: Socket, onMessage: (message: unknown) => void): void {
  let pending: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= 4) {
      const length = pending.readUInt32BE(0);
      if (length > MAX_FRAME_BYTES) {
        socket.destroy(new Error('helper frame too large'));
        return;
      }
      if (pending.length < 4 + length) return;
      const body = pending.subarray(4, 4 + length);
      pending = pending.subarray(4 + length);
      let message: unknown;
      try {
        message = deserialize(body);
      } catch (err) {
        socket.destroy(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      onMessage(message);
    }
  });
}
