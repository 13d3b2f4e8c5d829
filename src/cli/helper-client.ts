// The CLI's side of the background helper (helper.ts): hands a Python job to the helper of this
// source version when one is listening, and starts one in the background when none is. Any
// failure (no helper, a refusal, a helper that dies or goes silent) answers null and the CLI runs
// the job in an interpreter of its own, as it does with LABWRIGHT_NO_HELPER=1.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Analysis, ProtocolBundle } from '../analysis/index.ts';
import { keyFolder, sourceKey } from '../common/index.ts';
import { connectWithin, helperDisabled, helperSocketPath, privateFolder, readFrames, writeFrame } from './helper-wire.ts';
import type { HelperAnswer } from './helper-wire.ts';

/** The checkout these sources belong to (the compiled CLI keeps its modules' source locations). */
export const checkoutRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Waiting for a connection longer than this means the helper is not answering. */
const CONNECT_MS = 1000;

export interface HelperConnection {
  /** The analysis of `bundle` by the helper, or null: then the caller runs the job itself. */
  analyze(bundle: ProtocolBundle, waitMs: number): Promise<Analysis | null>;
  close(): void;
}

/** This source version's helper socket when the helper may be used and one seems to be there. */
export function helperSocket(): string | null {
  if (helperDisabled()) return null;
  const dir = keyFolder(checkoutRoot);
  const socket = helperSocketPath(dir);
  return socket !== null && privateFolder(dir) && fs.existsSync(socket) ? socket : null;
}

/** Connects to the helper; null when there is none or it does not answer. */
export async function connectHelper(): Promise<HelperConnection | null> {
  const socketPath = helperSocket();
  if (socketPath === null) return null;
  const socket = await connectWithin(socketPath, CONNECT_MS);
  if (socket === null) return null;
  const key = sourceKey(checkoutRoot);
  let waiting: ((answer: HelperAnswer | null) => void) | null = null;
  const answer = (value: HelperAnswer | null): void => {
    const w = waiting;
    waiting = null;
    w?.(value);
  };
  socket.on('error', () => answer(null));
  socket.on('close', () => answer(null));
  readFrames(socket, (message) => answer(message as HelperAnswer));
  return {
    async analyze(bundle, waitMs) {
      if (socket.destroyed) return null;
      const reply = await new Promise<HelperAnswer | null>((resolve) => {
        const timer = setTimeout(() => {
          socket.destroy();
          resolve(null);
        }, waitMs);
        waiting = (value) => {
          clearTimeout(timer);
          resolve(value);
        };
        writeFrame(socket, { type: 'analyze', key, bundle });
      });
      return reply !== null && reply.type === 'analysis' && reply.key === key ? reply.analysis : null;
    },
    close() {
      socket.end();
      socket.destroy();
    },
  };
}

/**
 * Starts this source version's helper in the background (detached, no terminal, its own session),
 * for the next run. It outlives this command and ends by itself when idle.
 */
export function startHelper(): void {
  if (helperDisabled()) return;
  try {
    const child = spawn(process.execPath, [path.join(checkoutRoot, 'bin/labwright.js'), '__helper'], {
      detached: true,
      stdio: 'ignore',
      cwd: checkoutRoot,
    });
    child.on('error', () => {});
    child.unref();
  } catch {
    // Only a speed-up for later runs.
  }
}
