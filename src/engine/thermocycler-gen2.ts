// The thermocycler GEN2 on an OT-2, which only the Protocol Engine knows (JSON v6–8): its load
// from the module definitions of schema 3. Its commands are the GEN1's (engine-thermocycler.ts):
// both are of the thermocycler type, with the same ranges, lid and profile rules (§7.7).
import { pyError } from './errors.ts';
import type { EngineState, LoadedModule } from './state.ts';
import { TIMING } from './timing.ts';
import type { ModuleInfo } from './types.ts';

/** Loads a thermocycler GEN2 into `slot` (the engine's slot rules were checked by the caller). */
export function loadThermocyclerGen2(st: EngineState, slot: string): ModuleInfo {
  const spec = st.defs.module('thermocyclerModuleV2', false);
  if (spec === null) throw pyError('PythonException', 'KeyError: thermocyclerModuleV2');
  const id = st.newId('module');
  const displayName = `${spec.displayName} on ${slot}`;
  const info: ModuleInfo = {
    moduleId: id, model: spec.model, type: spec.type, slot, displayName, contextClass: 'ThermocyclerContext', labwareOffset: { ...spec.labwareOffset }, configuration: null,
  };
  const mod: LoadedModule = {
    id, model: spec.model, spec, slot, displayName, configuration: null, labwareId: null, info,
    temperature: TIMING.ambientC, target: null, physTemp: TIMING.ambientC, reachAt: 0, height: 0,
    // The engine does not know the lid to be open until it opens it.
    lid: 'closed', lidTemp: TIMING.ambientC, lidTarget: null, lidPhys: TIMING.ambientC, lidReachAt: 0, holdTime: null,
    latch: 'unknown', shakeRpm: null, totalCycleCount: null, totalStepCount: null,
  };
  st.modules.set(id, mod);
  st.deck.set(slot, { kind: 'module', mod });
  st.highestZCache = null;
  return info;
}
