// Spawns the real `labwright serve` as a separate process (so it can be killed without warning),
// waits for it to answer, and finds a Python that can run the seed's client.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventually } from '../helpers/wait.ts';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const OUTPUT_TAIL = 256 * 1024;

export interface ServerProcess {
  child: ChildProcess;
  base: string;
  /** What the server wrote (the last 256 KiB or more), for failure messages. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startServerProcess(options: {
  port: number;
  dataDir: string;
  speed: string;
  maxProtocols?: number;
  /** Another checkout to run the server from (the benchmark compares against a baseline). */
  repo?: string;
  /** Extra node options, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** Extra `labwright serve` options, e.g. `['--right-pipette', 'p300_single_gen2']`. */
  serveArgs?: string[];
  /** Pause between /health probes while it starts (default 100 ms; the start bench times it finer). */
  healthPollMs?: number;
}): Promise<ServerProcess> {
  const repo = options.repo ?? REPO;
  const args = [
    ...(options.nodeArgs ?? []),
    path.join(repo, 'bin', 'labwright.js'),
    'serve',
    '--host',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--speed',
    options.speed,
    '--data-dir',
    options.dataDir,
  ];
  if (options.maxProtocols !== undefined) args.push('--max-protocols', String(options.maxProtocols));
  args.push(...(options.serveArgs ?? []));
  // Not on the shared default port 5555 (other servers may run beside this one). A baseline
  // checkout of the benchmark may predate the option.
  if (repo === REPO) args.push('--no-notify');
  const child = spawn(process.execPath, args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  // Only the tail is kept: a benchmark makes the server log hundreds of thousands of lines.
  let output = '';
  const keep = (d: Buffer) => {
    output += d.toString();
    if (output.length > 2 * OUTPUT_TAIL) output = output.slice(-OUTPUT_TAIL);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${options.port}`;

  try {
    await eventually(
      `the server on port ${options.port} to answer /health`,
      async () => {
        if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
        return (await fetch(`${base}/health`, { headers: { 'Opentrons-Version': '2' } })).status;
      },
      (status) => status === 200,
      { timeoutMs: 60_000, intervalMs: options.healthPollMs ?? 100 },
    );
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    child,
    base,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/**
 * CI installs Debian's python3-requests for /usr/bin/python3; a developer's `python3` may be a
 * different interpreter. Use the first one that can import requests.
 */
export function pythonWithRequests(): string | null {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(candidate, ['-c', 'import requests'], { stdio: 'ignore' });
    if (probe.status === 0) return candidate;
  }
  return null;
}
