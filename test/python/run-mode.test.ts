import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { bundle, protocol, service } from './helpers.ts';
import type { PythonService } from '../../src/python/index.ts';
import type { RunLogEntry } from '../../src/analysis/types.ts';

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
    seen.push(entries.map((e) => e.text).join('|'));
    return new Promise((resolve) => {
      release = resolve;
    });
  };
  const running = svc.execute(bundle(protocol(body)), { mode: 'run', step });
  while (seen.length === 0) await new Promise((r) => setTimeout(r, 10));
  // Held: however long we wait, the protocol does not reach its next command.
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(seen, ['sim=False']);
  for (let expected = 2; expected <= 3; expected++) {
    release!();
    while (seen.length < expected) await new Promise((r) => setTimeout(r, 10));
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
    seen.push(entries[0].text);
    controller.abort(new Error('stopped by user'));
    await new Promise((r) => setTimeout(r, 50));
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
