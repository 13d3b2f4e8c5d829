// A lab's day: each protocol uploaded, a session created and loaded, the session and the protocol
// deleted, one after another, against a real `labwright serve` process. Prints the median and p90
// of each step; asserts nothing.
//   npx tsx bench/sessions.ts                          (200 operations)
//   npx tsx bench/sessions.ts --operations 60
//   npx tsx bench/sessions.ts --baseline <checkout>    (a second server from another checkout,
//                                                       protocol by protocol in turn, so both share
//                                                       the machine's load)
// The protocols: the real-world-style ones of test/fidelity/protocols/ and the seed's example.
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, REPO, startServerProcess, type ServerProcess } from '../test/e2e/process.ts';

const V2 = { 'Opentrons-Version': '2' };
const JSON_V2 = { ...V2, 'Content-Type': 'application/json' };

interface Protocol {
  name: string;
  files: { field: 'protocolFile' | 'supportFiles'; name: string; data: Uint8Array }[];
}

async function protocols(): Promise<Protocol[]> {
  const dir = path.join(REPO, 'test', 'fidelity', 'protocols');
  const out: Protocol[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.py')).sort()) {
    out.push({ name, files: [{ field: 'protocolFile', name, data: await readFile(path.join(dir, name)) }] });
  }
  const example = path.join(REPO, 'examples', 'plate_transfer');
  out.push({
    name: 'plate_transfer.py',
    files: await Promise.all(
      [
        ['protocolFile', 'plate_transfer.py'],
        ['supportFiles', 'tip_handling.py'],
        ['supportFiles', 'plate_transfer_plan.json'],
      ].map(async ([field, name]) => ({ field: field as Protocol['files'][number]['field'], name, data: await readFile(path.join(example, name)) })),
    ),
  });
  return out;
}

async function ok(res: Response, what: string): Promise<unknown> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

/** Polls until the session leaves its load (the original's clients poll; so does this). */
async function untilLoaded(base: string, id: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const body = (await ok(await fetch(`${base}/sessions/${id}`, { headers: V2 }), 'get session')) as { data: { details: { currentState: string } } };
    const state = body.data.details.currentState;
    if (state === 'loaded' || state === 'error') return;
    if (Date.now() > deadline) throw new Error(`session ${id} still ${state} after 60 s`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

interface Timings {
  upload: number[];
  load: number[];
}

async function operation(base: string, protocol: Protocol, into: Timings): Promise<void> {
  const form = new FormData();
  for (const f of protocol.files) form.append(f.field, new Blob([f.data]), f.name);
  let t0 = performance.now();
  const uploaded = (await ok(await fetch(`${base}/protocols`, { method: 'POST', headers: V2, body: form }), `upload ${protocol.name}`)) as { data: { id: string } };
  into.upload.push(performance.now() - t0);
  t0 = performance.now();
  const created = (await ok(
    await fetch(`${base}/sessions`, {
      method: 'POST',
      headers: JSON_V2,
      body: JSON.stringify({ data: { sessionType: 'protocol', createParams: { protocolId: uploaded.data.id } } }),
    }),
    'create session',
  )) as { data: { id: string } };
  await untilLoaded(base, created.data.id);
  into.load.push(performance.now() - t0);
  await ok(await fetch(`${base}/sessions/${created.data.id}`, { method: 'DELETE', headers: V2 }), 'delete session');
  await ok(await fetch(`${base}/protocols/${uploaded.data.id}`, { method: 'DELETE', headers: V2 }), 'delete protocol');
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function report(label: string, t: Timings): void {
  const line = (step: string, v: number[]) => `${step} median ${quantile(v, 0.5).toFixed(0)} ms, p90 ${quantile(v, 0.9).toFixed(0)} ms`;
  console.log(`${label}: ${line('upload', t.upload)}; ${line('session load', t.load)} (${t.upload.length} operations)`);
}

async function start(repo: string | undefined, work: string, label: string): Promise<ServerProcess> {
  return startServerProcess({ port: await freePort(), dataDir: path.join(work, label), speed: 'max', maxProtocols: 5, repo });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { operations: { type: 'string', default: '200' }, baseline: { type: 'string' } } });
  const operations = Number(values.operations);
  const list = await protocols();
  const work = await mkdtemp(path.join(tmpdir(), 'labwright-bench-sessions-'));
  const servers: { label: string; server: ServerProcess; timings: Timings }[] = [];
  try {
    servers.push({ label: 'this checkout', server: await start(undefined, work, 'this'), timings: { upload: [], load: [] } });
    if (values.baseline) servers.push({ label: 'baseline', server: await start(path.resolve(values.baseline), work, 'baseline'), timings: { upload: [], load: [] } });
    // A warm-up round each, so interpreter snapshots exist before anything is timed.
    for (const s of servers) await operation(s.server.base, list[0], { upload: [], load: [] });
    for (let i = 0; i < operations; i++) {
      for (const s of servers) await operation(s.server.base, list[i % list.length], s.timings);
    }
    const load = loadavg()[0].toFixed(1);
    for (const s of servers) report(`${s.label} (load average ${load})`, s.timings);
    if (servers.length === 2) {
      const ratio = (step: keyof Timings) => (quantile(servers[1].timings[step], 0.5) / quantile(servers[0].timings[step], 0.5)).toFixed(2);
      console.log(`baseline ÷ this checkout, medians: upload ${ratio('upload')}×, session load ${ratio('load')}×`);
    }
  } finally {
    for (const s of servers) await s.server.stop();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
