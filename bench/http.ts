// HTTP benchmarks against a real `labwright serve` process (a separate process, so the load
// generator does not share the server's event loop). Prints figures; never asserts.
//   npx tsx bench/http.ts                       (about two minutes)
//   npx tsx bench/http.ts --baseline <dir>      (also runs a server from another checkout, e.g. an
//                                                earlier commit from `git archive`, alternately,
//                                                so before/after figures share the machine's load)
//   npx tsx bench/http.ts --rounds 2 --only health,poll,ceiling,upload
// `ceiling` (with `poll`) also serves the polled session's exact bytes from a bare node:http
// server: the best this machine and load generator can do for that body size.
// Targets: GET /health >= 10,000 req/s; GET /sessions/{id} of a session holding 10,000 events, at
// 100 connections while another session runs, p99 < 50 ms; example upload-to-analysis p50 < 150 ms.
// The machine is shared: each figure is printed with the load average it was measured under.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, REPO, startServerProcess } from '../test/e2e/process.ts';

const V2 = { 'Opentrons-Version': '2' };
const JSON_V2 = { ...V2, 'Content-Type': 'application/json' };
const EXAMPLE = path.resolve(REPO, 'examples', 'plate_transfer');
const LONG = path.join(REPO, 'test', 'conformance', 'fixtures', 'reference', 'long_transfer.py');
const SIMPLE_JSON = path.join(path.dirname(createRequire(import.meta.url).resolve('@opentrons/shared-data/package.json')), 'protocol/fixtures/5/simpleV5.json');

type Phase = 'health' | 'poll' | 'upload' | 'ceiling';

const fmt = (n: number, digits = 1): string => n.toFixed(digits);
const load = (): string => `load ${loadavg().map((x) => fmt(x, 1)).join('/')}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function post(base: string, url: string, body: unknown): Promise<Response> {
  return fetch(base + url, { method: 'POST', headers: JSON_V2, body: JSON.stringify(body) });
}

async function uploadFiles(base: string, files: { field: string; file: string }[]): Promise<Response> {
  const form = new FormData();
  for (const f of files) form.append(f.field, new Blob([await readFile(f.file)]), path.basename(f.file));
  return fetch(`${base}/protocols`, { method: 'POST', headers: V2, body: form });
}

interface Details {
  currentState: string;
  events: unknown[];
}

async function sessionDetails(base: string, id: string): Promise<Details> {
  const res = await fetch(`${base}/sessions/${id}`, { headers: V2 });
  return ((await res.json()) as { data: { details: Details } }).data.details;
}

async function waitFor(base: string, id: string, ok: (d: Details) => boolean): Promise<Details> {
  for (;;) {
    const d = await sessionDetails(base, id);
    if (ok(d)) return d;
    await sleep(100);
  }
}

async function createSession(base: string, protocolId: string): Promise<string> {
  const res = await post(base, '/sessions', { data: { sessionType: 'protocol', createParams: { protocolId } } });
  return ((await res.json()) as { data: { id: string } }).data.id;
}

const command = (base: string, id: string, name: string) =>
  post(base, `/sessions/${id}/commands/execute`, { data: { command: name, data: {} } });

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The body bytes exactly as sent (fetch would decode gzip). */
function rawBody(url: string, headers: Record<string, string>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks)));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

// A bare node:http server that answers every request with one file's bytes: what this machine and
// load generator manage at best for a body of that size, whatever the server behind it does.
const STATIC_SERVER = `
const http = require('node:http');
const body = require('node:fs').readFileSync(process.argv[1]);
const gzip = process.argv[2] === 'gzip';
http.createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  if (gzip) res.setHeader('content-encoding', 'gzip');
  res.setHeader('content-length', body.length);
  res.end(body);
}).listen(0, '127.0.0.1', function () { console.log(this.address().port); });
`;

async function ceiling(label: string, what: string, file: string, gzip: boolean): Promise<void> {
  const child = spawn(process.execPath, ['-e', STATIC_SERVER, file, gzip ? 'gzip' : 'identity'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
    const before = load();
    const r = await autocannon({ url: `http://127.0.0.1:${port}/`, connections: 100, duration: 10 });
    console.log(
      `[${label}] ceiling: a bare node:http server sending the same ${what} bytes at 100 connections: ${fmt(r.requests.average, 0)} req/s, ` +
        `p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${fmt(r.throughput.average / 2 ** 20, 0)} MiB/s (${before} -> ${load()})`,
    );
  } finally {
    child.kill();
  }
}

