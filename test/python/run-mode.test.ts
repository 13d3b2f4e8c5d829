import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually } from '../helpers/wait.ts';
import { bundle, protocol, service } from './helpers.ts';
import type { PythonService } from '../../src/python/index.ts';
import type { RunLogEntry } from '../../src/common/index.ts';

let svc: PythonService;
before(() => {
  svc = service(undefined, 1);
});
after(() => svc.close());

const body = [
  "ctx.comment('sim=' + str(ctx.is_simulating()))",
  "ctx.comment('two')",
  "ctx.comment('three')",
].join('\n');

test('is_simulating() is true when analysing', async () => {
  const a = await svc.execute(bundle(protocol(body)), { mode: 'analyze' });
  assert.equal(a.runLog[0].text, 'sim=True');
});

test('a live run waits at every top-level command until step() resolves', async () => {
  const seen: string[] = [];
  let release: (() => void) | null = null;
  const step = (entries: readonly RunLogEntry[]): Promise<void> => {
    // The home before run() logs nothing: a step of hardware actions only, let through.
    if (entries.length === 0) return Promise.resolve();
    seen.push(entries.map((e) => e.text).join('|'));
    return new Promise((resolve) => {
      release = resolve;
    });
  };
  const running = svc.execute(bundle(protocol(body)), { mode: 'run', step });
  const stepsSeen = (n: number) => eventually(`step ${n} to reach the host`, () => seen.length, (len) => len >= n);
  await stepsSeen(1);
  for (let expected = 2; expected <= 3; expected++) {
    // Held: until this release, the protocol has not reached its next command.
    assert.equal(seen.length, expected - 1, `held at step ${expected - 1}`);
    release!();
    await stepsSeen(expected);
  }
  release!();
  const a = await running;
  assert.deepEqual(seen, ['sim=False', 'two', 'three']);
  assert.deepEqual(a.runLog.map((e) => e.text), ['sim=False', 'two', 'three']);
});

test('aborting a live run stops it before its next command and rejects', async () => {
  const controller = new AbortController();
  const seen: string[] = [];
  const step = async (entries: readonly RunLogEntry[]): Promise<void> => {
    if (entries.length === 0) return; // the home before run(): hardware actions only
    seen.push(entries[0].text);
    controller.abort(new Error('stopped by user'));
  };
  await assert.rejects(svc.execute(bundle(protocol(body)), { mode: 'run', step, signal: controller.signal }), /stopped by user/);
  assert.deepEqual(seen, ['sim=False']);
  const next = await svc.execute(bundle(protocol("ctx.comment('next')")), { mode: 'analyze' });
  assert.deepEqual(next.runLog.map((e) => e.text), ['next']);
});

test('a rejected step rejects the execution', async () => {
  const step = async (): Promise<void> => {
    throw new Error('cancelled');
  };
  await assert.rejects(svc.execute(bundle(protocol(body)), { mode: 'run', step }), /cancelled/);
});
