// One Python job run in this process, without the sandbox, so that `node --cpu-prof` sees where a
// long analysis spends its time: the protocol's Python, the bridge, the engine, what the result
// costs to cross the thread and process boundaries, the parent's check of it and the analysis
// built from it. Prints the time of each part; asserts nothing.
//   node --import tsx bench/profile-job.ts bench/fixtures/long_replication.py [--runs 3]
// It also prints the result's size by part and the bridge requests by kind.
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-job.ts FILE
// The interpreter here starts cold (no snapshot) and is reused across runs, unlike the sandbox's:
// figures of the job itself, not of a start.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { buildAnalysis, protocolMetadata } from '../src/analysis/index.ts';
import { createHost } from '../src/python/child/host.ts';
import { checkChildMessage } from '../src/python/message-schema.ts';
import { inProcessPython } from '../test/helpers/in-process-python.ts';
import type { JobResult } from '../src/python/messages.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '3' } } });
const file = positionals[0];
if (!file) throw new Error('usage: bench/profile-job.ts PROTOCOL.py [--runs N]');
const protocolText = fs.readFileSync(file);

const { py, runner } = await inProcessPython();

const ms = (t0: number): string => `${(performance.now() - t0).toFixed(0)} ms`;
for (let run = 0; run < Number(values.runs); run++) {
  py.FS.mkdirTree('/protocol');
  py.FS.writeFile('/protocol/protocol.py', protocolText);
  const host = createHost({ mode: 'analyze', customLabware: [], labwareLibrary: [], onStep: null, onWait: null, onParsed: () => {} });
  let bridgeMs = 0;
  const kinds = new Map<string, number>();
  let t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const outcome = JSON.parse(
    runner.run_job(JSON.stringify({ workdir: '/protocol', protocolFile: 'protocol.py', mode: 'analyze' }), (request) => {
      const b0 = performance.now();
      const kind = /"(commandType|view|request)": ?"([^"]+)"/.exec(request);
      const key = kind ? `${kind[1]} ${kind[2]}` : '?';
      kinds.set(key, (kinds.get(key) ?? 0) + 1);
      try {
        return host.call(request);
      } finally {
        bridgeMs += performance.now() - b0;
      }
    }),
  ) as Pick<JobResult, 'stage' | 'rawMetadata' | 'apiLevel' | 'error' | 'reproducible'>;
  const jobCpu = process.cpuUsage(cpu0);
  const jobTime = `${ms(t0)} (CPU ${((jobCpu.user + jobCpu.system) / 1000).toFixed(0)} ms)`;
  t0 = performance.now();
  const result: JobResult = { ...outcome, ...host.finish(outcome.stage === 'ok') };
  const finishTime = ms(t0);
  // What the sandbox does with the result: serialized once in the interpreter thread, read back
  // in the parent (the two copies of the bytes between them cost next to nothing).
  t0 = performance.now();
  const bytes = serialize(result);
  const serialTime = ms(t0);
  t0 = performance.now();
  const crossed = { type: 'resultBytes', bytes: deserialize(serialize(bytes)) as unknown };
  const copyTime = ms(t0);
  t0 = performance.now();
  checkChildMessage(crossed);
  const checkTime = ms(t0);
  t0 = performance.now();
  const analysis = buildAnalysis({
    protocolType: 'python',
    metadata: protocolMetadata(result.rawMetadata, result.apiLevel),
    rawMetadata: result.rawMetadata,
    error: result.error,
    errorOccurrences: result.errorOccurrences,
    outcome: result,
    reproducible: result.reproducible,
    valuesRefused: false,
  });
  console.log(
    `run ${run + 1}: ${outcome.stage}, ${analysis.runLog.length} run-log entries; job ${jobTime} (of which bridge ${bridgeMs.toFixed(0)} ms), ` +
      `outcome ${finishTime}, serialized ${serialTime} (${(bytes.length / 2 ** 20).toFixed(1)} MiB), bytes copied ${copyTime}, read back and checked ${checkTime}, analysis ${ms(t0)}`,
  );
  if (run === 0) console.log(`  result parts (MiB): ${Object.entries(result).map(([k, v]) => `${k} ${(serialize(v).length / 2 ** 20).toFixed(2)}`).join(', ')}`);
  if (run === 0) console.log(`  bridge requests: ${[...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
}
