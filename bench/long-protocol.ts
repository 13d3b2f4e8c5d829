// A protocol of about 25,000 commands (bench/fixtures/long_replication.py: single transfers in
// nested loops over plates, run at apiLevel 2.11 and the same text at 2.15), analysed through the Python service in this process and
// uploaded to a real `labwright serve` over HTTP (upload until the analysis is back, the full
// analysis fetched, a session loaded). Prints the times and a digest of each run log and of each
// whole analysis, so a change can be shown to leave results byte for byte as they were; asserts
// nothing. Beside each wall time, the CPU time the work took in all processes concerned (this one
// and its sandbox children, or the server and its children): on a machine shared with other work
// the wall time says more about the load than about the code.
//   npm run bench:long                              (3 runs of each fixture each way)
//   npm run bench:long -- --runs 5 --only service
//   npm run bench:long -- --baseline <checkout>     (the same from another checkout, run by run in
//                                                    turn, and whether its digests are the same)
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Analysis } from '../src/common/index.ts';
import type { createPythonService as CreatePythonService } from '../src/python/index.ts';
import { freePort, REPO, startServerProcess, type ServerProcess } from '../test/e2e/process.ts';
import { treeCpuMs, untilIdle } from './server-tree.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'long_replication.py');
const LEVELS = ['2.11', '2.15'];

/** The fixture at each level, named for it (`long_replication_2_15.py`): one text, two levels. */
async function fixtures(): Promise<{ name: string; data: Uint8Array }[]> {
  const text = await readFile(FIXTURE, 'utf8');
  return LEVELS.map((level) => ({
    name: `long_replication_${level.replace('.', '_')}.py`,
    data: new TextEncoder().encode(text.replace("'apiLevel': '2.11'", `'apiLevel': '${level}'`)),
  }));
}
const V2 = { 'Opentrons-Version': '2' };
const JSON_V2 = { ...V2, 'Content-Type': 'application/json' };
const LIMITS = { timeoutMs: 120_000, memoryBytes: 1024 * 1024 * 1024 };

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, baseline: { type: 'string' }, only: { type: 'string', default: 'service,http' } },
});
const runs = Number(values.runs);
const only = new Set(values.only.split(','));
const checkouts = [{ label: 'this checkout', repo: REPO }, ...(values.baseline ? [{ label: 'baseline', repo: path.resolve(values.baseline) }] : [])];

const digest = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);
/** The run log as text, one line per entry with its nesting: what "byte for byte" compares. */
const runLogText = (runLog: readonly { level: number; text: string }[]): string => runLog.map((e) => '\t'.repeat(e.level) + e.text).join('\n');
const load = (): string => loadavg().map((x) => x.toFixed(1)).join('/');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (xs: number[]): string => `median ${(median(xs) / 1000).toFixed(2)} s (${xs.map((x) => (x / 1000).toFixed(2)).join(', ')})`;

interface Figures {
  times: Map<string, number[]>;
  cpu: Map<string, number[]>;
  digests: Map<string, Set<string>>;
}
const figures = (): Figures => ({ times: new Map(), cpu: new Map(), digests: new Map() });
function note(f: Figures, key: string, ms: number, cpuMs: number, digestText?: string): void {
  f.times.set(key, [...(f.times.get(key) ?? []), ms]);
  f.cpu.set(key, [...(f.cpu.get(key) ?? []), cpuMs]);
  if (digestText !== undefined) f.digests.set(key, new Set([...(f.digests.get(key) ?? []), digestText]));
}

function report(title: string, all: { label: string; f: Figures }[]): void {
  console.log(`\n${title} (load average now ${load()})`);
  for (const key of all[0].f.times.keys()) {
    for (const { label, f } of all) {
      const d = f.digests.get(key);
      console.log(`  ${key}, ${label}: wall ${seconds(f.times.get(key) ?? [])}, CPU ${seconds(f.cpu.get(key) ?? [])}${d ? `; digest ${[...d].join(' | ')}` : ''}`);
    }
    if (all.length === 2) {
      const [a, b] = all.map(({ f }) => [...(f.digests.get(key) ?? [])].join(' | '));
      if (a !== '') console.log(`  ${key}: results ${a === b ? 'the same' : 'DIFFERENT'} in both checkouts`);
    }
  }
}

