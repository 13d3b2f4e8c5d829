// Applying state updates: the stores of every concern, and the one function that dispatches an
// update to its store (and records it, when the run keeps its updates).
import type { EngineState } from '../state.ts';
import type { StateUpdate, StateUpdateType } from '../state-update.ts';
import type { UpdateHandlers } from './handlers.ts';
import { labwareStore } from './labware.ts';
import { liquidsStore } from './liquids.ts';
import { modulesStore } from './modules.ts';
import { motionStore } from './motion.ts';
import { pipettesStore } from './pipettes.ts';
import { runStore } from './run.ts';

const STORES: UpdateHandlers<StateUpdate> = {
  ...runStore,
  ...labwareStore,
  ...pipettesStore,
  ...modulesStore,
  ...motionStore,
  ...liquidsStore,
};

type AnyHandler = (state: EngineState, update: StateUpdate) => void;

/** Applies one change to the run's state; the only way engine code changes it. */
export function applyUpdate(state: EngineState, update: StateUpdate): void {
  // Recorded before it is applied, as a copy: a store may keep a record the update carries and
  // change it later, and the recorded update must stay what the command produced.
  state.updates?.push(structuredClone(update));
  (STORES[update.type] as AnyHandler)(state, update);
}

/** Every update type a store handles (for the docs' check and the replay test). */
export function updateTypes(): StateUpdateType[] {
  return Object.keys(STORES) as StateUpdateType[];
}
