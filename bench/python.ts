// Python executor figures (prints, never asserts): warm example analysis, 96 transfers with new tips,
// a cold interpreter start, memory per warm interpreter.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPythonService } from '../src/python/index.ts';
import { sandboxFiles } from '../src/python/bundle.ts';
import { SandboxProcess } from '../src/python/sandbox-process.ts';
import type { ProtocolBundle } from '../src/common/index.ts';

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
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  console.log(`memory per warm interpreter (RSS of its process): ${rss.toFixed(0)} MiB`);
  await child.stop();
}
