// The store of the loaded modules: their records, set-points, modeled temperatures, magnets, lids,
// latches and shaking.
import type { LoadedModule } from '../state-records.ts';
import type { EngineState } from '../state.ts';
import { TIMING } from '../timing.ts';
import type { ModuleUpdate } from '../updates/modules.ts';
import type { UpdateHandlers } from './handlers.ts';
import { writable } from './writable.ts';
import type { Writable } from './writable.ts';

function moduleOf(state: EngineState, moduleId: string): Writable<LoadedModule> {
  const m = state.modules.get(moduleId);
  if (m === undefined) throw new Error(`A module update names ${moduleId}, which is not loaded`);
  return writable(m);
}

export const modulesStore: UpdateHandlers<ModuleUpdate> = {
  'module/loaded'(state, update) {
    // The record itself: the deck's entry for the module is the same object.
    writable(state).modules.set(update.module.id, update.module);
  },
  'module/renamed'(state, update) {
    const m = moduleOf(state, update.moduleId);
    const modules = writable(state).modules;
    modules.delete(m.id);
    m.id = update.newId;
    m.info = { ...m.info, moduleId: update.newId };
    modules.set(update.newId, m);
  },
  'module/temperatureTargetSet'(state, update) {
    const m = moduleOf(state, update.moduleId);
    m.physTemp = update.celsius;
    m.reachAt = update.reachAt;
    m.target = update.celsius;
    m.temperature = update.celsius;
    if (update.holdTime !== undefined) m.holdTime = update.holdTime;
  },
  'module/temperatureDeactivated'(state, update) {
    const m = moduleOf(state, update.moduleId);
    m.target = null;
    m.temperature = TIMING.ambientC;
    m.physTemp = TIMING.ambientC;
    m.holdTime = null;
    if (update.reachAt !== undefined) m.reachAt = update.reachAt;
  },
  'module/lidTemperatureSet'(state, update) {
    const m = moduleOf(state, update.moduleId);
    m.lidPhys = update.celsius;
    m.lidTarget = update.celsius;
    m.lidTemp = update.celsius;
    if (update.reachAt !== undefined) m.lidReachAt = update.reachAt;
  },
  'module/lidTemperatureDeactivated'(state, update) {
    const m = moduleOf(state, update.moduleId);
    m.lidTarget = null;
    m.lidTemp = TIMING.ambientC;
    m.lidPhys = TIMING.ambientC;
  },
  'module/lidSet'(state, update) {
    moduleOf(state, update.moduleId).lid = update.lid;
  },
  'module/profileRun'(state, update) {
    const m = moduleOf(state, update.moduleId);
    m.totalCycleCount = update.repetitions;
    m.totalStepCount = update.steps;
  },
  'module/magnetMoved'(state, update) {
    moduleOf(state, update.moduleId).height = update.height;
  },
  'module/shakeSet'(state, update) {
    moduleOf(state, update.moduleId).shakeRpm = update.rpm;
  },
  'module/latchSet'(state, update) {
    moduleOf(state, update.moduleId).latch = update.latch;
  },
};
