// A lab's day against real `labwright serve` processes on loopback ports. Prints figures; asserts
// nothing.
//   1. Server start: spawned until /health answers, until the first interpreter is warm (the
//      server's log line `Python interpreter ready`; a baseline that does not log it has only the
//      next figure), and until the seed's first upload, sent as soon as /health answers, has its
//      analysis, `--starts` times.
//   2. Each protocol of the library (bench/protocol-library.ts) uploaded, a session created and
//      loaded, both deleted, one after another, to `--operations`: median and p90 of each step.
//   3. The same with `--clients` clients at once, each working through the library on its own.
//   4. Resident memory of each sandbox process (one warm interpreter each) once the server is
//      idle, after 2 and after 3, and of the server's own process.
//   npm run bench:sessions                             (200 operations, 4 clients, 3 starts)
//   npm run bench:sessions -- --operations 60 --clients 4 --starts 2
//   npm run bench:sessions -- --only clients             (start, sequence, clients: which parts run)
//   npm run bench:sessions -- --fresh                    (each upload's protocol ends in its own comment,
//                                                       so every upload is a fresh analysis, none reused)
//   npm run bench:sessions -- --baseline <checkout>    (a second server from another checkout,
//                                                       step by step in turn, so both share the
//                                                       machine's load; its figures beside ours)
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, REPO, startServerProcess, type ServerProcess } from '../test/e2e/process.ts';
import { labOperation, protocolLibrary, quantile, type LibraryProtocol, type OperationTimes } from './protocol-library.ts';
import { memoryText as processMemoryText, processMemory, sandboxChildren, untilIdle } from './server-tree.ts';
import type { ProcessMemory } from './server-tree.ts';

const { values } = parseArgs({
  options: {
    operations: { type: 'string', default: '200' },
    clients: { type: 'string', default: '4' },
    starts: { type: 'string', default: '3' },
    baseline: { type: 'string' },
    only: { type: 'string', default: 'start,sequence,clients' },
    // Every upload's files differ (a comment at the end), so no analysis is reused: fresh analyses only.
    fresh: { type: 'boolean', default: false },
  },
});
const parts = new Set(values.only.split(','));
const operations = Number(values.operations);
const clients = Number(values.clients);
const starts = Number(values.starts);
const checkouts = [{ label: 'this checkout', repo: REPO }, ...(values.baseline ? [{ label: 'baseline', repo: path.resolve(values.baseline) }] : [])];
const load = (): string => loadavg().map((x) => x.toFixed(1)).join('/');
const ms = (x: number): string => `${x.toFixed(0)} ms`;
const stats = (xs: readonly number[]): string => `median ${ms(quantile(xs, 0.5))}, p90 ${ms(quantile(xs, 0.9))}`;

const work = await mkdtemp(path.join(tmpdir(), 'labwright-bench-sessions-'));
let serverCount = 0;
async function start(repo: string): Promise<ServerProcess> {
  serverCount += 1;
  return startServerProcess({
    port: await freePort(),
    dataDir: path.join(work, String(serverCount)),
    speed: 'max',
    maxProtocols: 2 * clients + 2,
    repo,
    // startServerProcess gives this checkout --no-notify; a baseline gets it here.
    serveArgs: repo === REPO ? [] : ['--no-notify'],
    healthPollMs: 10,
  });
}

/** What the library's protocols came to (errors, session states), so both checkouts are seen doing the same work. */
function outcomes(all: readonly (OperationTimes & { protocol: string })[]): string {
  const seen = new Map<string, string>();
  for (const o of all) seen.set(o.protocol, `${o.errors === 0 ? 'analysed' : `${o.errors} error(s)`}, session ${o.sessionState}`);
  return [...seen].map(([p, what]) => `${p}: ${what}`).join('; ');
}

interface Memory {
  server: ProcessMemory | null;
  children: (ProcessMemory | null)[];
}
async function memoryAtRest(server: ServerProcess): Promise<Memory> {
  await untilIdle(server.child.pid!);
  return {
    server: processMemory(server.child.pid!),
    children: sandboxChildren(server.child.pid!).map((pid) => processMemory(pid)),
  };
}
const memoryText = (m: Memory): string =>
  `sandbox processes (one warm interpreter each): ${m.children.map(processMemoryText).join(', ') || 'none'}; server process ${processMemoryText(m.server)}`;

/**
 * When the server's first interpreter was warm (ms since its process started), from its log line
 * `Python interpreter ready` (written in batches: waited for up to 2 s); null when it logs none.
 */
