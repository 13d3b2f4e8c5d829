// `labwright serve` as a real process for a test: on a free loopback port with a fresh data folder,
// killed and its folder removed by the end of the test file, whatever happened in it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { closeAtEnd } from '../helpers/cleanup.ts';
import { freePort, startServerProcess, type ServerProcess } from './process.ts';

export interface ServedProcess extends ServerProcess {
  dataDir: string;
}

export async function serveForTest(options: { speed?: string; serveArgs?: string[]; port?: number } = {}): Promise<ServedProcess> {
  const work = await mkdtemp(path.join(tmpdir(), 'labwright-serve-'));
  const dataDir = path.join(work, 'data');
  let server: ServerProcess | undefined;
  closeAtEnd(async () => {
    await server?.stop('SIGKILL');
    await rm(work, { recursive: true, force: true });
  });
  server = await startServerProcess({
    port: options.port ?? (await freePort()),
    dataDir,
    speed: options.speed ?? 'max',
    serveArgs: options.serveArgs,
  });
  return { ...server, dataDir };
}
