// Every API-level rule as data: the levels this engine runs, the Python members added after 2.0
// (refused below their level with APIVersionError), and each behaviour that changed with a level.
// Both languages read these: the engine directly, the Python package from the table the host sends.

/** An API level, `[major, minor]`. */
export type ApiLevel = readonly [number, number];

export const MIN_SUPPORTED_VERSION: ApiLevel = [2, 0];
export const MAX_SUPPORTED_VERSION: ApiLevel = [2, 19];
/** The highest level of robot software 4.7.0: levels up to it behave exactly as 4.7.0 did. */
export const LEVEL_OF_4_7: ApiLevel = [2, 11];

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
  // Robot software 7.5.0 (python-protocol-api 2.12–2.19, Part F.1).
  'Labware.set_offset': { addedIn: [2, 12] },
  'HeaterShakerContext.target_temperature': { addedIn: [2, 13] },
  'HeaterShakerContext.current_temperature': { addedIn: [2, 13] },
  'HeaterShakerContext.current_speed': { addedIn: [2, 13] },
  'HeaterShakerContext.target_speed': { addedIn: [2, 13] },
  'HeaterShakerContext.temperature_status': { addedIn: [2, 13] },
  'HeaterShakerContext.speed_status': { addedIn: [2, 13] },
  'HeaterShakerContext.labware_latch_status': { addedIn: [2, 13] },
  'HeaterShakerContext.set_target_temperature': { addedIn: [2, 13] },
  'HeaterShakerContext.wait_for_temperature': { addedIn: [2, 13] },
  'HeaterShakerContext.set_and_wait_for_temperature': { addedIn: [2, 13] },
  'HeaterShakerContext.set_and_wait_for_shake_speed': { addedIn: [2, 13] },
  'HeaterShakerContext.open_labware_latch': { addedIn: [2, 13] },
  'HeaterShakerContext.close_labware_latch': { addedIn: [2, 13] },
  'HeaterShakerContext.deactivate_shaker': { addedIn: [2, 13] },
  'HeaterShakerContext.deactivate_heater': { addedIn: [2, 13] },
  'ProtocolContext.define_liquid': { addedIn: [2, 14] },
  'Well.load_liquid': { addedIn: [2, 14] },
  'ModuleContext.model': { addedIn: [2, 14] },
  'ModuleContext.type': { addedIn: [2, 14] },
  'ModuleContext.parent': { addedIn: [2, 14] },
  'TemperatureModuleContext.serial_number': { addedIn: [2, 14] },
  'MagneticModuleContext.serial_number': { addedIn: [2, 14] },
  'ThermocyclerContext.serial_number': { addedIn: [2, 14] },
  'HeaterShakerContext.serial_number': { addedIn: [2, 14] },
  'ProtocolContext.move_labware': { addedIn: [2, 15] },
  'ProtocolContext.load_adapter': { addedIn: [2, 15] },
  'ProtocolContext.load_adapter_from_definition': { addedIn: [2, 15] },
  'ModuleContext.load_adapter': { addedIn: [2, 15] },
  'ModuleContext.load_adapter_from_definition': { addedIn: [2, 15] },
  'Labware.child': { addedIn: [2, 15] },
  'Labware.is_adapter': { addedIn: [2, 15] },
  'Labware.load_labware': { addedIn: [2, 15] },
  'Labware.load_labware_from_definition': { addedIn: [2, 15] },
  'InstrumentContext.configure_for_volume': { addedIn: [2, 15] },
  'ProtocolContext.load_trash_bin': { addedIn: [2, 16] },
  'ProtocolContext.load_waste_chute': { addedIn: [2, 16] },
  'InstrumentContext.prepare_to_aspirate': { addedIn: [2, 16] },
  'InstrumentContext.configure_nozzle_layout': { addedIn: [2, 16] },
  'InstrumentContext.active_channels': { addedIn: [2, 16] },
  'ProtocolContext.params': { addedIn: [2, 18] },
  'TrashBin.top': { addedIn: [2, 18] },
  'InstrumentContext._retract': { addedIn: [2, 18] },
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
  // Robot software 7.5.0 (python-protocol-api 2.12–2.19, Part F.2). Levels up to 2.11 keep 4.7.0.
  /**
   * What 7.5.0 changed at every level (Part A): modules named with their generation, no nested
   * `Moving to` under lid moves, literal braces, nesting restored after a caught error, the new
   * error texts and deck-conflict checker. Here from 2.12, since 2.0–2.11 stay 4.7.0.
   */
  release7: { addedIn: [2, 12] },
  /** Module locations refused for aspirate/dispense; plunger prepared at pick-up (`prep_after`). */
  moduleLocationsRefused: { addedIn: [2, 13] },
  /** The Protocol Engine runtime: `on slot N`, newest labware versions, engine errors (Part D). */
  engineCore: { addedIn: [2, 14] },
  /** Adapters, stacking, manual `move_labware`, `OFF_DECK`, coordinate slots, alternating drops. */
  labwareMovement: { addedIn: [2, 15] },
  /** The fixed trash is a `TrashBin`; volume 0 means 0. */
  trashBin: { addedIn: [2, 16] },
  /** Dispensing more than the tip holds is refused (InvalidDispenseVolumeError). */
  dispenseVolumeChecked: { addedIn: [2, 17] },
  /** Runtime parameters; an explicit `drop_tip(trash_bin)` no longer alternates; `set_offset` back. */
  runtimeParameters: { addedIn: [2, 18] },
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
