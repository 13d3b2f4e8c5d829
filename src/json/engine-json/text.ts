// Text for people: one line per command of a JSON v6–8 protocol, rendered from the command the way
// the Opentrons App does (json-protocols-v6-v8 §9.2). The robot software itself writes no text for
// these protocols; the App fills its templates from the analysis, and so do we, from the engine's
// state. A pure function of the command and the few names it needs (`TextState`).

/** Where a labware is, as the engine keeps it. */
export type TextLocation = { slotName: string } | { moduleId: string } | { labwareId: string } | { addressableAreaName: string } | 'offDeck';

export interface TextLabware {
  /** The protocol's display name for it, if it gave one. */
  displayName: string | null;
  /** The definition's display name (`metadata.displayName`). */
  definitionName: string;
  /** The definition has the `fixedTrash` quirk: the App calls any such labware `Fixed Trash`. */
  fixedTrash: boolean;
  isTipRack: boolean;
  location: TextLocation;
  /** Well names by column, in definition order (a multi-channel pick-up names a range). */
  columns: readonly (readonly string[])[];
}

/** The names a command's text needs, looked up in the run's state; undefined when not loaded. */
export interface TextState {
  labware(labwareId: string): TextLabware | undefined;
  pipette(pipetteId: string): { displayName: string; channels: number } | undefined;
  module(moduleId: string): { model: string; slot: string } | undefined;
  liquid(liquidId: string): { displayName: string } | undefined;
}

/** A command as the executor has it after translation. */
export interface TextCommand {
  commandType: string;
  params: Record<string, unknown>;
}

/** The App's module names (shared-data's module definitions, `displayName`). */
const MODULE_NAMES: Readonly<Record<string, string>> = {
  temperatureModuleV1: 'Temperature Module GEN1',
  temperatureModuleV2: 'Temperature Module GEN2',
  magneticModuleV1: 'Magnetic Module GEN1',
  magneticModuleV2: 'Magnetic Module GEN2',
  thermocyclerModuleV1: 'Thermocycler Module',
  thermocyclerModuleV2: 'Thermocycler Module GEN2',
  heaterShakerModuleV1: 'Heater-Shaker Module GEN1',
  magneticBlockV1: 'Magnetic Block GEN1',
};

export function moduleDisplayName(model: string): string {
  return MODULE_NAMES[model] ?? model;
}

/** A thermocycler covers several slots; the App then names the module alone (its plural form). */
function occludesSlots(model: string): boolean {
  return model.startsWith('thermocycler');
}