/** CPU time (user + system) the server process has used so far, from /proc (Linux). */
async function serverCpuMs(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

async function benchHealth(base: string, label: string, pid: number): Promise<void> {
  const before = load();
  const cpuBefore = await serverCpuMs(pid);
  const r = await autocannon({ url: `${base}/health`, headers: V2, connections: 50, duration: 10 });
  const cpu = (await serverCpuMs(pid)) - cpuBefore;
  console.log(
    `[${label}] GET /health at 50 connections: ${fmt(r.requests.average, 0)} req/s (target >= 10000), p50 ${r.latency.p50} ms, ` +
      `p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}; server CPU ${fmt((cpu * 1000) / Math.max(1, r.requests.total), 0)} µs per request ` +
      `(${before} -> ${load()})`,
  );
}

/**
 * A session holding > 10,000 events (the long protocol's load simulation plus one re-simulation,
 * 5,764 events each), read at 100 connections while another session runs in real time.
 */
async function benchPoll(base: string, label: string, pid: number, work: string, withCeiling: boolean): Promise<void> {
  const long = await uploadFiles(base, [{ field: 'protocolFile', file: LONG }]);
  if (long.status !== 201) throw new Error(`upload long_transfer: ${long.status} ${await long.text()}`);
  const big = await createSession(base, 'long_transfer');
  await waitFor(base, big, (d) => d.currentState === 'loaded');
  await command(base, big, 'protocol.startSimulate');
  const bigDetails = await waitFor(base, big, (d) => d.currentState === 'loaded' && d.events.length >= 10_000);
  const bytes = (await (await fetch(`${base}/sessions/${big}`, { headers: V2 })).arrayBuffer()).byteLength;
  const other = await createSession(base, 'long_transfer');
  await waitFor(base, other, (d) => d.currentState === 'loaded');
  await command(base, other, 'protocol.startRun');
  await waitFor(base, other, (d) => d.currentState === 'running');
  // Identity (autocannon's default), then gzip as Python's requests, browsers and fetch ask for it.
  for (const [encoding, headers] of [
    ['identity', V2],
    ['gzip', { ...V2, 'Accept-Encoding': 'gzip, deflate' }],
  ] as const) {
    const otherBefore = (await sessionDetails(base, other)).events.length;
    const before = load();
    const cpuBefore = await serverCpuMs(pid);
    const read = await autocannon({ url: `${base}/sessions/${big}`, headers, connections: 100, duration: 10 });
    const cpu = (await serverCpuMs(pid)) - cpuBefore;
    const otherAfter = await sessionDetails(base, other);
    console.log(
      `[${label}] GET /sessions/{id} (${bigDetails.events.length} events, ${fmt(bytes / 2 ** 20, 2)} MiB), ${encoding}, at 100 connections while another session runs: ` +
        `${fmt(read.requests.average, 0)} req/s, p50 ${read.latency.p50} ms, p99 ${read.latency.p99} ms (target < 50), ` +
        `${fmt(read.throughput.average / 2 ** 20, 0)} MiB/s, non-2xx ${read.non2xx}, errors ${read.errors}; ` +
        `server CPU ${fmt(cpu / Math.max(1, read.requests.total), 2)} ms per request; ` +
        `the other session was ${otherAfter.currentState} and recorded ${otherAfter.events.length - otherBefore} events meanwhile (${before} -> ${load()})`,
    );
  }
  if (withCeiling) {
    for (const [what, headers, gzip] of [
      ['identity', V2, false],
      ['gzip', { ...V2, 'Accept-Encoding': 'gzip' }, true],
    ] as const) {
      const file = path.join(work, `body.${what}`);
      const bytes = await rawBody(`${base}/sessions/${big}`, headers);
      await writeFile(file, bytes);
      await ceiling(label, `${what} (${fmt(bytes.length / 1024, 0)} KiB)`, file, gzip);
    }
  }
  await command(base, other, 'protocol.cancel');
  await fetch(`${base}/sessions/${other}`, { method: 'DELETE', headers: V2 });
  await fetch(`${base}/sessions/${big}`, { method: 'DELETE', headers: V2 });
  await fetch(`${base}/protocols/long_transfer`, { method: 'DELETE', headers: V2 });
}

/** Upload-to-analysis (the 201 carries the analysis), one upload at a time. */
async function timeUploads(
  base: string,
  files: { field: string; file: string }[],
  id: string,
  count: number,
  pauseMs: number,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    if (pauseMs > 0) await sleep(pauseMs);
    const t0 = performance.now();
    const res = await uploadFiles(base, files);
    await res.text();
    times.push(performance.now() - t0);
    if (res.status !== 201) throw new Error(`upload ${id}: ${res.status}`);
    await fetch(`${base}/protocols/${id}`, { method: 'DELETE', headers: V2 });
  }
  return times;
}

