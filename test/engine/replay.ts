// Replaying a run's recorded state updates onto a fresh state, and comparing the two states concern
// by concern. If any engine code changed the state without a state update, the replayed state
// lacks that change and the comparison names the field.
import assert from 'node:assert/strict';
import { EngineState } from '../../src/engine/state.ts';
import { applyUpdate } from '../../src/engine/stores/index.ts';
import type { ProtocolEngine } from '../../src/engine/index.ts';
import type { EngineOptions } from '../../src/engine/index.ts';

/** The state's fields, by the concern (store) that owns them. */
export const CONCERNS = {
  run: ['nextId', 'paused', 'railLights'],
  labware: ['labware', 'deck', 'deckChanges', 'stackedOn', 'setupPlaces', 'definedLabware', 'areasInUse', 'lastDropSpot', 'customLabwareUses'],
  pipettes: ['pipettes', 'byMount', 'blownOut'],
  modules: ['modules'],
  motion: ['cache', 'lastMount', 'maxSpeeds', 'hasSpeedCaps', 'gantry', 'savedPositions'],
  liquids: ['ledger', 'liquids', 'loadedLiquids'],
} as const;

export type Concern = keyof typeof CONCERNS;

/** Fields that are not the run's state: its settings, its outputs, and memos derived from the rest. */
export const NOT_STATE = ['apiLevel', 'isSimulating', 'defs', 'custom', 'library', 'protocolEngine', 'log', 'actions', 'updates', 'features'];

function fields(state: EngineState, concern: Concern): Record<string, unknown> {
  const record = state as unknown as Record<string, unknown>;
  return Object.fromEntries(CONCERNS[concern].map((key) => [key, record[key]]));
}

/** A fresh state with the same options, and every update the run recorded applied to it in order. */
export function replay(options: EngineOptions, updates: readonly unknown[]): EngineState {
  const state = new EngineState(options);
  // A copy: the stores keep records the updates carry, and the recording must stay as it was.
  for (const update of structuredClone(updates)) applyUpdate(state, update as Parameters<typeof applyUpdate>[1]);
  return state;
}

/** Asserts that replaying the engine's recorded updates rebuilds its state, concern by concern. */
export function assertReplayRebuilds(engine: ProtocolEngine, options: EngineOptions, label: string): void {
  const updates = engine.state.updates;
  assert.ok(updates !== null, `${label}: the engine was made without recordStateUpdates`);
  const rebuilt = replay(options, updates);
  for (const concern of Object.keys(CONCERNS) as Concern[]) {
    assert.deepStrictEqual(fields(rebuilt, concern), fields(engine.state, concern), `${label}: the ${concern} state differs after replaying ${updates.length} updates`);
  }
}
