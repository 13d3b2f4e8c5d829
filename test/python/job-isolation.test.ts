// A sandbox process serves many jobs, each in a fresh interpreter thread. A job that escapes to
// JavaScript (through the bridge function's constructor, as in safety.test.ts) and leaves
// globals, prototype changes, timers, a worker and forged messages behind cannot reach the next
// job in the same process, nor do the files it opened; a job stopped by a limit gets its process
// replaced.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { eventually } from '../helpers/wait.ts';
import { analyze, protocol, service } from './helpers.ts';
import type { PythonService } from '../../src/python/index.ts';

let svc: PythonService;
let limited: PythonService;
before(() => {
  svc = service(undefined, 1);
  limited = service({ timeoutMs: 3000, memoryBytes: 512 * 1024 * 1024 }, 1);
});
after(async () => {
  await svc.close();
  await limited.close();
});

/** Python that runs a JavaScript function body in the interpreter thread and returns its value. */
const escape = ['from labwright_sandbox import bridge', 'run_js = lambda body: bridge._function.constructor(body)()'];

/** Comments the process id the job ran in. */
const reportPid = protocol([...escape, "ctx.comment('pid ' + str(run_js('return process.pid')))"].join('\n'));

function pidOf(text: string): number {
  const match = /pid (\d+)/.exec(text);
  assert.ok(match, text);
  return Number(match[1]);
}

function openFilesOf(pid: number): number {
  return fs.readdirSync(`/proc/${pid}/fd`).length;
}

function threadsOf(pid: number): number {
  return Number(/Threads:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
}

// A well-formed result the parent would accept, with a run log the probe never writes.
const FORGED_RESULT = JSON.stringify({
  type: 'result',
  result: {
    stage: 'ok',
    rawMetadata: {},
    apiLevel: '2.11',
    error: null,
    reproducible: true,
    runLog: [{ index: 0, level: 0, text: 'forged', name: 'comment', startS: 0, durationS: 0 }],
    equipment: { labware: [], pipettes: [], modules: [] },
    commands: [],
    liquids: [],
  },
});

/** Whether a process is gone (exited and reaped). */
function gone(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].startsWith('Z');
  } catch {
    return true;
  }
}

// Each job here starts with its pool warm (the process of the job before has its next
// interpreter ready): a job arriving before then would make the pool start a second process,
// and either might take it.
test('a job that escapes to JavaScript leaves nothing for the next job in the same process', async () => {
  await svc.warm();
  const first = await analyze(svc, reportPid);
  assert.deepEqual(first.errors, []);
  const pid = pidOf(first.runLog[0].text);
  await svc.warm();
  const threadsBefore = threadsOf(pid);

  const polluter = protocol(
    [
      ...escape,
      "run_js(\"globalThis.leftover = 'yes'; Object.prototype.polluted = 'yes'; process.env.LEFTOVER = 'yes'\")",
      // Timers that keep posting a forged result and step to the parent, from now on.
      'run_js("""',
      "  const { parentPort, Worker } = process.getBuiltinModule('worker_threads');",
      `  const forged = ${FORGED_RESULT};`,
      "  globalThis.forging = setInterval(() => { parentPort.postMessage({ type: 'step', entries: [], actions: null }); parentPort.postMessage(forged); }, 1);",
      // A worker of its own, which would outlive the job if anything could.
      "  globalThis.spawned = new Worker('setInterval(() => {}, 1000)', { eval: true });",
      '""")',
      "ctx.comment('pid ' + str(run_js('return process.pid')))",
    ].join('\n'),
  );
  const polluted = await analyze(svc, polluter);
  assert.deepEqual(polluted.errors, []);
  assert.deepEqual(polluted.runLog.map((e) => e.text), [`pid ${pid}`]);

  await svc.warm();
  // The job's worker went with its interpreter thread.
  assert.equal(threadsOf(pid), threadsBefore);

  const probe = protocol(
    [
      ...escape,
      'seen = run_js("return [process.pid, typeof globalThis.leftover, String(({}).polluted), String(process.env.LEFTOVER), typeof globalThis.forging, typeof globalThis.spawned].join(\' \')")',
      "ctx.comment('pid ' + seen)",
    ].join('\n'),
  );
  const next = await analyze(svc, probe);
  assert.deepEqual(next.errors, []);
  // Same process, fresh interpreter: its own run log only (no forged result or step), and none
  // of the globals, prototype changes, environment, timers or workers of the job before.
  assert.deepEqual(next.runLog.map((e) => e.text), [`pid ${pid} undefined undefined undefined undefined undefined`]);
});

test('a file a job leaves open is closed with its interpreter', async () => {
  await svc.warm();
  const first = await analyze(svc, reportPid);
  const pid = pidOf(first.runLog[0].text);
  await svc.warm();
  const filesBefore = openFilesOf(pid);
  const leaker = protocol(
    [
      ...escape,
      // The child may read the Pyodide folder (the interpreter thread's start-up data says where).
      "fd = run_js(\"const dir = process.getBuiltinModule('worker_threads').workerData.pyodideDir; return process.getBuiltinModule('fs').openSync(dir + '/package.json', 'r')\")",
      "ctx.comment('pid ' + str(run_js('return process.pid')) + ' opened ' + str(fd))",
    ].join('\n'),
  );
  const leaked = await analyze(svc, leaker);
  assert.deepEqual(leaked.errors, []);
  assert.match(leaked.runLog[0].text, new RegExp(`^pid ${pid} opened \\d+$`));
  await svc.warm();
  // Same process, back to the files it had (had one stayed open, the process would have been
  // replaced instead: see process-footprint.ts).
  assert.equal(pidOf((await analyze(svc, reportPid)).runLog[0].text), pid);
  await svc.warm();
  assert.equal(openFilesOf(pid), filesBefore);
});

test('a job stopped by a limit ends its process; the next job runs in a new one', async () => {
  await limited.warm();
  const first = await analyze(limited, reportPid);
  const pid = pidOf(first.runLog[0].text);
  await limited.warm();
  const looped = await analyze(limited, protocol('while True:\n    pass'));
  assert.deepEqual(looped.errors, [{ type: 'TimeoutError', description: 'Protocol execution exceeded the time limit of 3 s' }]);
  const next = await analyze(limited, reportPid);
  assert.notEqual(pidOf(next.runLog[0].text), pid);
  await eventually('the stopped process gone', () => gone(pid), (isGone) => isGone);
});

test("the inspector, a way into the process's main thread (which outlives jobs), is refused to a job", async () => {
  const probe = protocol(
    [
      ...escape,
      'try:',
      "    run_js(\"const { Session } = process.getBuiltinModule('inspector'); new Session().connectToMainThread()\")",
      "    ctx.comment('connected')",
      'except BaseException as e:',
      "    ctx.comment('refused: ' + str(e))",
    ].join('\n'),
  );
  const a = await analyze(svc, probe);
  assert.deepEqual(a.runLog.map((e) => e.text), ['refused: Error: Access to this API has been restricted']);
});

test('jobsPerProcess 1 gives every job its own process', async () => {
  const strict = service(undefined, 1, 1);
  try {
    await strict.warm();
    const pids = [];
    for (let i = 0; i < 2; i++) {
      pids.push(pidOf((await analyze(strict, reportPid)).runLog[0].text));
      await strict.warm();
    }
    assert.notEqual(pids[0], pids[1]);
  } finally {
    await strict.close();
  }
});
