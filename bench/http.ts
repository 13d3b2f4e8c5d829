// HTTP benchmarks against a real `labwright serve` process (a separate process, so the load
// generator does not share the server's event loop). Prints figures; never asserts.
//   npx tsx bench/http.ts            (about a minute)
// Targets: GET /health >= 10,000 req/s; GET /sessions/{id} of a session holding 10,000 events, at
// 100 connections while another session runs, p99 < 50 ms; seed upload-to-analysis p50 < 150 ms.
import autocannon from 'autocannon';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, REPO, startServerProcess } from '../test/e2e/process.ts';

const V2 = { 'Opentrons-Version': '2' };
const JSON_V2 = { ...V2, 'Content-Type': 'application/json' };
const SEED = path.resolve(REPO, '..', 'shared', 'examples', 'basic_transfer');
const LONG = path.join(REPO, 'test', 'conformance', 'fixtures', 'reference', 'long_transfer.py');

const fmt = (n: number, digits = 1): string => n.toFixed(digits);

async function post(base: string, url: string, body: unknown): Promise<Response> {
  return fetch(base + url, { method: 'POST', headers: JSON_V2, body: JSON.stringify(body) });
}

async function uploadFiles(base: string, files: { field: string; file: string }[]): Promise<Response> {
  const form = new FormData();
  for (const f of files) form.append(f.field, new Blob([await readFile(f.file)]), path.basename(f.file));
  return fetch(`${base}/protocols`, { method: 'POST', headers: V2, body: form });
}

async function sessionDetails(base: string, id: string): Promise<{ currentState: string; events: unknown[] }> {
  const res = await fetch(`${base}/sessions/${id}`, { headers: V2 });
  return ((await res.json()) as { data: { details: { currentState: string; events: unknown[] } } }).data.details;
}

async function waitFor(base: string, id: string, ok: (d: { currentState: string; events: unknown[] }) => boolean) {
  for (;;) {
    const d = await sessionDetails(base, id);
    if (ok(d)) return d;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function createSession(base: string, protocolId: string): Promise<string> {
  const res = await post(base, '/sessions', { data: { sessionType: 'protocol', createParams: { protocolId } } });
  return ((await res.json()) as { data: { id: string } }).data.id;
}

const command = (base: string, id: string, name: string) =>
  post(base, `/sessions/${id}/commands/execute`, { data: { command: name, data: {} } });

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), 'labwright-bench-'));
  const port = await freePort();
  // Real-time speed, so the "other session" is genuinely running during the measurement.
  const server = await startServerProcess({ port, dataDir: path.join(work, 'data'), speed: '1', maxProtocols: 5 });
  const base = server.base;
  try {
    // 1. GET /health
    const health = await autocannon({ url: `${base}/health`, headers: V2, connections: 50, duration: 10 });
    console.log(
      `GET /health: ${fmt(health.requests.average, 0)} req/s (target >= 10000), p50 ${health.latency.p50} ms, p99 ${health.latency.p99} ms, non-2xx ${health.non2xx}, errors ${health.errors}`,
    );

    // 2. A session holding > 10,000 events: the long protocol's load simulation plus one
    // re-simulation (5,764 events each), read at 100 connections while another session runs.
    const long = await uploadFiles(base, [{ field: 'protocolFile', file: LONG }]);
    if (long.status !== 201) throw new Error(`upload long_transfer: ${long.status} ${await long.text()}`);
    const big = await createSession(base, 'long_transfer');
    await waitFor(base, big, (d) => d.currentState === 'loaded');
    await command(base, big, 'protocol.startSimulate');
    const bigDetails = await waitFor(base, big, (d) => d.currentState === 'loaded' && d.events.length >= 10_000);
    const bytes = (await (await fetch(`${base}/sessions/${big}`, { headers: V2 })).text()).length;
    const other = await createSession(base, 'long_transfer');
    await waitFor(base, other, (d) => d.currentState === 'loaded');
    await command(base, other, 'protocol.startRun');
    await waitFor(base, other, (d) => d.currentState === 'running');
    const read = await autocannon({ url: `${base}/sessions/${big}`, headers: V2, connections: 100, duration: 10 });
    const otherAfter = await sessionDetails(base, other);
    console.log(
      `GET /sessions/{id} (${bigDetails.events.length} events, ${fmt(bytes / 2 ** 20, 2)} MiB) at 100 connections while another session runs: ` +
        `${fmt(read.requests.average, 0)} req/s, p50 ${read.latency.p50} ms, p99 ${read.latency.p99} ms (target < 50), non-2xx ${read.non2xx}, errors ${read.errors}; ` +
        `the other session was ${otherAfter.currentState} with ${otherAfter.events.length} events`,
    );
    await command(base, other, 'protocol.cancel');
    await fetch(`${base}/sessions/${other}`, { method: 'DELETE', headers: V2 });
    await fetch(`${base}/sessions/${big}`, { method: 'DELETE', headers: V2 });
    await fetch(`${base}/protocols/long_transfer`, { method: 'DELETE', headers: V2 });

    // 3. Seed upload to analysis (the 201 carries the analysis), sequentially.
    const seedFiles = [
      { field: 'protocolFile', file: path.join(SEED, 'basic_transfer.py') },
      { field: 'supportFiles', file: path.join(SEED, 'helpers.py') },
      { field: 'supportFiles', file: path.join(SEED, 'basic_transfer_config.json') },
    ];
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      const res = await uploadFiles(base, seedFiles);
      await res.text();
      times.push(performance.now() - t0);
      if (res.status !== 201) throw new Error(`seed upload: ${res.status}`);
      await fetch(`${base}/protocols/basic_transfer`, { method: 'DELETE', headers: V2 });
    }
    const sorted = [...times].sort((a, b) => a - b);
    const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
    console.log(
      `seed upload-to-analysis (30 uploads): p50 ${fmt(pct(50))} ms (target < 150), p90 ${fmt(pct(90))} ms, first ${fmt(times[0])} ms`,
    );
  } finally {
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
