// Where a sandbox child's start and the seed example's job go (prints, never asserts): the user
// cache's bundle and snapshot (run `labwright analyze` once first), N fresh processes in turn.
//   node --import tsx bench/start-phases.ts [runs]
import fs from 'node:fs';
import path from 'node:path';
import { cachedSandboxFiles } from '../src/python/bundle.ts';
import { SandboxProcess } from '../src/python/sandbox-process.ts';
import { customLabwareFromFiles } from '../src/definitions/index.ts';
import type { JobSpec } from '../src/python/messages.ts';

const runs = Number(process.argv[2] ?? 5);
const files = cachedSandboxFiles();
if (files === null) throw new Error('no cached snapshot: run labwright analyze once');
const dir = path.join(import.meta.dirname, '../examples/plate_transfer');
const read = (name: string) => ({ name, data: new Uint8Array(fs.readFileSync(path.join(dir, name))) });
const support = [read('tip_handling.py'), read('plate_transfer_plan.json')];
const job: JobSpec = {
  mode: 'analyze', stepping: false, protocolFile: read('plate_transfer.py'), supportFiles: support,
  customLabware: customLabwareFromFiles(support), labwareLibrary: [], runTimeParameterValues: {},
};
const limits = { timeoutMs: 60_000, memoryBytes: 512 * 2 ** 20 };
const rss = (pid: number | undefined): number => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const rows: Record<string, number[]> = {};
const add = (k: string, v: number): void => { (rows[k] ??= []).push(v); };
console.log(`snapshot ${(fs.statSync(files.snapshotPath).size / 2 ** 20).toFixed(1)} MiB; load ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const child = new SandboxProcess(files, limits, { useSnapshot: true });
  await child.ready;
  add('ready (spawn → ready)', performance.now() - t0);
  const p = child.startPhases!;
  for (const [k, v] of Object.entries(p)) add(`  phase ${k}`, v);
  add('rss ready MiB', rss(child.pid));
  const t1 = performance.now();
  const result = await child.run(job, {});
  add('job (parent view)', performance.now() - t1);
  add('  jobMs (interpreter)', result.jobMs ?? NaN);
  add('rss after job MiB', rss(child.pid));
  await child.stop();
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [k, v] of Object.entries(rows)) console.log(`${k.padEnd(28)} median ${median(v).toFixed(0).padStart(5)}  (${v.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`load after ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
