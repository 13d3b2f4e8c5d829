// The parent checks every message of a sandbox child against its schema: the child runs untrusted
// code, so a message of the wrong shape must be a clear error, not a value trusted by its type.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkChildMessage, MalformedChildMessageError } from '../../src/python/message-schema.ts';

const entry = { index: 0, level: 0, text: 'Picking up tip from A1 of Opentrons 96 Tip Rack 300 µL on 1', name: 'command.PICK_UP_TIP', startS: 0, durationS: 2.5 };

const result = {
  stage: 'ok',
  rawMetadata: { apiLevel: '2.11' },
  apiLevel: '2.11',
  error: null,
  runLog: [entry, { ...entry, index: 1, line: null }],
  requiredEquipment: { pipettes: [{ mount: 'left', requestedAs: 'p300_single_gen2', pipetteName: 'p300_single_gen2', channels: 1 }], labware: [], modules: [] },
  warnings: [],
  liquids: [],
  estimatedDurationSeconds: 2.5,
  customLabware: [],
  liquidHistory: [],
  commands: [{ id: 'command-1', commandType: 'home', params: {}, status: 'succeeded' as const, result: null, error: null, startedAt: 0, completedAt: 0, parentId: null }],
};

describe('sandbox child messages', () => {
  it('accepts every message kind of the right shape', () => {
    const messages = [
      { type: 'ready' },
      { type: 'ready', phases: { pyodideLoaded: 1, packageInstalled: 2, engineWarmed: 3, pythonWarmed: 4 } },
      { type: 'snapshot', bytes: new Uint8Array([1, 2, 3]) },
      { type: 'parsed', rawMetadata: { protocolName: 'x' }, apiLevel: '2.11' },
      { type: 'step', entries: [entry] },
      { type: 'wait', seconds: 1.5 },
      { type: 'result', result },
      { type: 'fatal', message: 'boom' },
    ];
    for (const message of messages) assert.equal(checkChildMessage(message), message);
  });

  it('refuses a malformed message with an error naming the field', () => {
    const bad = { type: 'result', result: { ...result, runLog: [{ ...entry, index: 'zero' }] } };
    assert.throws(() => checkChildMessage(bad), (err: unknown) => {
      assert.ok(err instanceof MalformedChildMessageError);
      assert.match(err.message, /^malformed message 'result' from the sandbox: \/result\/runLog\/0\/index /);
      return true;
    });
  });

  it('refuses unknown kinds and values that are not messages', () => {
    for (const value of [null, 42, 'ready', {}, { type: 'exec', code: 'rm -rf /' }, { type: 'wait', seconds: '1' }]) {
      assert.throws(() => checkChildMessage(value), MalformedChildMessageError);
    }
  });
});