async function warmLogged(server: ServerProcess): Promise<number | null> {
  for (let waited = 0; waited <= 2000; waited += 50) {
    const match = /"sinceStartMs":(\d+)[^\n]*"msg":"Python interpreter ready"/.exec(server.output());
    if (match) return Number(match[1]);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}

async function serverStarts(library: LibraryProtocol[]): Promise<void> {
  const seed = library.find((p) => p.name === 'plate_transfer.py')!;
  const figures = checkouts.map(() => ({ health: [] as number[], firstAnalysis: [] as number[], firstUpload: [] as number[], warm: [] as number[] }));
  for (let i = 0; i < starts; i++) {
    for (const [c, { repo }] of checkouts.entries()) {
      const t0 = performance.now();
      const server = await start(repo);
      try {
        figures[c].health.push(performance.now() - t0);
        const op = await labOperation(server.base, seed);
        figures[c].firstUpload.push(op.uploadMs);
        figures[c].firstAnalysis.push(figures[c].health.at(-1)! + op.uploadMs);
        const warm = await warmLogged(server);
        if (warm !== null) figures[c].warm.push(warm);
      } finally {
        await server.stop();
      }
    }
  }
  console.log(`\nServer start (${starts} starts each, load average now ${load()})`);
  for (const [c, { label }] of checkouts.entries()) {
    const f = figures[c];
    console.log(`  ${label}: spawned until /health answers ${stats(f.health)}; until the seed's first upload has its analysis ${stats(f.firstAnalysis)} (that upload alone ${stats(f.firstUpload)})`);
    console.log(`  ${label}: until the first interpreter is warm, as the server logs it: ${f.warm.length > 0 ? stats(f.warm) : 'not logged (a server that does not say)'}`);
  }
}

interface Timings {
  upload: number[];
  load: number[];
  all: (OperationTimes & { protocol: string })[];
}
const timings = (): Timings => ({ upload: [], load: [], all: [] });
function record(t: Timings, protocol: string, op: OperationTimes): void {
  t.upload.push(op.uploadMs);
  t.load.push(op.loadMs);
  t.all.push({ ...op, protocol });
}

function report(title: string, servers: readonly { label: string; t: Timings }[]): void {
  console.log(`\n${title} (load average now ${load()})`);
  for (const { label, t } of servers) console.log(`  ${label}: upload ${stats(t.upload)}; session load ${stats(t.load)} (${t.upload.length} operations)`);
  if (servers.length === 2) {
    const ratio = (step: 'upload' | 'load') => (quantile(servers[1].t[step], 0.5) / quantile(servers[0].t[step], 0.5)).toFixed(1);
    console.log(`  baseline ÷ this checkout, medians: upload ${ratio('upload')}×, session load ${ratio('load')}×`);
  }
  for (const { label, t } of servers) console.log(`  ${label}, what the protocols came to: ${outcomes(t.all)}`);
}

async function main(): Promise<void> {
  const library = await protocolLibrary();
  console.log(`load average at the start ${load()}; ${library.length} protocols: ${library.map((p) => p.name).join(', ')}`);
  if (parts.has('start')) await serverStarts(library);

  const servers: { label: string; server: ServerProcess; t: Timings; crowd: Timings }[] = [];
  try {
    for (const { label, repo } of checkouts) servers.push({ label, server: await start(repo), t: timings(), crowd: timings() });
    // A warm-up round each, so interpreter snapshots exist before anything is timed.
    for (const s of servers) await labOperation(s.server.base, library[0]);
    for (let i = 0; i < (parts.has('sequence') ? operations : 0); i++) {
      const protocol = library[i % library.length];
      for (const s of servers) record(s.t, protocol.name, await labOperation(s.server.base, protocol, '', values.fresh ? i : null));
    }
    if (parts.has('sequence')) report(`One client, ${operations} operations in sequence`, servers);
    const afterSequence = await Promise.all(servers.map((s) => memoryAtRest(s.server)));

    // Clients at once: blocks of `clients` × 10 operations, each checkout's block in turn.
    const perBlock = clients * 10;
    for (let done = 0; done < (parts.has('clients') ? operations : 0); done += perBlock) {
      for (const s of servers) {
        await Promise.all(
          Array.from({ length: clients }, async (_, c) => {
            for (let k = c; k < Math.min(perBlock, operations - done); k += clients) {
              const protocol = library[(done + k) % library.length];
              record(s.crowd, protocol.name, await labOperation(s.server.base, protocol, `client${c}_`, values.fresh ? done + k : null));
            }
          }),
        );
      }
    }
    if (parts.has('clients')) report(`${clients} clients at once, ${operations} operations in all`, servers.map(({ label, crowd }) => ({ label, t: crowd })));
    const afterCrowd = await Promise.all(servers.map((s) => memoryAtRest(s.server)));

    console.log(`\nResident memory once the server is idle (load average now ${load()})`);
    for (const [i, { label }] of servers.entries()) {
      console.log(`  ${label}, after the sequence (or the warm-up): ${memoryText(afterSequence[i])}`);
      if (parts.has('clients')) console.log(`  ${label}, after ${clients} clients: ${memoryText(afterCrowd[i])}`);
    }
  } finally {
    for (const s of servers) await s.server.stop();
  }
}

try {
  await main();
} finally {
  await rm(work, { recursive: true, force: true });
}
