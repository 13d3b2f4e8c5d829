// The CLI's Python service keeps no interpreter warm (poolSize 0): each job starts its own, and
// none is left running or starting once a job is over. The same probe shows a pool of one
// replacing its interpreter, so it would see one left behind, and a pool that may grow (the CLI's
// helper) keeping the process a job back to back made it start.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { eventually } from '../helpers/wait.ts';
import { analyze, protocol, service } from './helpers.ts';

/** Sandbox children of this test process still alive (Linux /proc; esbuild's service is not one). */
async function liveChildren(): Promise<number[]> {
  const found: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = await readFile(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the command name (which may hold spaces): state, then the parent's pid.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(ppid) !== process.pid || state === 'Z') continue;
    const command = await readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '');
    if (command.includes('--experimental-permission')) found.push(Number(name));
  }
  return found;
}

const job = protocol("ctx.comment('hello')");

test('poolSize 0: one interpreter per job, none left once each job is over', async () => {
  const svc = service(undefined, 0);
  for (let i = 0; i < 2; i++) {
    const analysis = await analyze(svc, job);
    assert.equal(analysis.ok, true, JSON.stringify(analysis.errors));
    await eventually('no interpreter left after the job', liveChildren, (pids) => pids.length === 0);
  }
  await svc.close();
});

test('poolSize 1 (as the server has it) keeps one warm after a job: the probe sees it', async () => {
  const svc = service(undefined, 1);
  const analysis = await analyze(svc, job);
  assert.equal(analysis.ok, true, JSON.stringify(analysis.errors));
  await svc.warm();
  assert.equal((await liveChildren()).length, 1);
  await svc.close();
  await eventually('no interpreter left after close', liveChildren, (pids) => pids.length === 0);
});

test('maxPoolSize 2: a job that finds the one process preparing its next interpreter grows the pool to two; without it the extra process goes', async () => {
  for (const maxPoolSize of [2, undefined]) {
    const svc = service(undefined, 1, undefined, maxPoolSize);
    await svc.warm();
    // Back to back: the second job arrives while the first one's process prepares its next
    // interpreter, so the pool starts another process for it.
    for (let i = 0; i < 2; i++) {
      const analysis = await analyze(svc, job);
      assert.equal(analysis.ok, true, JSON.stringify(analysis.errors));
    }
    if (maxPoolSize === 2) {
      // Both processes stay, each with a warm interpreter.
      await eventually('two warm interpreters', () => Promise.race([svc.warm(2).then(() => true), delay(200, false)]), (warm) => warm);
      assert.equal((await liveChildren()).length, 2);
    } else {
      await eventually('the extra process stopped', liveChildren, (pids) => pids.length === 1);
      await svc.warm();
      assert.equal((await liveChildren()).length, 1);
    }
    await svc.close();
    await eventually('no interpreter left after close', liveChildren, (pids) => pids.length === 0);
  }
});
