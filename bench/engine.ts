// Engine throughput and JSON analysis latency. Prints figures; asserts nothing.
//   npm run bench:engine
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { sharedDefinitions } from '../src/definitions/index.ts';
import { ProtocolEngine } from '../src/engine/index.ts';
import type { LocationArg, WellArg } from '../src/engine/index.ts';
import { executeJsonProtocol } from '../src/json/index.ts';

const COMMANDS = 100_000;

function engineThroughput(): { cps: number; ms: number; entries: number } {
  const e = new ProtocolEngine({ apiLevel: '2.11', definitions: sharedDefinitions() });
  const plate = e.loadLabware('corning_96_wellplate_360ul_flat', 1);
  const tips = e.loadLabware('opentrons_96_tiprack_300ul', 2).labwareId;
  const p = e.loadInstrument('p300_single_gen2', 'right', [tips]).pipetteId;
  const tipWells: WellArg[] = e.labwareInfo(tips).wellNames.map((w) => ({ kind: 'well', labwareId: tips, wellName: w }));
  // Python-style `well.bottom(1)` locations, built once like the Python layer would per call.
  const src: LocationArg[] = plate.wells.map((w) => ({
    kind: 'location',
    point: { x: w.bottom.x, y: w.bottom.y, z: w.bottom.z + 1 },
    ref: { kind: 'well', labwareId: plate.labwareId, wellName: w.name },
  }));
  const start = performance.now();
  let n = 0;
  let cycle = 0;
  while (n < COMMANDS) {
    const t = cycle % 96;
    if (t === 0 && cycle > 0) e.labwareReset(tips);
    e.pickUpTip(p, tipWells[t]);
    e.aspirate(p, 50, src[t]);
    e.dispense(p, 50, src[(t + 1) % 96]);
    e.aspirate(p, 20, src[t]);
    e.dispense(p, 20, src[(t + 2) % 96]);
    e.dropTip(p);
    n += 6;
    cycle++;
  }
  const ms = performance.now() - start;
  return { cps: n / (ms / 1000), ms, entries: e.runLog.length };
}

async function fixtureLatency(): Promise<void> {
  // The JSON protocol fixtures of schemas 3-5 as @opentrons/shared-data ships them.
  const root = path.join(path.dirname(createRequire(import.meta.url).resolve('@opentrons/shared-data/package.json')), 'protocol/fixtures/');
  for (const v of ['3', '4', '5']) {
    for (const f of readdirSync(root + v).sort()) {
      const data = readFileSync(`${root}${v}/${f}`);
      const bundle = { protocolFile: { name: f, data }, supportFiles: [] };
      for (let i = 0; i < 20; i++) await executeJsonProtocol(bundle, { mode: 'analyze' }); // warm up
      const runs = 50;
      const t0 = performance.now();
      for (let i = 0; i < runs; i++) await executeJsonProtocol(bundle, { mode: 'analyze' });
      const each = (performance.now() - t0) / runs;
      console.log(`  ${v}/${f.padEnd(36)} ${each.toFixed(2)} ms`);
    }
  }
}

// Warm the JIT and the definition caches, then measure several runs: one run is a fraction of a
// second, so the median of seven says more than any one of them on a shared machine.
engineThroughput();
const runs = Array.from({ length: 7 }, () => engineThroughput()).sort((a, b) => a.cps - b.cps);
const median = runs[3];
const cps = (x: { cps: number }) => Math.round(x.cps).toLocaleString('en-US');
console.log(
  `engine: ${COMMANDS} aspirate/dispense/tip commands in ${median.ms.toFixed(1)} ms → ${cps(median)} commands/s median of 7 (best ${cps(runs[6])}; ${median.entries} run-log entries)`,
);
console.log('JSON analysis per fixture (warm, in-process):');
await fixtureLatency();
