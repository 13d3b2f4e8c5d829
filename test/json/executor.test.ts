// executeJsonProtocol as a ProtocolExecutor: per-command steps, cancellation, results.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { RunLogEntry } from '../../src/common/index.ts';
import { executeJsonProtocol } from '../../src/json/index.ts';
import { jsonProtocolFixture } from '../helpers/original.ts';
import { bundleOf } from './helpers.ts';

const simple = () => bundleOf('simpleV5.json', readFileSync(jsonProtocolFixture('5/simpleV5.json')));

describe('executeJsonProtocol', () => {
  it('awaits step after each JSON command with the entries it produced', async () => {
    const steps: string[][] = [];
    const a = await executeJsonProtocol(simple(), {
      mode: 'run',
      step: async (entries: readonly RunLogEntry[]) => {
        steps.push(entries.map((e) => e.text));
      },
    });
    assert.equal(a.ok, true);
    assert.equal(steps.length, 10);
    assert.deepEqual(steps[2], ['Delaying for 0 minutes and 42.0 seconds']);
    assert.deepEqual(steps.flat(), a.runLog.map((e) => e.text));
  });

  it('rejects with the signal reason when aborted between commands', async () => {
    const controller = new AbortController();
    let seen = 0;
    await assert.rejects(
      executeJsonProtocol(simple(), {
        mode: 'run',
        signal: controller.signal,
        step: async () => {
          if (++seen === 3) controller.abort(new Error('cancelled by user'));
        },
      }),
      /cancelled by user/,
    );
    assert.equal(seen, 3);
  });

  it('rejects when step rejects', async () => {
    await assert.rejects(
      executeJsonProtocol(simple(), { mode: 'run', step: async () => Promise.reject(new Error('stop')) }),
      /stop/,
    );
  });

  it('models time: delays, moves and plunger actions add up', async () => {
    const a = await executeJsonProtocol(simple(), { mode: 'analyze' });
    const delay = a.runLog[2];
    assert.equal(delay.durationS, 42);
    assert.ok(a.estimatedDurationSeconds > 42);
    for (let i = 1; i < a.runLog.length; i++) assert.ok(a.runLog[i].startS >= a.runLog[i - 1].startS);
    assert.deepEqual(a.rawMetadata?.protocolName, 'Simple test protocol');
    assert.equal(a.liquids.length, 2);
  });
});