function uploadLine(label: string, what: string, times: number[], before: string): string {
  return (
    `[${label}] ${what} (${times.length} uploads): p50 ${fmt(percentile(times, 50))} ms, p90 ${fmt(percentile(times, 90))} ms, ` +
    `min ${fmt(Math.min(...times))} ms (${before} -> ${load()})`
  );
}

async function benchUpload(base: string, label: string): Promise<void> {
  // The example protocol with its two support files (a Python module and a JSON plan).
  const example = [
    { field: 'protocolFile', file: path.join(EXAMPLE, 'plate_transfer.py') },
    { field: 'supportFiles', file: path.join(EXAMPLE, 'tip_handling.py') },
    { field: 'supportFiles', file: path.join(EXAMPLE, 'plate_transfer_plan.json') },
  ];
  let before = load();
  const back = await timeUploads(base, example, 'plate_transfer', 15, 0);
  console.log(uploadLine(label, 'example upload-to-analysis, back to back (target p50 < 150)', back, before));
  // Each Python job gets a fresh interpreter and the pool refills after the job; with a pause the
  // next upload finds a warm one, which isolates the refill from the analysis itself.
  before = load();
  const warm = await timeUploads(base, example, 'plate_transfer', 8, 4000);
  console.log(uploadLine(label, 'example upload-to-analysis, 4 s apart (warm interpreter)', warm, before));
  // A JSON protocol never touches Python: the HTTP, multipart, staging and store share.
  before = load();
  const json = await timeUploads(base, [{ field: 'protocolFile', file: SIMPLE_JSON }], 'simpleV5', 15, 0);
  console.log(uploadLine(label, 'JSON protocol upload-to-analysis (no Python)', json, before));
}

async function benchServer(label: string, repo: string | undefined, phases: Set<Phase>): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), 'labwright-bench-'));
  const port = await freePort();
  // Real-time speed, so the "other session" is genuinely running during the measurement.
  const server = await startServerProcess({ port, dataDir: path.join(work, 'data'), speed: '1', maxProtocols: 5, repo });
  try {
    if (phases.has('health')) await benchHealth(server.base, label, server.child.pid ?? 0);
    if (phases.has('poll')) await benchPoll(server.base, label, server.child.pid ?? 0, work, phases.has('ceiling') && repo === undefined);
    if (phases.has('upload')) await benchUpload(server.base, label);
  } finally {
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      baseline: { type: 'string' },
      rounds: { type: 'string', default: '1' },
      only: { type: 'string', default: 'health,poll,ceiling,upload' },
    },
  });
  const phases = new Set(values.only.split(',') as Phase[]);
  const rounds = Number(values.rounds);
  console.log(`2-core machine shared with others; load averages are 1/5/15 min. Start: ${load()}`);
  for (let round = 1; round <= rounds; round++) {
    if (values.baseline !== undefined) await benchServer(`baseline r${round}`, path.resolve(values.baseline), phases);
    await benchServer(`current r${round}`, undefined, phases);
  }
}

await main();
