// How run logs name a module, without its place.
import { moduleDisplayNameWithGeneration } from '../definitions/index.ts';
import type { ModuleSpec } from '../definitions/index.ts';
import type { EngineState } from './state.ts';

/** A module's name without its place: 7.5.0 names Python protocols' modules with their generation. */
export function moduleName(st: EngineState, spec: ModuleSpec): string {
  return st.has('release7') && !st.protocolEngine ? moduleDisplayNameWithGeneration(spec.model) : spec.displayName;
}

