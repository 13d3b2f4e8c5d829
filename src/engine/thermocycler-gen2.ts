// The thermocycler GEN2 on an OT-2, which only the Protocol Engine knows (JSON v6–8): its load
// from the module definitions of schema 3. Its commands are the GEN1's (engine-thermocycler.ts):
// both are of the thermocycler type, with the same ranges, lid and profile rules (§7.7).
import { pyError } from './errors.ts';
import { placeModule } from './modules.ts';
import type { EngineState } from './state.ts';
import { TIMING } from './timing.ts';
import type { ModuleInfo } from './types.ts';

/** Loads a thermocycler GEN2 into `slot` (the engine's slot rules were checked by the caller). */
export function loadThermocyclerGen2(st: EngineState, slot: string): ModuleInfo {
  const spec = st.defs.module('thermocyclerModuleV2', false);
  if (spec === null) throw pyError('PythonException', 'KeyError: thermocyclerModuleV2');
  // The engine does not know the lid to be open until it opens it.
  return placeModule(st, spec, slot, { contextClass: 'ThermocyclerContext', labwareOffset: { ...spec.labwareOffset }, configuration: null, temperature: TIMING.ambientC, lid: 'closed' });
}
