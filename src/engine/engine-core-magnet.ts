// Magnetic Module engage heights of the Python API's Protocol Engine runtime (apiLevel ≥ 2.14,
// §B.2.14): the protocol's height is in millimetres above the labware's base, and the engine turns
// it into the module's own units (GEN1 counts half-millimetres from a point 2.5 mm below the base).
import { noDefaultEngageHeight } from './engine-errors.ts';
import type { EngineState, LoadedModule } from './state.ts';

/**
 * The definitions whose `magneticModuleEngageHeight` is in the GEN1's half-millimetres: the engine
 * halves theirs. Only these versions: the v2 definitions that 2.14 loads by default are in mm.
 */
const HALF_MILLIMETRE_URIS: ReadonlySet<string> = new Set([
  'opentrons/biorad_96_wellplate_200ul_pcr/1',
  'opentrons/nest_96_wellplate_100ul_pcr_full_skirt/1',
  'opentrons/usascientific_96_wellplate_2.4ml_deep/1',
]);

/** A height above the labware's base as the module's hardware height. */
export function hardwareHeight(m: LoadedModule, fromBase: number): number {
  return m.model === 'magneticModuleV1' ? (fromBase + 2.5) * 2 : fromBase + 2.5;
}

/**
 * The hardware height of `engage(offset=, height_from_base=)`: the given height above the base,
 * or the labware's default (halved for the half-millimetre definitions) plus the offset.
 */
export function engineCoreEngageHeight(st: EngineState, m: LoadedModule, offset: number | null, heightFromBase: number | null): number {
  if (heightFromBase !== null) return hardwareHeight(m, heightFromBase);
  const lw = m.labwareId !== null ? st.labware.get(m.labwareId) : undefined;
  if (lw === undefined) throw noDefaultEngageHeight(false);
  const p = lw.def.parameters;
  if (typeof p.magneticModuleEngageHeight !== 'number') throw noDefaultEngageHeight(true);
  const uri = `${lw.def.namespace}/${p.loadName}/${lw.def.version}`;
  const base = HALF_MILLIMETRE_URIS.has(uri) ? p.magneticModuleEngageHeight / 2 : p.magneticModuleEngageHeight;
  return hardwareHeight(m, base + (offset ?? 0));
}
