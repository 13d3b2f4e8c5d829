// Every API-level rule as data: the levels this engine runs, the Python members added after 2.0
// (refused below their level with APIVersionError), and each behaviour that changed with a level.
// Both languages read these: the engine directly, the Python package from the table the host sends.

/** An API level, `[major, minor]`. */
export type ApiLevel = readonly [number, number];

export const MIN_SUPPORTED_VERSION: ApiLevel = [2, 0];
export const MAX_SUPPORTED_VERSION: ApiLevel = [2, 11];

export interface Gate {
  /** The first level with the member or behaviour. */
  readonly addedIn: ApiLevel;
  /** The first level without it (none of the 2.0–2.11 members was removed). */
  readonly removedIn?: ApiLevel;
}

/**
 * Python API members added after 2.0, by qualified name (`Class.member`): below `addedIn` they
 * raise APIVersionError with the text of `versionErrorText`.
 */
export const MEMBERS = {
  'ProtocolContext.rail_lights_on': { addedIn: [2, 5] },
  'ProtocolContext.door_closed': { addedIn: [2, 5] },
  'ProtocolContext.set_rail_lights': { addedIn: [2, 5] },
  'InstrumentContext.has_tip': { addedIn: [2, 7] },
  'InstrumentContext.return_height': { addedIn: [2, 2] },
  'InstrumentContext.pair_with': { addedIn: [2, 7] },
  'ModuleContext.load_labware_by_name': { addedIn: [2, 1] },
  'TemperatureModuleContext.status': { addedIn: [2, 3] },
  'TemperatureModuleContext.start_set_temperature': { addedIn: [2, 3] },
  'TemperatureModuleContext.await_temperature': { addedIn: [2, 3] },
} as const satisfies Record<string, Gate>;

export type MemberName = keyof typeof MEMBERS;

/** Behaviours that changed with a level, each named for what the newer levels do. */
export const FEATURES = {
  /** `module.load_labware` takes label, namespace and version (2.0 only logs a warning). */
  moduleLoadLabwareArguments: { addedIn: [2, 1] },
  /** `height_from_base` of a magnetic module engage is honoured. */
  magnetHeightFromBase: { addedIn: [2, 2] },
  /** Tips drop into a tip rack at the return height, and the rack does not get the tip back. */
  dropTipAtReturnHeight: { addedIn: [2, 2] },
  /** A 384-well plate's first two rows count as the first row for multi-channel transfers. */
  multiChannelFirstTwoRowsOf384: { addedIn: [2, 2] },
  /** A transfer whose wells a multi-channel pipette cannot reach is refused. */
  multiChannelUnreachableWellsRefused: { addedIn: [2, 2] },
  /** Module definitions of schema 2 (positions and heights of the newer geometry). */
  moduleDefinitionsV2: { addedIn: [2, 3] },
  /** A magnetic engage from the labware's height uses the labware's millimetre quirk. */
  magnetEngageHeightInMillimetres: { addedIn: [2, 3] },
  /** Aspirating from an empty pipette skips the move to the well top when the plunger is ready. */
  aspirateKeepsReadyPlunger: { addedIn: [2, 3] },
  /** `return_tip` goes to the return height above the well, not 10 mm above its bottom. */
  returnTipAtReturnHeight: { addedIn: [2, 3] },
  /** `load_module` takes a configuration (a thermocycler's `semi`). */
  moduleConfiguration: { addedIn: [2, 4] },
  /** `touch_tip` speed may go down to 1 mm/s (from 20), honours `v_offset`, and skips sides at a labware's edge. */
  touchTipV2: { addedIn: [2, 4] },
  /** `blowout_location` of transfer, distribute and consolidate. */
  blowoutLocation: { addedIn: [2, 8] },
  /** Zero volumes in distribute and consolidate are skipped. */
  skipZeroVolumes: { addedIn: [2, 8] },
  /** A pipette plans its arc from the location cache only if it was the one that moved last. */
  arcsFromOwnMountOnly: { addedIn: [2, 10] },
  /** Aspirating from or dispensing to a tip rack or the trash is refused. */
  liquidOnlyInWells: { addedIn: [2, 11] },
} as const satisfies Record<string, Gate>;

export type FeatureName = keyof typeof FEATURES;

export function levelAtLeast(level: ApiLevel, [major, minor]: ApiLevel): boolean {
  return level[0] > major || (level[0] === major && level[1] >= minor);
}

/** Whether a gate is open at a level. */
export function gateOpen(level: ApiLevel, gate: Gate): boolean {
  return levelAtLeast(level, gate.addedIn) && (gate.removedIn === undefined || !levelAtLeast(level, gate.removedIn));
}

/** The APIVersionError text of a member used below its level. */
export function versionErrorText(qualifiedName: string, [major, minor]: ApiLevel, level: ApiLevel): string {
  return `${qualifiedName} was added in ${major}.${minor}, but your protocol requested version ${level[0]}.${level[1]}. You must increase your API version to ${major}.${minor} to use this functionality.`;
}

/** Every behaviour gate decided for one level. */
export function featuresAt(level: ApiLevel): Record<FeatureName, boolean> {
  const decided = {} as Record<FeatureName, boolean>;
  for (const name of Object.keys(FEATURES) as FeatureName[]) decided[name] = gateOpen(level, FEATURES[name]);
  return decided;
}
