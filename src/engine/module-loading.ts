// `ctx.load_module` as robot software 7.5.0's legacy core does it (python-protocol-api 2.12–2.13,
// A.4.4): the thermocycler GEN2 and the Heater-Shaker load, module slot errors are ValueErrors,
// slots are validated with 7.5.0's texts and the deck-conflict checker decides what may stand
// where. 4.7.0's loader (modules.ts) stays as it was for levels up to 2.11.
import type { ModuleSpec } from '../definitions/index.ts';
import { checkDeckConflict } from './deck-conflict.ts';
import { validDeckSlot } from './deck-slots.ts';
import { moduleSlotRefused, moduleWithoutLocation } from './engine-errors.ts';
import { pyError } from './errors.ts';
import { loadHeaterShaker, moduleConfiguration, placePythonModule } from './modules.ts';
import type { EngineState } from './state.ts';
import { applyUpdate } from './stores/index.ts';
import { loadThermocyclerGen2 } from './thermocycler-gen2.ts';
import type { DeckLocation, ModuleInfo, ModuleModel } from './types.ts';

/** A model or load name, with 7.5.0's names (the thermocycler GEN2, the Heater-Shaker). */
function resolve(st: EngineState, name: string): ModuleModel {
  const model = st.defs.resolveModule(name, st.has('release7'));
  if (model === null) throw pyError('ValueError', st.defs.moduleNameError(name, st.has('release7')));
  return model;
}

/** The module's slot: the thermocycler's own when none is given, else a slot that takes its type. */
function moduleSlot(st: EngineState, spec: ModuleSpec, location: DeckLocation | null): string {
  if (location === null) {
    if (spec.type !== 'thermocyclerModuleType' && st.has('engineCore')) throw moduleWithoutLocation(spec.model);
    if (spec.type !== 'thermocyclerModuleType') throw pyError('ValueError', `${spec.typeDisplay}s do not have default location, you must specify a slot`);
    return '7';
  }
  const slot = validDeckSlot(st, location);
  const takes =
    spec.type === 'heaterShakerModuleType' ? slot !== '12' : (st.defs.slots().get(slot)?.compatibleModuleTypes.includes(spec.type) ?? false);
  // From 2.14 the engine's loadModule refuses it (a failed command).
  if (!takes && st.has('engineCore')) throw moduleSlotRefused(spec.type, slot);
  if (!takes) throw pyError('ValueError', `A ${spec.typeDisplay} cannot be loaded into slot ${slot}`);
  return slot;
}

export function loadModuleRelease7(st: EngineState, moduleName: string, location: DeckLocation | null, configuration: string | null): ModuleInfo {
  const model = resolve(st, moduleName);
  const spec = st.defs.module(model, false);
  if (spec === null) throw pyError('ValueError', st.defs.moduleNameError(moduleName, st.has('release7')));
  const slot = moduleSlot(st, spec, location);
  const config = moduleConfiguration(model, configuration);
  checkDeckConflict(st, { kind: 'module', model, type: spec.type, configuration: config }, slot);
  if (spec.type === 'heaterShakerModuleType') return loadHeaterShaker(st, slot);
  if (model === 'thermocyclerModuleV2') {
    const info = loadThermocyclerGen2(st, slot);
    // The legacy core's simulated thermocycler starts with its lid open (the engine's is unknown).
    applyUpdate(st, { type: 'module/lidSet', moduleId: info.moduleId, lid: 'open' });
    return info;
  }
  return placePythonModule(st, spec, slot, config, false);
}
