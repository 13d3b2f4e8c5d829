// The CLI's background helper (`labwright analyze` starts it; docs/notes/cli-start.md): one per
// user and source version, it keeps a sandbox process with a warm interpreter so a later run's
// Python job need not start one. Every job still gets a fresh interpreter in that process, exactly
// as the server's jobs do (the pool of src/python/); the helper adds only a private socket.
//
// It listens on helper.sock in its source version's cache folder (private to the user, checked),
// answers requests of that source key only, and exits when idle for HELPER_IDLE_MS, when its
// folder or socket goes away (a sweep, another helper), or on a `stop` request.
import fs from 'node:fs';
import net from 'node:net';
import { DEFAULT_SANDBOX_LIMITS } from '../analysis/index.ts';
import { keyFolder, markUsed, sourceKey } from '../common/index.ts';
import { createPythonService } from '../python/index.ts';
import { answering, HELPER_IDLE_MS, helperSocketPath, privateFolder, readFrames, writeFrame } from './helper-wire.ts';
import type { HelperAnswer, HelperRequest } from './helper-wire.ts';

/** How often the helper looks whether its folder and socket are still its own. */
const CHECK_MS = 2000;

function isRequest(message: unknown): message is HelperRequest {
  if (message === null || typeof message !== 'object') return false;
  const { type, key } = message as { type?: unknown; key?: unknown };
  return (type === 'analyze' || type === 'stop') && typeof key === 'string';
}

function listen(server: net.Server, socketPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Owner-only from its creation: the umask applies to the socket file bind() makes.
    const umask = process.umask(0o177);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
    process.umask(umask);
  });
}

/** Runs the helper for the sources at `repoRoot` until it has a reason to stop. */
export async function runHelper(repoRoot: string): Promise<void> {
  const key = sourceKey(repoRoot);
  const versionDir = keyFolder(repoRoot);
  const socketPath = helperSocketPath(versionDir);
  if (socketPath === null || !privateFolder(versionDir)) return;
  if (await answering(socketPath)) return;
  // A socket file nobody answers on is a dead helper's.
  fs.rmSync(socketPath, { force: true });

  const service = createPythonService({
    poolSize: 1,
    // Runs back to back (a CI loop) would each find the one process still preparing its next
    // interpreter: the second process started then stays, and the two take turns.
    maxPoolSize: 2,
    limits: DEFAULT_SANDBOX_LIMITS,
    sandboxFiles: 'user-cache',
  });
  const server = net.createServer();
  try {
    await listen(server, socketPath);
  } catch {
    // Another helper bound it first.
    await service.close();
    return;
  }
  const ownSocket = fs.statSync(socketPath).ino;
  let lastUsed = Date.now();
  let running = 0;
  let stopping = false;
  const sockets = new Set<net.Socket>();

  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    clearInterval(check);
    server.close();
    for (const socket of sockets) socket.destroy();
    try {
      if (fs.statSync(socketPath).ino === ownSocket) fs.rmSync(socketPath, { force: true });
    } catch {
      // Gone already.
    }
    await service.close();
  };
  const check = setInterval(() => {
    let mine = false;
    try {
      mine = fs.statSync(socketPath).ino === ownSocket && privateFolder(versionDir);
    } catch {
      mine = false;
    }
    if (!mine || (running === 0 && Date.now() - lastUsed > HELPER_IDLE_MS)) void stop();
  }, CHECK_MS);

  server.on('connection', (socket) => {
    if (stopping) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    readFrames(socket, (message) => {
      if (!isRequest(message)) {
        socket.destroy();
        return;
      }
      lastUsed = Date.now();
      if (message.key !== key) {
        writeFrame(socket, { type: 'refused', key, reason: 'another source version' });
        return;
      }
      if (message.type === 'stop') {
        socket.end();
        void stop();
        return;
      }
      running += 1;
      markUsed(versionDir);
      service.execute(message.bundle, { mode: 'analyze' }).then(
        (analysis) => send(socket, { type: 'analysis', key, analysis }),
        (err: unknown) => send(socket, { type: 'refused', key, reason: err instanceof Error ? err.message : String(err) }),
      ).finally(() => {
        running -= 1;
        lastUsed = Date.now();
      });
    });
  });
  void service.warm().catch(() => stop());
  await new Promise<void>((resolve) => server.once('close', () => resolve()));
}

function send(socket: net.Socket, answer: HelperAnswer): void {
  if (!socket.destroyed) writeFrame(socket, answer);
}
