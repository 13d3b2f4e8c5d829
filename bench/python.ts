// Python executor figures (prints, never asserts): warm example analysis, 96 transfers with new tips,
// a cold interpreter start, a start from the snapshot (a new process), the next interpreter of a
// process that served a job, jobs back to back, memory per warm interpreter.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPythonService } from '../src/python/index.ts';
import { sandboxFiles } from '../src/python/bundle.ts';
import { SandboxProcess } from '../src/python/sandbox-process.ts';
import type { ProtocolBundle } from '../src/common/index.ts';
import { memoryText, processMemory } from './server-tree.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const exampleDir = path.resolve(here, '../examples/plate_transfer');
const read = (name: string) => ({ name, data: new Uint8Array(fs.readFileSync(path.join(exampleDir, name))) });
const enc = (text: string) => new TextEncoder().encode(text);
const limits = { timeoutMs: 60_000, memoryBytes: 512 * 1024 * 1024 };

const example: ProtocolBundle = {
  protocolFile: read('plate_transfer.py'),
  supportFiles: [read('tip_handling.py'), read('plate_transfer_plan.json')],
};
const transfers96: ProtocolBundle = {
  protocolFile: {
    name: 'many.py',
    data: enc(`metadata = {'apiLevel': '2.11'}
def run(ctx):
    plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 1)
    dest = ctx.load_labware('corning_96_wellplate_360ul_flat', 3)
    tips = ctx.load_labware('opentrons_96_tiprack_300ul', 2)
    p = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
    for s, d in zip(plate.wells(), dest.wells()):
        p.transfer(50, s, d, new_tip='always')
`),
  },
  supportFiles: [],
};

async function timeWarm(label: string, bundle: ProtocolBundle, runs: number): Promise<void> {
  const svc = createPythonService({ poolSize: 1, limits });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await svc.warm();
    await new Promise((r) => setTimeout(r, Number(process.env.IDLE_MS ?? 200)));
    const t0 = performance.now();
    const a = await svc.execute(bundle, { mode: 'analyze' });
    times.push(performance.now() - t0);
    if (a.errors.length) console.log(label, 'error', a.errors);
  }
  await svc.close();
  times.sort((a, b) => a - b);
  console.log(`${label}: median ${times[Math.floor(times.length / 2)].toFixed(0)} ms, min ${times[0].toFixed(0)} ms (${runs} runs, warm interpreter)`);
}

/** Where the start went: times inside the interpreter thread, from its own start. */
function phaseText(child: SandboxProcess): string {
  const p = child.startPhases;
  if (!p) return '';
  const step = (a: number, b: number): string => (b - a).toFixed(0);
  return ` (interpreter thread: pyodide ${p.pyodideLoaded.toFixed(0)}, package ${step(p.pyodideLoaded, p.packageInstalled)}, engine warm-up ${step(p.packageInstalled, p.engineWarmed)}, python warm-up ${step(p.engineWarmed, p.pythonWarmed)} ms)`;
}

const files = await sandboxFiles();
{
  const t0 = performance.now();
  const child = new SandboxProcess(files, limits, {});
  await child.ready;
  console.log(`cold interpreter start (no snapshot): ${(performance.now() - t0).toFixed(0)} ms${phaseText(child)}`);
  await child.stop();
}
await timeWarm('example protocol (2 support files) end to end', example, 9);
await timeWarm('96 transfers with new tips', transfers96, 3);
{
  const t0 = performance.now();
  const child = new SandboxProcess(files, limits, { useSnapshot: fs.existsSync(files.snapshotPath) });
  await child.ready;
  console.log(`interpreter start from the memory snapshot: ${(performance.now() - t0).toFixed(0)} ms${phaseText(child)}`);
  console.log(`snapshot size: ${(fs.statSync(files.snapshotPath).size / 2 ** 20).toFixed(1)} MiB`);
  console.log(`memory per warm interpreter (its process): ${memoryText(processMemory(child.pid))}`);
  await child.stop();
}

// The next interpreter of a process that has served a job (what the pool waits for between jobs),
// and the process's memory after each, over `reuses` jobs of the example.
{
  const reuses = 10;
  const child = new SandboxProcess(files, limits, { useSnapshot: true });
  await child.ready;
  const exampleJob = { mode: 'analyze' as const, stepping: false, protocolFile: example.protocolFile, supportFiles: [...example.supportFiles], customLabware: [], labwareLibrary: [], runTimeParameterValues: {} };
  const next: number[] = [];
  const rss: number[] = [];
  const own: number[] = [];
  for (let i = 0; i < reuses; i++) {
    await child.run(exampleJob, {});
    const t0 = performance.now();
    if (!(await child.readyForAnotherJob(reuses + 1))) throw new Error('the process was not reusable');
    next.push(performance.now() - t0);
    const memory = processMemory(child.pid);
    if (memory) {
      rss.push(memory.residentMiB);
      own.push(memory.privateMiB);
    }
  }
  await child.stop();
  const sorted = [...next].sort((a, b) => a - b);
  console.log(`next interpreter in the same process after a job: median ${sorted[Math.floor(reuses / 2)].toFixed(0)} ms, min ${sorted[0].toFixed(0)} ms (${reuses} jobs${phaseText(child)})`);
  const range = (xs: number[]): string => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} MiB`;
  console.log(`memory of a warm process after each job: resident ${range(rss)}, private ${range(own)}`);
}

// Jobs back to back on a pool of two (as the server has it): from the request to the analysis,
// with no pause between jobs, so a job meets whatever the pool has ready.
{
  const jobs = 20;
  const svc = createPythonService({ poolSize: 2, limits });
  await svc.warm();
  const times: number[] = [];
  for (let i = 0; i < jobs; i++) {
    const t0 = performance.now();
    const a = await svc.execute(example, { mode: 'analyze' });
    times.push(performance.now() - t0);
    if (a.errors.length) console.log('back to back: error', a.errors);
  }
  await svc.close();
  const mean = times.reduce((a, b) => a + b, 0) / jobs;
  times.sort((a, b) => a - b);
  console.log(`example back to back, pool of two: mean ${mean.toFixed(0)} ms, median ${times[Math.floor(jobs / 2)].toFixed(0)} ms, p90 ${times[Math.floor(jobs * 0.9)].toFixed(0)} ms, max ${times[jobs - 1].toFixed(0)} ms (${jobs} jobs)`);
}