/** Numbers as JavaScript prints them: `5.0` is `5`. */
function num(value: unknown): string {
  return typeof value === 'number' ? String(value) : String(value ?? '');
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function obj(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function celsius(value: unknown): string {
  return `${num(value)}°C`;
}

/** The App's name for a labware: `Fixed Trash` for trash definitions, else its display name. */
function labwareName(state: TextState, labwareId: unknown): string {
  const lw = state.labware(str(labwareId));
  if (lw === undefined) return str(labwareId);
  if (lw.fixedTrash) return 'Fixed Trash';
  return lw.displayName ?? lw.definitionName;
}

function moduleInSlot(state: TextState, moduleId: string): string {
  const mod = state.module(moduleId);
  if (mod === undefined) return moduleId;
  const name = moduleDisplayName(mod.model);
  return occludesSlots(mod.model) ? name : `${name} in Slot ${mod.slot}`;
}

/** `Slot 3`, `Temperature Module GEN2 in Slot 1`, `Thermocycler Module`, `off deck`, or an adapter's place. */
function locationText(state: TextState, location: unknown): string {
  if (location === 'offDeck') return 'off deck';
  const loc = obj(location);
  if (typeof loc.slotName === 'string') return `Slot ${loc.slotName}`;
  if (typeof loc.moduleId === 'string') return moduleInSlot(state, loc.moduleId);
  if (typeof loc.addressableAreaName === 'string') return areaName(loc.addressableAreaName);
  if (typeof loc.labwareId === 'string') {
    const below = state.labware(loc.labwareId);
    const name = labwareName(state, loc.labwareId);
    if (below === undefined) return name;
    const under = below.location;
    if (typeof under === 'object' && 'moduleId' in under) return `${name} on ${moduleInSlot(state, under.moduleId)}`;
    return `${name} in ${locationText(state, under)}`;
  }
  return '';
}

function labwareLocation(state: TextState, labwareId: unknown): string {
  const lw = state.labware(str(labwareId));
  return lw === undefined ? '' : locationText(state, lw.location);
}

/** An addressable area as the App names it: the OT-2 trash, or a slot. */
function areaName(name: string): string {
  if (name === 'fixedTrash') return 'Fixed Trash';
  if (/^\d+$/.test(name)) return `Slot ${name}`;
  return name;
}

/** The wells a pick-up takes: one well, or (multi-channel) the column from it down, `A1 - H1`. */
function wellRange(state: TextState, params: Record<string, unknown>): string {
  const well = str(params.wellName);
  const channels = state.pipette(str(params.pipetteId))?.channels ?? 1;
  const lw = state.labware(str(params.labwareId));
  if (channels === 1 || lw === undefined) return well;
  const column = lw.columns.find((c) => c.includes(well));
  if (column === undefined) return well;
  const from = column.indexOf(well);
  const last = column[Math.min(column.length - 1, from + channels - 1)];
  return last === well ? well : `${well} - ${last}`;
}

function pipetteName(state: TextState, pipetteId: unknown): string {
  return state.pipette(str(pipetteId))?.displayName ?? str(pipetteId);
}

function loadLabwareText(state: TextState, params: Record<string, unknown>): string {
  // A load that failed names what the protocol asked for.
  const loaded = state.labware(str(params.labwareId)) !== undefined;
  const name = loaded ? labwareName(state, params.labwareId) : str(params.displayName) || str(params.loadName);
  const location = params.location;
  if (location === 'offDeck') return `Load ${name} off deck`;
  const loc = obj(location);
  if (typeof loc.moduleId === 'string') {
    const mod = state.module(loc.moduleId);
    if (mod !== undefined && occludesSlots(mod.model)) return `Load ${name} in ${moduleDisplayName(mod.model)}`;
    if (mod !== undefined) return `Load ${name} in ${moduleDisplayName(mod.model)} in Slot ${mod.slot}`;
  }
  if (typeof loc.labwareId === 'string') return `Load ${name} in ${locationText(state, loc)}`;
  if (typeof loc.addressableAreaName === 'string') return `Load ${name} in ${areaName(loc.addressableAreaName)}`;
  return `Load ${name} in Slot ${str(loc.slotName)}`;
}

function profileText(params: Record<string, unknown>): string {
  const steps = Array.isArray(params.profile) ? params.profile.map(obj) : [];
  // The App's header counts the steps as repetitions, then lists each step (one line here).
  const header = `Thermocycler starting ${steps.length} repetitions of cycle composed of the following steps:`;
  return [header, ...steps.map((s) => `temperature: ${celsius(s.celsius)}, seconds: ${num(s.holdSeconds)}`)].join(' ');
}

/** The line a person reads for one command, from the command and the state it refers to. */
export function commandText(command: TextCommand, state: TextState): string {
  const p = command.params;
  const well = str(p.wellName);
  switch (command.commandType) {
    case 'home':
      return 'Homing all gantry, pipette, and plunger axes';
    case 'loadPipette': {
      // A load that failed names the model the protocol asked for.
      const name = state.pipette(str(p.pipetteId))?.displayName ?? str(p.pipetteName);
      return `Load ${name} in ${str(p.mount) === 'right' ? 'Right' : 'Left'} Mount`;
    }
    case 'loadModule': {
      const model = state.module(str(p.moduleId))?.model ?? str(p.model);
      return `Load ${moduleDisplayName(model)} in Slot ${str(obj(p.location).slotName)}`;
    }
    case 'loadLabware':
      return loadLabwareText(state, p);
    case 'loadLiquid':
      return `Load ${state.liquid(str(p.liquidId))?.displayName ?? str(p.liquidId)} into ${labwareName(state, p.labwareId)}`;
    case 'aspirate':
      return `Aspirating ${num(p.volume)} µL from well ${well} of ${labwareName(state, p.labwareId)} in ${labwareLocation(state, p.labwareId)} at ${num(p.flowRate)} µL/sec`;
    case 'dispense': {
      const text = `Dispensing ${num(p.volume)} µL into well ${well} of ${labwareName(state, p.labwareId)} in ${labwareLocation(state, p.labwareId)} at ${num(p.flowRate)} µL/sec`;
      return typeof p.pushOut === 'number' ? `${text} and pushing out ${num(p.pushOut)} µL` : text;
    }
    case 'blowout':
      return `Blowing out at well ${well} of ${labwareName(state, p.labwareId)} in ${labwareLocation(state, p.labwareId)} at ${num(p.flowRate)} µL/sec`;
    case 'aspirateInPlace':
      // The App's template ends with a space.
      return `Aspirating ${num(p.volume)} µL in place at ${num(p.flowRate)} µL/sec `;
    case 'dispenseInPlace':
      return `Dispensing ${num(p.volume)} µL in place at ${num(p.flowRate)} µL/sec`;
    case 'blowOutInPlace':
      return `Blowing out in place at ${num(p.flowRate)} µL/sec`;
    case 'pickUpTip':
      return `Picking up tip(s) from ${wellRange(state, p)} of ${labwareName(state, p.labwareId)} in ${labwareLocation(state, p.labwareId)}`;
    case 'dropTip': {
      const lw = state.labware(str(p.labwareId));
      if (lw?.isTipRack === true) return `Returning tip to ${well} of ${labwareName(state, p.labwareId)} in ${labwareLocation(state, p.labwareId)}`;
      return `Dropping tip in ${well} of ${labwareName(state, p.labwareId)}`;
    }
    case 'dropTipInPlace':
      return 'Dropping tip in place';
    case 'moveToWell':
      return `Moving to well ${well} of ${labwareName(state, p.labwareId)} in ${labwareLocation(state, p.labwareId)}`;
    case 'moveToAddressableArea':
    case 'moveToAddressableAreaForDropTip':
      return `Moving to ${areaName(str(p.addressableAreaName))}`;
    case 'moveToCoordinates': {
      const c = obj(p.coordinates);
      return `Moving to (X: ${num(c.x)}, Y: ${num(c.y)}, Z: ${num(c.z)})`;
    }
    case 'moveRelative':
      return `Moving ${num(p.distance)} mm along ${str(p.axis)} axis`;
    case 'touchTip':
      return 'Touching tip';
    case 'savePosition':
      return 'Saving position';
    case 'moveLabware': {
      const lw = state.labware(str(p.labwareId));
      const from = lw === undefined ? '' : locationText(state, lw.location);
      const verb = p.strategy === 'usingGripper' ? 'Moving' : 'Manually move';
      const how = p.strategy === 'usingGripper' ? ' using gripper' : '';
      return `${verb} ${labwareName(state, p.labwareId)}${how} from ${from} to ${locationText(state, p.newLocation)}`;
    }
    case 'waitForDuration':
      return `Pausing for ${num(p.seconds)} seconds. ${str(p.message)}`;
    case 'waitForResume':
    case 'pause':
      return str(p.message) !== '' ? str(p.message) : 'Pausing protocol';
    case 'configureForVolume':
      return `Configure ${pipetteName(state, p.pipetteId)} to aspirate ${num(p.volume)} µL`;
    case 'temperatureModule/setTargetTemperature':
      return `Setting Temperature Module to ${celsius(p.celsius)} (rounded to nearest integer)`;
    case 'temperatureModule/waitForTemperature': {
      // With no temperature given the module waits for its own target.
      const target = typeof p.celsius === 'number' ? ` to reach ${celsius(p.celsius)}` : ' to reach target temperature';
      return `Waiting for Temperature Module${target}`;
    }
    case 'temperatureModule/deactivate':
      return 'Deactivating Temperature Module';
    case 'magneticModule/engage':
      return 'Engaging Magnetic Module';
    case 'magneticModule/disengage':
      return 'Disengaging Magnetic Module';
    case 'thermocycler/openLid':
      return 'Opening Thermocycler lid';
    case 'thermocycler/closeLid':
      return 'Closing Thermocycler lid';
    case 'thermocycler/setTargetBlockTemperature':
      return `Setting Thermocycler block temperature to ${celsius(p.celsius)} with hold time of ${num(p.holdTimeSeconds ?? 0)} seconds after target reached`;
    case 'thermocycler/setTargetLidTemperature':
      return `Setting Thermocycler lid temperature to ${celsius(p.celsius)}`;
    case 'thermocycler/waitForBlockTemperature':
      return 'Waiting for Thermocycler block to reach target temperature and holding for specified time';
    case 'thermocycler/waitForLidTemperature':
      return 'Waiting for Thermocycler lid to reach target temperature';
    case 'thermocycler/deactivateBlock':
      return 'Deactivating Thermocycler block';
    case 'thermocycler/deactivateLid':
      return 'Deactivating Thermocycler lid';
    case 'thermocycler/runProfile':
      return profileText(p);
    case 'heaterShaker/setTargetTemperature':
      return `Setting Target Temperature of Heater-Shaker to ${celsius(p.celsius)}`;
    case 'heaterShaker/waitForTemperature':
      return 'Waiting for Heater-Shaker to reach target temperature';
    case 'heaterShaker/setAndWaitForShakeSpeed':
      return `Setting Heater-Shaker to shake at ${num(p.rpm)} rpm and waiting until reached`;
    case 'heaterShaker/deactivateShaker':
      return 'Deactivating shaker';
    case 'heaterShaker/deactivateHeater':
      return 'Deactivating heater';
    case 'heaterShaker/closeLabwareLatch':
      return 'Latching labware on Heater-Shaker';
    case 'heaterShaker/openLabwareLatch':
      return 'Unlatching labware on Heater-Shaker';
    case 'comment':
      // The App has no case for it (it would print the command's JSON); a person wants the message.
      return str(p.message);
    case 'custom':
      return typeof p.legacyCommandText === 'string' ? p.legacyCommandText : `custom: ${JSON.stringify(p)}`;
    default:
      // The App's fallback: the command as JSON.
      return JSON.stringify({ commandType: command.commandType, params: p });
  }
}

/**
 * The run-log name of a command's entry. Where a v3–5 or Python command means the same to the
 * robot (a tip on or off, a pause for the operator) it has that command's name, which is what the
 * session's robot backend goes by; any other is `command.` and the engine's command type.
 */
export function entryName(command: TextCommand): string {
  switch (command.commandType) {
    case 'pickUpTip':
      return 'command.PICK_UP_TIP';
    case 'dropTip':
    case 'dropTipInPlace':
      return 'command.DROP_TIP';
    case 'waitForResume':
    case 'pause':
      return 'command.PAUSE';
    case 'moveLabware':
      // A manual move with a pause holds the run until the operator resumes (§7.5).
      return command.params.strategy === 'manualMoveWithPause' ? 'command.PAUSE' : 'command.moveLabware';
    default:
      return `command.${command.commandType}`;
  }
}
