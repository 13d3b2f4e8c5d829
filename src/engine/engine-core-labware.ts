// Labware lookup of the Python API's Protocol Engine runtime (apiLevel ≥ 2.14, §B.2.14): the load
// name lower-cased, custom definitions preferred, then robot software 7's default versions.
import { pyError } from './errors.ts';
import { engineDefinition } from './protocol-engine.ts';
import type { EngineState } from './state.ts';
import type { LabwareDefinition } from './types.ts';

/** The load names whose default version is 2 from 2.14 (the engine's table); all others default to 1. */
const VERSION_2_BY_DEFAULT: ReadonlySet<string> = new Set([
  'opentrons_24_aluminumblock_generic_2ml_screwcap',
  'opentrons_96_aluminumblock_generic_pcr_strip_200ul',
  'armadillo_96_wellplate_200ul_pcr_full_skirt',
  'biorad_96_wellplate_200ul_pcr',
  'biorad_384_wellplate_50ul',
  'corning_12_wellplate_6.9ml_flat',
  'corning_384_wellplate_112ul_flat',
  'corning_48_wellplate_1.6ml_flat',
  'corning_96_wellplate_360ul_flat',
  'nest_1_reservoir_195ml',
  'nest_96_wellplate_100ul_pcr_full_skirt',
  'nest_96_wellplate_200ul_flat',
  'nest_96_wellplate_2ml_deep',
  'opentrons_96_wellplate_200ul_pcr_full_skirt',
  'corning_6_wellplate_16.8ml_flat',
  'corning_24_wellplate_3.4ml_flat',
]);

/** The default version of a standard load name from 2.14. */
export function defaultLabwareVersion(loadName: string): number {
  return VERSION_2_BY_DEFAULT.has(loadName) ? 2 : 1;
}

export interface LoadLabwareParams {
  loadName: string;
  namespace: string;
  version: number;
}

/**
 * `load_labware_params.resolve`: with both namespace and version given they are used as they are;
 * otherwise the custom definitions the engine has (the upload's and those loaded from a
 * definition) matching the load name and whichever was given decide, and without one the
 * `opentrons` namespace and the default version.
 */
export function resolveLoadParams(st: EngineState, loadNameIn: string, namespace: string | null, version: number | null): LoadLabwareParams {
  const loadName = loadNameIn.toLowerCase();
  if (namespace !== null && version !== null) return { loadName, namespace, version };
  const uris = new Set<string>();
  const matches: LabwareDefinition[] = [];
  for (const d of [...st.custom, ...st.definedLabware]) {
    if (d.parameters.loadName !== loadName) continue;
    if (namespace !== null && d.namespace !== namespace) continue;
    if (version !== null && d.version !== version) continue;
    const uri = `${d.namespace}/${d.parameters.loadName}/${d.version}`;
    if (uris.has(uri)) continue;
    uris.add(uri);
    matches.push(d);
  }
  if (matches.length > 1) throw pyError('AmbiguousLoadLabwareParamsError', `Multiple custom labware associated with load name ${loadName}.`);
  if (matches.length === 1) return { loadName, namespace: matches[0].namespace, version: matches[0].version };
  return { loadName, namespace: namespace ?? 'opentrons', version: version ?? defaultLabwareVersion(loadName) };
}

/** The definition `load_labware(name, …)` loads from 2.14. */
export function engineCoreDefinition(st: EngineState, loadName: string, namespace: string | null, version: number | null): LabwareDefinition {
  const params = resolveLoadParams(st, loadName, namespace, version);
  return engineDefinition(st, params.loadName, params.namespace, params.version);
}