async function viaService(): Promise<void> {
  const services = await Promise.all(
    checkouts.map(async ({ label, repo }) => {
      const { createPythonService } = (await import(pathToFileURL(path.join(repo, 'src/python/index.ts')).href)) as { createPythonService: typeof CreatePythonService };
      return { label, svc: createPythonService({ poolSize: 1, limits: LIMITS }), f: figures() };
    }),
  );
  try {
    for (let run = 0; run < runs; run++) {
      for (const { name, data } of await fixtures()) {
        for (const s of services) {
          // A warm interpreter, as the pool keeps one: the job, not an interpreter's start, is
          // timed; and no interpreter starting in the other checkout's pool either, as its CPU
          // would count here (all are children of this process).
          await Promise.all(services.map((other) => other.svc.warm()));
          const cpu0 = treeCpuMs(process.pid);
          const t0 = performance.now();
          const a: Analysis = await s.svc.execute({ protocolFile: { name, data }, supportFiles: [] }, { mode: 'analyze' });
          const ms = performance.now() - t0;
          const cpuMs = treeCpuMs(process.pid) - cpu0;
          if (!a.ok) throw new Error(`${name} (${s.label}): ${JSON.stringify(a.errors)}`);
          note(s.f, `${name} (${a.runLog.length} run-log entries, ${a.commands?.length ?? '?'} commands)`, ms, cpuMs, `run log ${digest(runLogText(a.runLog))}, analysis ${digest(JSON.stringify(a))}`);
        }
      }
    }
  } finally {
    await Promise.all(services.map((s) => s.svc.close()));
  }
  report('Through the Python service, warm interpreter, until the analysis', services.map(({ label, f }) => ({ label, f })));
}

async function ok(res: Response, what: string): Promise<string> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: ${res.status} ${text.slice(0, 300)}`);
  return text;
}

async function untilLoaded(base: string, id: string): Promise<void> {
  for (;;) {
    const body = JSON.parse(await ok(await fetch(`${base}/sessions/${id}`, { headers: V2 }), 'get session')) as { data: { details: { currentState: string } } };
    const state = body.data.details.currentState;
    if (state === 'loaded') return;
    if (state === 'error') throw new Error(`session ${id} failed to load`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Upload (until the analysis is back), the full analysis, a session loaded; both deleted after. */
async function overHttp(server: ServerProcess, { name, data }: { name: string; data: Uint8Array }, run: number, f: Figures): Promise<void> {
  const base = server.base;
  const form = new FormData();
  // A new file name each run: the protocol's id is its name, and the previous one may still exist.
  form.append('protocolFile', new Blob([data]), name.replace(/\.py$/, `_${run}.py`));
  const pid = server.child.pid!;
  await untilIdle(pid);
  let cpu0 = treeCpuMs(pid);
  let t0 = performance.now();
  const uploaded = JSON.parse(await ok(await fetch(`${base}/protocols`, { method: 'POST', headers: V2, body: form }), `upload ${name}`)) as { data: { id: string } };
  note(f, `${name}: upload until the analysis is back`, performance.now() - t0, treeCpuMs(pid) - cpu0);
  const id = uploaded.data.id;
  cpu0 = treeCpuMs(pid);
  t0 = performance.now();
  const analysis = JSON.parse(await ok(await fetch(`${base}/protocols/${id}/analysis`, { headers: V2 }), 'analysis')) as { data: { runLog: { level: number; text: string }[] } };
  note(f, `${name}: GET its analysis`, performance.now() - t0, treeCpuMs(pid) - cpu0, `run log ${digest(runLogText(analysis.data.runLog))}`);
  cpu0 = treeCpuMs(pid);
  t0 = performance.now();
  const session = JSON.parse(
    await ok(
      await fetch(`${base}/sessions`, { method: 'POST', headers: JSON_V2, body: JSON.stringify({ data: { sessionType: 'protocol', createParams: { protocolId: id } } }) }),
      'create session',
    ),
  ) as { data: { id: string } };
  await untilLoaded(base, session.data.id);
  note(f, `${name}: session created until loaded`, performance.now() - t0, treeCpuMs(pid) - cpu0);
  await ok(await fetch(`${base}/sessions/${session.data.id}`, { method: 'DELETE', headers: V2 }), 'delete session');
  await ok(await fetch(`${base}/protocols/${id}`, { method: 'DELETE', headers: V2 }), 'delete protocol');
}

async function viaHttp(): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), 'labwright-bench-long-'));
  const servers: { label: string; server: ServerProcess; f: Figures }[] = [];
  try {
    for (const [i, { label, repo }] of checkouts.entries()) {
      // A baseline checkout gets --no-notify here (startServerProcess adds it for this one only).
      const serveArgs = ['--analysis-timeout', '120', ...(repo === REPO ? [] : ['--no-notify'])];
      const server = await startServerProcess({ port: await freePort(), dataDir: path.join(work, String(i)), speed: 'max', repo, serveArgs });
      servers.push({ label, server, f: figures() });
    }
    for (let run = 0; run < runs; run++) {
      for (const fixture of await fixtures()) for (const s of servers) await overHttp(s.server, fixture, run, s.f);
    }
  } finally {
    for (const s of servers) await s.server.stop();
    await rm(work, { recursive: true, force: true });
  }
  report('Over HTTP, a server on a loopback port (it is idle before each upload)', servers.map(({ label, f }) => ({ label, f })));
}

console.log(`load average at the start ${load()}`);
if (only.has('service')) await viaService();
if (only.has('http')) await viaHttp();
