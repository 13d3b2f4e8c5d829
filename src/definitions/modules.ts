// Module definitions (v1 below apiLevel 2.3, v2 from it) and the load-name aliases of spec §9.1.
import type { ModuleModel, ModuleType, Point } from '../common/index.ts';
import { readSharedJson } from './read.ts';

/** Exact model names (case-sensitive), in the order the name errors list them. */
export const MODULE_MODELS: readonly ModuleModel[] = [
  'magneticModuleV1', 'magneticModuleV2', 'temperatureModuleV1', 'temperatureModuleV2', 'thermocyclerModuleV1',
];

/** Robot software 7.5.0's models: the thermocycler GEN2 and the Heater-Shaker besides 4.7.0's. */
const RELEASE7_MODELS: readonly ModuleModel[] = [...MODULE_MODELS, 'thermocyclerModuleV2', 'heaterShakerModuleV1'];

/** The Flex's magnetic block: 7.5.0's name error lists it, though no OT-2 slot takes it. */
export const MAGNETIC_BLOCK = 'magneticBlockV1';

/** Load names, ignoring case. */
const ALIASES: Readonly<Record<string, ModuleModel>> = {
  magdeck: 'magneticModuleV1',
  'magnetic module': 'magneticModuleV1',
  'magnetic module gen2': 'magneticModuleV2',
  tempdeck: 'temperatureModuleV1',
  'temperature module': 'temperatureModuleV1',
  'temperature module gen2': 'temperatureModuleV2',
  thermocycler: 'thermocyclerModuleV1',
  'thermocycler module': 'thermocyclerModuleV1',
};

const RELEASE7_ALIASES: Readonly<Record<string, ModuleModel>> = { ...ALIASES, 'thermocycler module gen2': 'thermocyclerModuleV2' };

/**
 * Exact model names (case-sensitive) or aliases (case-insensitive); null when unknown.
 * `release7`: robot software 7.5.0's names (the Python API from 2.12), else 4.7.0's.
 */
export function resolveModuleName(name: string, release7 = false): ModuleModel | null {
  if (((release7 ? RELEASE7_MODELS : MODULE_MODELS) as readonly string[]).includes(name)) return name as ModuleModel;
  return (release7 ? RELEASE7_ALIASES : ALIASES)[name.toLowerCase()] ?? null;
}

const quoted = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

/** The error for an unknown module name, listing the names that load (4.7.0's or 7.5.0's, as above). */
export function moduleNameErrorText(name: string, release7 = false): string {
  if (release7) {
    return (
      `${name} is not a valid module load name.\n` +
      `Valid names (ignoring case): ${quoted(Object.keys(RELEASE7_ALIASES))}\n` +
      `You may also use their exact models: ${quoted([...RELEASE7_MODELS, MAGNETIC_BLOCK])}`
    );
  }
  return (
    `${name} is not a valid module load name.\n` +
    `Valid names (ignoring case): ${quoted(Object.keys(ALIASES))}\n` +
    `You can also refer to modules by their exact model: ${quoted(MODULE_MODELS)}`
  );
}

export interface ModuleSpec {
  model: ModuleModel;
  type: ModuleType;
  /** Display name as of the apiLevel (`Magnetic Module` below 2.3, `Magnetic Module GEN1` from it). */
  displayName: string;
  /** `Magnetic Module`, `Temperature Module`, `Thermocycler` — used in slot errors. */
  typeDisplay: string;
  labwareOffset: Point;
  /** Mirrored x transform for slots 3, 6, 9 (GEN2 magnetic/temperature), as [a, c] in x' = a·x + c. */
  slotXTransform: Readonly<Record<string, readonly [number, number]>>;
  overallHeight: number;
  overLabwareHeight: number;
  lidHeight: number;
  compatibleWith: readonly ModuleModel[];
}

const TYPES: Record<ModuleModel, ModuleType> = {
  magneticModuleV1: 'magneticModuleType',
  magneticModuleV2: 'magneticModuleType',
  temperatureModuleV1: 'temperatureModuleType',
  temperatureModuleV2: 'temperatureModuleType',
  thermocyclerModuleV1: 'thermocyclerModuleType',
  heaterShakerModuleV1: 'heaterShakerModuleType',
  thermocyclerModuleV2: 'thermocyclerModuleType',
};
const V1_KEYS: Partial<Record<ModuleModel, string>> = {
  magneticModuleV1: 'magdeck',
  temperatureModuleV1: 'tempdeck',
  thermocyclerModuleV1: 'thermocycler',
};
const TYPE_DISPLAY: Record<ModuleType, string> = {
  magneticModuleType: 'Magnetic Module',
  temperatureModuleType: 'Temperature Module',
  thermocyclerModuleType: 'Thermocycler',
  heaterShakerModuleType: 'Heater-Shaker Module',
};

interface RawModuleDef {
  displayName: string;
  labwareOffset: Point;
  dimensions: { bareOverallHeight: number; overLabwareHeight: number; lidHeight?: number };
  slotTransforms?: Record<string, Record<string, { labwareOffset: number[][] }>>;
  compatibleWith?: ModuleModel[];
}

const cache = new Map<string, ModuleSpec | null>();

/** The module's definition; `v1` selects the pre-2.3 definitions (GEN1 only: null for GEN2). */
export function moduleSpec(model: ModuleModel, v1: boolean): ModuleSpec | null {
  const key = `${model}:${v1}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  let raw: RawModuleDef | null = null;
  if (v1) {
    const k = V1_KEYS[model];
    const all = readSharedJson('module', 'definitions', '1.json') as Record<string, RawModuleDef>;
    raw = k ? (all[k] ?? null) : null;
  } else {
    // The Heater-Shaker and the thermocycler GEN2 came after definitions 2: theirs are of schema 3 (same fields).
    const schema = model === 'heaterShakerModuleV1' || model === 'thermocyclerModuleV2' ? '3' : '2';
    raw = readSharedJson('module', 'definitions', schema, `${model}.json`) as RawModuleDef | null;
  }
  let spec: ModuleSpec | null = null;
  if (raw) {
    const xf: Record<string, readonly [number, number]> = {};
    for (const [slot, t] of Object.entries(raw.slotTransforms?.ot2_standard ?? {})) {
      xf[slot] = [t.labwareOffset[0][0], t.labwareOffset[0][2]];
    }
    spec = {
      model,
      type: TYPES[model],
      displayName: raw.displayName,
      typeDisplay: TYPE_DISPLAY[TYPES[model]],
      labwareOffset: raw.labwareOffset,
      slotXTransform: xf,
      overallHeight: raw.dimensions.bareOverallHeight,
      overLabwareHeight: raw.dimensions.overLabwareHeight,
      lidHeight: raw.dimensions.lidHeight ?? 0,
      compatibleWith: raw.compatibleWith ?? [],
    };
  }
  cache.set(key, spec);
  return spec;
}

/**
 * The display name robot software 7.5.0 gives a model at every level: always with its generation
 * (`Thermocycler Module GEN1`), as the module definitions of schema 3 name it.
 */
export function moduleDisplayNameWithGeneration(model: ModuleModel): string {
  const raw = readSharedJson('module', 'definitions', '3', `${model}.json`) as RawModuleDef | null;
  return raw?.displayName ?? model;
}

/** A GEN2 model's display name, for the "does not support the module" error below 2.3. */
export function moduleV2DisplayName(model: ModuleModel): string {
  return moduleSpec(model, false)?.displayName ?? model;
}
