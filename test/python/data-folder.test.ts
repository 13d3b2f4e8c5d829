// `/data` on the robot: live runs write tip-tracking and log files there (spec §12). The sandbox
// gives each job a fresh in-memory `/data`; nothing persists between runs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { bundle, service } from './helpers.ts';
import type { PythonService } from '../../src/python/index.ts';
import type { Analysis, RunLogEntry } from '../../src/common/index.ts';

let svc: PythonService;
before(() => {
  svc = service(undefined, 1);
});
after(() => svc.close());

// The Protocol Library's tip tracking: read a CSV under /data when running, write it back at the end.
const TIP_TRACKING = `
import csv
import json
import os
metadata = {'apiLevel': '2.11'}

def run(protocol):
    file_path = '/data/csv/tiptracking.csv'
    existed = False
    if not protocol.is_simulating():
        file_dir = os.path.dirname(file_path)
        existed = os.path.isfile(file_path)
        if not os.path.exists(file_dir):
            os.makedirs(file_dir)
        if not os.path.isfile(file_path):
            with open(file_path, 'w') as outfile:
                outfile.write("0, 0\\n")
    if protocol.is_simulating():
        counts = [0, 0]
    else:
        with open(file_path) as csv_file:
            counts = next(csv.reader(csv_file, delimiter=','))
    protocol.comment('existed={} counts={}'.format(existed, [int(c) for c in counts]))
    if not protocol.is_simulating():
        with open(file_path, 'w') as outfile:
            outfile.write('{}, {}\\n'.format(int(counts[0]) + 8, int(counts[1]) + 1))
        with open(file_path) as f:
            protocol.comment('written: ' + f.read().strip())
        with open('/data/run_log.json', 'w') as f:
            json.dump({'ok': True}, f)
        protocol.comment('data: ' + str(sorted(os.listdir('/data'))))
`;

async function run(source: string): Promise<{ analysis: Analysis; steps: string[] }> {
  const steps: string[] = [];
  const step = async (entries: readonly RunLogEntry[]): Promise<void> => {
    steps.push(...entries.map((e) => e.text));
  };
  const analysis = await svc.execute(bundle(source), { mode: 'run', step });
  return { analysis, steps };
}

test('a live run writes and reads files under /data', async () => {
  const { analysis, steps } = await run(TIP_TRACKING);
  assert.deepEqual(analysis.errors, []);
  assert.deepEqual(steps, ['existed=False counts=[0, 0]', 'written: 8, 1', "data: ['csv', 'run_log.json']"]);
});

test('/data does not persist between runs', async () => {
  const first = await run(TIP_TRACKING);
  const second = await run(TIP_TRACKING);
  assert.deepEqual(first.analysis.errors, []);
  assert.deepEqual(second.steps, first.steps);
  assert.equal(second.steps[0], 'existed=False counts=[0, 0]');
});

test('analysis skips the guarded file access; /data is writable there too', async () => {
  const a = await svc.execute(bundle(TIP_TRACKING), { mode: 'analyze' });
  assert.deepEqual(a.errors, []);
  assert.deepEqual(a.runLog.map((e) => e.text), ['existed=False counts=[0, 0]']);
  const unguarded = await svc.execute(
    bundle(`metadata = {'apiLevel': '2.11'}
def run(ctx):
    with open('/data/notes.txt', 'w') as f:
        f.write('hello')
    ctx.comment(open('/data/notes.txt').read())
`),
    { mode: 'analyze' },
  );
  assert.deepEqual(unguarded.errors, []);
  assert.deepEqual(unguarded.runLog.map((e) => e.text), ['hello']);
});
