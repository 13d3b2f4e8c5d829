// Labware definition lookup as robot software 4.7.0 does it (python-protocol-api.md §6.1).
import type { LabwareDefinition } from '../common/index.ts';
import { readSharedJson } from './read.ts';

/** The 60 load names of the `opentrons` namespace that 4.7.0 shipped (spec §13.3). */
export const STANDARD_LOAD_NAMES: ReadonlySet<string> = new Set([
  'agilent_1_reservoir_290ml', 'axygen_1_reservoir_90ml', 'biorad_96_wellplate_200ul_pcr',
  'corning_12_wellplate_6.9ml_flat', 'corning_24_wellplate_3.4ml_flat', 'corning_384_wellplate_112ul_flat',
  'corning_48_wellplate_1.6ml_flat', 'corning_6_wellplate_16.8ml_flat', 'corning_96_wellplate_360ul_flat',
  'eppendorf_96_tiprack_1000ul_eptips', 'eppendorf_96_tiprack_10ul_eptips', 'geb_96_tiprack_1000ul',
  'geb_96_tiprack_10ul', 'nest_12_reservoir_15ml', 'nest_1_reservoir_195ml',
  'nest_96_wellplate_100ul_pcr_full_skirt', 'nest_96_wellplate_200ul_flat', 'nest_96_wellplate_2ml_deep',
  'opentrons_10_tuberack_falcon_4x50ml_6x15ml_conical', 'opentrons_10_tuberack_falcon_4x50ml_6x15ml_conical_acrylic',
  'opentrons_10_tuberack_nest_4x50ml_6x15ml_conical', 'opentrons_15_tuberack_falcon_15ml_conical',
  'opentrons_15_tuberack_nest_15ml_conical', 'opentrons_1_trash_1100ml_fixed', 'opentrons_1_trash_850ml_fixed',
  'opentrons_24_aluminumblock_generic_2ml_screwcap', 'opentrons_24_aluminumblock_nest_0.5ml_screwcap',
  'opentrons_24_aluminumblock_nest_1.5ml_screwcap', 'opentrons_24_aluminumblock_nest_1.5ml_snapcap',
  'opentrons_24_aluminumblock_nest_2ml_screwcap', 'opentrons_24_aluminumblock_nest_2ml_snapcap',
  'opentrons_24_tuberack_eppendorf_1.5ml_safelock_snapcap', 'opentrons_24_tuberack_eppendorf_2ml_safelock_snapcap',
  'opentrons_24_tuberack_eppendorf_2ml_safelock_snapcap_acrylic', 'opentrons_24_tuberack_generic_0.75ml_snapcap_acrylic',
  'opentrons_24_tuberack_generic_2ml_screwcap', 'opentrons_24_tuberack_nest_0.5ml_screwcap',
  'opentrons_24_tuberack_nest_1.5ml_screwcap', 'opentrons_24_tuberack_nest_1.5ml_snapcap',
  'opentrons_24_tuberack_nest_2ml_screwcap', 'opentrons_24_tuberack_nest_2ml_snapcap',
  'opentrons_40_aluminumblock_eppendorf_24x2ml_safelock_snapcap_generic_16x0.2ml_pcr_strip',
  'opentrons_6_tuberack_falcon_50ml_conical', 'opentrons_6_tuberack_nest_50ml_conical',
  'opentrons_96_aluminumblock_biorad_wellplate_200ul', 'opentrons_96_aluminumblock_generic_pcr_strip_200ul',
  'opentrons_96_aluminumblock_nest_wellplate_100ul', 'opentrons_96_filtertiprack_1000ul',
  'opentrons_96_filtertiprack_10ul', 'opentrons_96_filtertiprack_200ul', 'opentrons_96_filtertiprack_20ul',
  'opentrons_96_tiprack_1000ul', 'opentrons_96_tiprack_10ul', 'opentrons_96_tiprack_20ul',
  'opentrons_96_tiprack_300ul', 'opentrons_calibrationblock_short_side_left',
  'opentrons_calibrationblock_short_side_right', 'tipone_96_tiprack_200ul', 'usascientific_12_reservoir_22ml',
  'usascientific_96_wellplate_2.4ml_deep',
]);

export interface LookupFailure {
  type: 'FileNotFoundError' | 'RuntimeError';
  message: string;
}

/** Where a found definition came from: the protocol's own files, the standard set, the lab's library. */
export type LabwareOrigin = 'supportFile' | 'standard' | 'library';

