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
  reproducible: true,
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

/** One hardware action of each kind, as a live run's steps carry them. */
const actions = [
  { kind: 'gantryMove', mount: 'left', waypoints: [{ x: 1, y: 2, z: 3 }], speeds: { x: 400, y: 400, z: 125 }, seconds: 0.5, entryIndex: 0 },
  { kind: 'plungerMove', mount: 'left', mm: -5.6, toMm: -8.9, speedMmPerS: 10, seconds: 0.5, entryIndex: 0 },
  { kind: 'tipPress', mount: 'right', presses: 1, distanceMm: 17, incrementMm: 0, speedMmPerS: 10, seconds: 2.5, entryIndex: 0 },
  { kind: 'tipEject', mount: 'right', speedMmPerS: 7, homesPlunger: true, seconds: 2.8, entryIndex: 0 },
  { kind: 'plungerHome', mount: 'right', seconds: 0.8, entryIndex: null },
  { kind: 'moduleSetPoint', moduleId: 'module-1', target: 'lid', value: 'open', seconds: 15, entryIndex: 0 },
  { kind: 'moduleSetPoint', moduleId: 'module-1', target: 'temperature', value: null, seconds: 0, entryIndex: 0 },
  { kind: 'moduleWait', moduleId: 'module-1', target: 'temperature', holdSeconds: 30, seconds: 66, entryIndex: 0 },
  { kind: 'thermocyclerProfile', moduleId: 'module-1', steps: [{ temperature: 95, holdSeconds: 10, rampRate: null }], repetitions: 2, seconds: 20, entryIndex: 0 },
  { kind: 'magnetCalibrate', moduleId: 'module-2', seconds: 4, entryIndex: 0 },
  { kind: 'delay', seconds: 42, entryIndex: 0 },
];

describe('sandbox child messages', () => {
  it('accepts every message kind of the right shape', () => {
    const messages = [
      { type: 'ready' },
      { type: 'ready', phases: { pyodideLoaded: 1, packageInstalled: 2, engineWarmed: 3, pythonWarmed: 4 } },
      { type: 'snapshot', bytes: new Uint8Array([1, 2, 3]) },
      { type: 'parsed', rawMetadata: { protocolName: 'x' }, apiLevel: '2.11' },
      { type: 'step', entries: [entry], actions: null },
      { type: 'step', entries: [entry], actions: [...actions] },
      { type: 'step', entries: [], actions: [{ kind: 'home', axes: 'all', seconds: 12, entryIndex: null }] },
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

  it('refuses a step whose hardware action is malformed', () => {
    const bad = { type: 'step', entries: [entry], actions: [{ ...actions[0], waypoints: [{ x: 1, y: 2 }] }] };
    assert.throws(() => checkChildMessage(bad), MalformedChildMessageError);
    assert.throws(() => checkChildMessage({ type: 'step', entries: [entry], actions: [{ kind: 'teleport', seconds: 0, entryIndex: null }] }), MalformedChildMessageError);
  });

  it('refuses unknown kinds and values that are not messages', () => {
    for (const value of [null, 42, 'ready', {}, { type: 'exec', code: 'rm -rf /' }, { type: 'wait', seconds: '1' }]) {
      assert.throws(() => checkChildMessage(value), MalformedChildMessageError);
    }
  });
});