export type LabwareLookup =
  | { ok: true; definition: LabwareDefinition; origin: LabwareOrigin }
  | { ok: false; error: LookupFailure };
/** A standard definition (namespace `opentrons`) restricted to the 4.7.0 set, or null. */
export function standardLabware(loadName: string, version: number): LabwareDefinition | null {
  if (!STANDARD_LOAD_NAMES.has(loadName)) return null;
  // 4.7.0 shipped version 1 of each; later versions in today's package did not exist then.
  if (version !== 1) return null;
  const def = readSharedJson('labware', 'definitions', '2', loadName, `${version}.json`);
  return def === null ? null : (def as LabwareDefinition);
}

/**
 * Robot software 7's built-in library: every `opentrons` definition in today's package, whatever
 * 4.7.0 shipped (JSON protocols of schemas 6–8 load from it).
 */
export function builtInLabware(loadName: string, version: number): LabwareDefinition | null {
  if (!/^[a-z0-9_.]+$/.test(loadName) || !Number.isInteger(version)) return null;
  const def = readSharedJson('labware', 'definitions', '2', loadName, `${version}.json`);
  return def === null ? null : (def as LabwareDefinition);
}

export function labwareUri(def: LabwareDefinition): string {
  return `${def.namespace}/${def.parameters.loadName}/${def.version}`;
}

function notFoundAnywhere(loadName: string, version: number): string {
  return (
    'Unable to find a labware\n' +
    `        definition for "${loadName}",\n` +
    `        version ${version}, in the opentrons namespace.\n` +
    '        Please confirm your protocol includes the correct\n' +
    '        labware spelling and (optionally) the correct version\n' +
    '        number and namespace.\n' +
    '\n' +
    '        If you are referencing a custom labware in your\n' +
    '        protocol, you must add it to your Custom Labware\n' +
    '        Definitions Folder from the Opentrons App before\n' +
    '        uploading your protocol.\n' +
    '        '
  );
}

function matching(
  defs: readonly LabwareDefinition[],
  loadName: string,
  namespace: string | null,
  version: number | null,
): LabwareDefinition[] {
  return defs.filter(
    (d) =>
      d.parameters.loadName === loadName &&
      (namespace === null || d.namespace.toLowerCase() === namespace) &&
      (version === null || d.version === version),
  );
}

/**
 * `load_labware`'s definition search: the upload's custom definitions first (a unique match by
 * load name, namespace and version when given), then the standard set with version defaulting
 * to 1, then the lab's labware library (where 4.7.0 searched its robot-side `custom_beta`
 * folder). The standard set comes before the library, so a library definition can never change
 * what a standard load name means.
 */
export function findLabwareDefinition(
  loadNameIn: string,
  namespaceIn: string | null,
  versionIn: number | null,
  custom: readonly LabwareDefinition[],
  library: readonly LabwareDefinition[] = [],
): LabwareLookup {
  const loadName = loadNameIn.toLowerCase();
  const namespace = namespaceIn === null ? null : namespaceIn.toLowerCase();
  if (custom.length > 0) {
    const matches = matching(custom, loadName, namespace, versionIn);
    if (matches.length === 1) return { ok: true, definition: matches[0], origin: 'supportFile' };
  }
  const version = versionIn ?? 1;
  if (namespace === null || namespace === 'opentrons') {
    const def = standardLabware(loadName, version);
    if (def) return { ok: true, definition: def, origin: 'standard' };
  }
  const inLibrary = namespace === 'opentrons' ? [] : matching(library, loadName, namespace, versionIn);
  if (inLibrary.length === 1) return { ok: true, definition: inLibrary[0], origin: 'library' };
  if (inLibrary.length > 1) {
    const uris = inLibrary.map(labwareUri).sort().join(', ');
    return {
      ok: false,
      error: {
        type: 'RuntimeError',
        message: `Found several definitions for "${loadName}" in the labware library (${uris}); give namespace= and version= to choose one.`,
      },
    };
  }
  if (namespace !== null) {
    return {
      ok: false,
      error: {
        type: 'FileNotFoundError',
        message: `Labware "${loadName}" not found with version ${version} in namespace "${namespace}".`,
      },
    };
  }
  return { ok: false, error: { type: 'FileNotFoundError', message: notFoundAnywhere(loadName, version) } };
}
