// The Protocol Engine's rules for JSON protocols of schemas 6–8 (robot software 7.x), in one place:
// loads that keep the protocol's own ids, the engine's placement and lookup errors, and well
// locations `{origin, offset}`. Commands in the engine's form call these before the shared
// implementations (motion, pipetting, tips), which then do the moving and the bookkeeping.
import { builtInLabware, labwareUri } from '../definitions/index.ts';
import { findDefinition, noteCustomLabware } from './deck.ts';
import { engineError } from './errors.ts';
import { deckSlotText, floatText, labwareNotFound, moduleOccupied, moduleSlotRefused, pythonException, requireTip, slotOccupied, thermocyclerNotOpen } from './engine-errors.ts';
import type { ProtocolApiError } from './errors.ts';
import { buildLabware, labwareInfo, withTips } from './labware.ts';
import type { LabwareState, TipPresence, WellState } from './labware.ts';
import { loadInstrument } from './instruments.ts';
import { wellPoint } from './locations.ts';
import { loadHeaterShaker, loadModule } from './modules.ts';
import { forgetLocation } from './motion.ts';
import { applyUpdate } from './stores/index.ts';
import { checkHeaterShakerMove } from './heater-shaker.ts';
import { FLEX_PIPETTE_REFUSED } from './flex-only.ts';
import { checkArea, useArea } from './addressable-areas.ts';
import { loadThermocyclerGen2 } from './thermocycler-gen2.ts';
import type { EngineEquipment } from '../common/index.ts';
import type { EngineState, LoadedModule, LoadedPipette } from './state.ts';
import type { LabwareDefinition, LabwareInfo, LocationArg, ModuleInfo, PipetteInfo, Point } from './types.ts';

export { engineError, deckSlotText, floatText, pythonException, requireTip };

/** The Flex's calibration commands on an OT-2 (§7.8). */
export function otThreeOnly(): ProtocolApiError {
  return engineError('HardwareNotSupportedError', 'This command is supported by OT-3 only.');
}


/** Python's repr of a short string key, as a KeyError prints it. */
function keyRepr(key: string): string {
  return `'${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}


// ───────────────────────────── lookups ─────────────────────────────

export function engineLabware(st: EngineState, labwareId: string): LabwareState {
  const lw = st.labware.get(labwareId);
  if (lw === undefined) throw engineError('LabwareNotLoadedError', `Labware ${labwareId} not found.`);
  return lw;
}

export function engineWell(lw: LabwareState, wellName: string): WellState {
  const w = lw.byName.get(wellName);
  if (w === undefined) throw engineError('WellDoesNotExistError', `${wellName} does not exist in ${lw.id}.`);
  return w;
}

export function engineModule(st: EngineState, moduleId: string): LoadedModule {
  const m = st.modules.get(moduleId);
  if (m === undefined) throw engineError('ModuleNotLoadedError', `Module ${moduleId} not found.`);
  return m;
}

/**
 * A pipette by id. The engine's own words differ by command: most look it up in a plain dict
 * (`KeyError: 'nope'`); liquid handling asks for the attached tip first.
 */
export function enginePipette(st: EngineState, pipetteId: string, style: 'key' | 'tip' = 'key'): LoadedPipette {
  const p = st.pipettes.get(pipetteId);
  if (p !== undefined) return p;
  if (style === 'tip') throw engineError('PipetteNotLoadedError', `Pipette ${pipetteId} no found; unable to get attached tip.`);
  throw pythonException('KeyError', keyRepr(pipetteId));
}


// ───────────────────────────── well locations ─────────────────────────────

export type WellOrigin = 'top' | 'bottom' | 'center' | 'default';

export interface WellLocationParams {
  origin?: WellOrigin | null;
  offset?: { x?: number | null; y?: number | null; z?: number | null } | null;
}

/** Params that name a well the engine's way. */
export interface WellTargetParams {
  /** The pipette that moves there (the Heater-Shaker's rules depend on its channels). */
  pipetteId?: string;
  labwareId: string;
  wellName: string;
  wellLocation?: WellLocationParams | null;
}

/** Whether a command's params use the engine's form (`labwareId` + `wellName`) rather than a 4.x location. */
export function isWellTarget(params: object): params is WellTargetParams {
  return 'labwareId' in params && 'wellName' in params && typeof (params as { labwareId: unknown }).labwareId === 'string';
}

export interface WellTarget {
  lw: LabwareState;
  well: WellState;
  point: Point;
  /** The point as a 4.x location argument, for the shared implementations. */
  location: LocationArg;
}

/**
 * `{origin, offset}` on a well: top (default), bottom, or center (halfway), plus the offset in
 * deck axes. `default` is the drop-tip origin: the top, except in a tip rack, where the tip goes
 * back to its return height (`tipLengthFactor`: the pipette's return-tip height × the rack's tip length).
 */
export function wellLocationPoint(well: WellState, location: WellLocationParams | null | undefined, defaultDrop = 0): Point {
  const origin = location?.origin ?? 'top';
  const off = { x: location?.offset?.x ?? 0, y: location?.offset?.y ?? 0, z: location?.offset?.z ?? 0 };
  switch (origin) {
    case 'bottom':
      return wellPoint(well, 'bottom', off);
    case 'center':
      return wellPoint(well, 'top', { x: off.x, y: off.y, z: off.z - well.depth / 2 });
    case 'default':
      return wellPoint(well, 'top', { x: off.x, y: off.y, z: off.z - defaultDrop });
    case 'top':
      return wellPoint(well, 'top', off);
  }
}

/** The one resolution of an engine-form well target: labware, well, and the point to go to. */
export function resolveWellTarget(st: EngineState, params: WellTargetParams, defaultDrop = 0): WellTarget {
  const lw = engineLabware(st, params.labwareId);
  const well = engineWell(lw, params.wellName);
  checkReachable(st, lw, params.pipetteId === undefined ? undefined : st.pipettes.get(params.pipetteId));
  const point = wellLocationPoint(well, params.wellLocation, defaultDrop);
  return { lw, well, point, location: { kind: 'location', point, ref: { kind: 'well', labwareId: lw.id, wellName: well.name } } };
}

/** The engine's rules for any move into a labware: on the deck, and out of a thermocycler only with its lid open. */
export function checkReachable(st: EngineState, lw: LabwareState, pipette?: LoadedPipette): void {
  if (lw.slot === OFF_DECK) {
    throw engineError('LocationNotAccessibleByPipetteError', `Cannot move pipette to ${lw.def.parameters.loadName}, labware is off-deck.`);
  }
  const mod = lw.moduleId === null ? undefined : st.modules.get(lw.moduleId);
  if (mod !== undefined && mod.spec.type === 'thermocyclerModuleType' && mod.lid !== 'open') {
    throw thermocyclerNotOpen();
  }
  checkHeaterShakerMove(st, lw, pipette);
}


// ───────────────────────────── loads ─────────────────────────────

/** Pipette names of the Flex, which an OT-2 refuses. */
function isFlexPipette(name: string): boolean {
  return name.endsWith('_flex') || /^p\d+_96$/.test(name);
}

/** `loadPipette` the engine's way: the protocol's id, the engine's refusals. */
export function engineLoadPipette(st: EngineState, pipetteName: string, mount: string, pipetteId: string): PipetteInfo {
  if (isFlexPipette(pipetteName)) throw engineError('InvalidSpecificationForRobotTypeError', FLEX_PIPETTE_REFUSED);
  if (mount === 'extension') throw engineError('InvalidLoadPipetteSpecsError', 'Cannot load a pipette on the EXTENSION mount. Use mount LEFT or RIGHT.');
  if (mount !== 'left' && mount !== 'right') throw pythonException('ValueError', `'${mount}' is not a valid MountType`);
  if (st.defs.pipette(pipetteName) === null) throw pythonException('ValueError', `'${pipetteName}' is not a valid PipetteNameType`);
  return loadInstrument(st, pipetteName, mount, null, true, pipetteId);
}


/** The slots a module may stand in on an OT-2, by kind (the thermocycler only in 7, nothing in 12). */
/** The module type of each model the engine's `loadModule` takes (§7.1), as its refusals name it. */
const MODULE_TYPES: Readonly<Record<string, string>> = {
  magneticModuleV1: 'magneticModuleType',
  magneticModuleV2: 'magneticModuleType',
  temperatureModuleV1: 'temperatureModuleType',
  temperatureModuleV2: 'temperatureModuleType',
  thermocyclerModuleV1: 'thermocyclerModuleType',
  thermocyclerModuleV2: 'thermocyclerModuleType',
  heaterShakerModuleV1: 'heaterShakerModuleType',
  magneticBlockV1: 'magneticBlockType',
};

/** OT-2 slots (§7.1): the thermocycler only in 7, the Flex's magnetic block nowhere, others 1–11. */
function moduleSlotAllowed(model: string, slot: string): boolean {
  if (model.startsWith('thermocycler')) return slot === '7';
  if (model === 'magneticBlockV1') return false;
  return slot !== '12';
}

/** Builds a module of a model the engine knows; the Python API's loader for those it knows too. */
function loadEngineModule(st: EngineState, model: string, slot: string): ModuleInfo {
  if (model === 'heaterShakerModuleV1') return loadHeaterShaker(st, slot);
  if (model === 'thermocyclerModuleV2') return loadThermocyclerGen2(st, slot);
  // The reader admits only the engine's models, and the magnetic block fits no OT-2 slot.
  if (st.defs.resolveModule(model) !== model) throw new Error(`unexpected module model ${model}`);
  return loadModule(st, model, slot, null);
}

/** `loadModule` the engine's way: the protocol's id, the engine's slot rules and refusals. */
export function engineLoadModule(st: EngineState, model: string, slot: string, moduleId: string): ModuleInfo {
  if (!moduleSlotAllowed(model, slot)) throw moduleSlotRefused(MODULE_TYPES[model] ?? model, slot);
  const occupied = slotOccupied(st, slot);
  if (occupied !== null) throw occupied;
  const info = loadEngineModule(st, model, slot);
  const m = st.module(info.moduleId);
  // The engine does not know a thermocycler's lid to be open until it opens it.
  if (m.spec.type === 'thermocyclerModuleType') applyUpdate(st, { type: 'module/lidSet', moduleId: m.id, lid: 'closed' });
  applyUpdate(st, { type: 'module/renamed', moduleId: m.id, newId: moduleId });
  applyUpdate(st, { type: 'labware/moduleSetOnDeck', moduleId, slotName: m.slot });
  return m.info;
}

export type EngineLabwareLocation = { slotName: string } | { moduleId: string };

/** Where a labware is now, as the engine reports it (on another labware: that one's id). */
export function engineLabwareLocation(st: EngineState, lw: LabwareState): EngineLabwareLocation | { labwareId: string } | 'offDeck' {
  if (lw.slot === OFF_DECK) return OFF_DECK;
  const below = st.stackedOn.get(lw.id);
  if (below !== undefined) return { labwareId: below };
  return lw.moduleId !== null ? { moduleId: lw.moduleId } : { slotName: lw.slot };
}

/**
 * The definition a `loadLabware` names: the protocol's own first (a JSON protocol embeds even the
 * standard definitions it uses), then the standard set and the lab's library.
 */
export function engineDefinition(st: EngineState, loadName: string, namespace: string, version: number): LabwareDefinition {
  const same = (d: LabwareDefinition) => d.parameters.loadName === loadName && d.namespace === namespace && d.version === version;
  const own = st.custom.find(same) ?? st.definedLabware.find(same);
  if (own !== undefined) {
    if (namespace !== 'opentrons') noteCustomLabware(st, { uri: `${namespace}/${loadName}/${version}`, source: 'protocol', requested: { loadName, namespace, version } });
    return own;
  }
  const builtIn = namespace === 'opentrons' ? builtInLabware(loadName, version) : null;
  if (builtIn !== null) return builtIn;
  try {
    return findDefinition(st, loadName, namespace, version);
  } catch {
    throw labwareNotFound(loadName, namespace, version);
  }
}

/** Where a labware that is not on the deck is kept (`slot` of its state). */
export const OFF_DECK = 'offDeck';

/** A place a labware can be loaded or moved to, in the engine's form. */
export type EngineNewLocation = EngineLabwareLocation | { labwareId: string } | { addressableAreaName: string } | 'offDeck';

/** The deck slots of an OT-2 are addressable areas too: `{addressableAreaName: "5"}` is slot 5. */
function areaSlot(name: string): string | null {
  return /^(?:[1-9]|1[0-2])$/.test(name) ? name : null;
}

/** Where a labware can be put: a slot, a module, onto another labware, or off deck. */
export type Place = EngineLabwareLocation | { labwareId: string } | 'offDeck';

/** The deck slot a place is, as the addressable area it uses (slot 12 excludes the fixed trash area). */
function slotArea(place: Place): string | null {
  return place !== OFF_DECK && 'slotName' in place ? place.slotName : null;
}

/** Checks that `location` can take a labware; throws the engine's refusal when it cannot. */
export function checkFree(st: EngineState, location: Place): void {
  if (location === OFF_DECK) return;
  if ('labwareId' in location) {
    const below = engineLabware(st, location.labwareId);
    const above = labwareOn(st, below.id);
    if (above !== null) throw engineError('LocationIsOccupiedError', `Labware ${above.def.parameters.loadName} is already present at labwareId='${below.id}'.`);
    return;
  }
  if ('moduleId' in location) {
    const occupied = moduleOccupied(st, engineModule(st, location.moduleId));
    if (occupied !== null) throw occupied;
    return;
  }
  const slot = location.slotName;
  if (!st.defs.slots().has(slot)) throw pythonException('ValueError', `'${slot}' is not a valid DeckSlotName`);
  const occupied = slotOccupied(st, slot);
  if (occupied !== null) throw occupied;
}

/** The labware standing on `labwareId`, if any. */
export function labwareOn(st: EngineState, labwareId: string): LabwareState | null {
  for (const [above, below] of st.stackedOn) if (below === labwareId) return st.labware.get(above) ?? null;
  return null;
}

/**
 * Whether `def` may stand on `below`: its definition must say how it sits on that labware, and on
 * a module only an adapter takes labware. Throws `LabwareCannotBeStackedError` when it may not.
 */
export function checkStackable(st: EngineState, def: LabwareDefinition, below: LabwareState): void {
  const top = def.parameters.loadName;
  const bottom = below.def.parameters.loadName;
  if (def.stackingOffsetWithLabware?.[bottom] === undefined) throw engineError('LabwareCannotBeStackedError', `Labware ${top} cannot be loaded onto labware ${bottom}`);
  const onModule = below.moduleId !== null && !st.stackedOn.has(below.id);
  if (onModule && !(below.def.allowedRoles ?? []).includes('adapter')) {
    throw engineError('LabwareCannotBeStackedError', `Labware ${top} cannot be loaded onto a labware on top of a module`);
  }
}

/**
 * Where a labware standing on `below` has its slot corner: the lower one's, raised by its height less
 * how far the upper one sinks into it (the upper definition's `stackingOffsetWithLabware`).
 */
function stackedParentPoint(def: LabwareDefinition, below: LabwareState): Point {
  const corner = below.def.cornerOffsetFromSlot;
  const sink = def.stackingOffsetWithLabware?.[below.def.parameters.loadName] ?? { x: 0, y: 0, z: 0 };
  return {
    x: below.origin.x - corner.x + sink.x,
    y: below.origin.y - corner.y + sink.y,
    z: below.origin.z - corner.z + below.def.dimensions.zDimension - sink.z,
  };
}

/** What stands on a labware that moved goes with it: each one is put on it again where it now is. */
function carryStack(st: EngineState, below: LabwareState): void {
  const above = labwareOn(st, below.id);
  if (above === null) return;
  carryStack(st, placeLabware(st, above.id, above.def, above.label, { labwareId: below.id }, above.hasTip));
}

/**
 * What a labware's wells name as its place. The Python API from 2.14 prints the whole chain under
 * it (`on {adapter} on {module} on slot 4`, `on [off-deck]`); JSON v6–8 names the slot or module.
 */
function parentDisplay(st: EngineState, location: Place): string {
  const python = st.has('engineCore') && !st.protocolEngine;
  if (location === OFF_DECK) return python ? '[off-deck]' : OFF_DECK;
  if ('labwareId' in location) {
    const below = engineLabware(st, location.labwareId);
    return python ? `${below.label ?? below.def.metadata.displayName} on ${below.parentDisplay}` : below.parentDisplay;
  }
  if ('moduleId' in location) {
    const mod = engineModule(st, location.moduleId);
    return python ? `${mod.spec.displayName} on slot ${mod.slot}` : mod.displayName;
  }
  return python ? `slot ${location.slotName}` : location.slotName;
}

/** Builds the labware at `location` (already checked free) and puts it there; a moved labware keeps its `tips`. */
export function placeLabware(st: EngineState, labwareId: string, def: LabwareDefinition, displayName: string | null, location: Place, tips?: TipPresence): LabwareState {
  let lw: LabwareState;
  const parent = parentDisplay(st, location);
  // The Python API's labware prints without its place (its wells keep it).
  const bare = st.has('engineCore') && !st.protocolEngine;
  if (location === OFF_DECK) {
    // Off the deck nothing can reach it; its geometry is never used.
    lw = buildLabware(labwareId, def, displayName, OFF_DECK, null, parent, { x: 0, y: 0, z: 0 }, bare);
  } else if ('labwareId' in location) {
    const below = engineLabware(st, location.labwareId);
    // It goes where the lower one is, and with it (the lower one's module rules apply to it too).
    lw = buildLabware(labwareId, def, displayName, below.slot, below.moduleId, parent, stackedParentPoint(def, below), bare);
  } else if ('moduleId' in location) {
    const mod = engineModule(st, location.moduleId);
    const base = st.slotPoint(mod.slot);
    const off = mod.info.labwareOffset;
    lw = buildLabware(labwareId, def, displayName, mod.slot, mod.id, parent, { x: base.x + off.x, y: base.y + off.y, z: base.z + off.z }, bare);
  } else {
    lw = buildLabware(labwareId, def, displayName, location.slotName, null, parent, st.slotPoint(location.slotName), bare);
  }
  if (tips !== undefined) lw = withTips(lw, tips);
  applyUpdate(st, { type: 'labware/placed', labware: lw, place: location });
  return lw;
}

/** A load or move location as a slot, a module, a labware or off deck (an area must be a deck slot). */
function placeOf(location: EngineNewLocation, refuseArea: (area: string) => ProtocolApiError): Place {
  if (location === OFF_DECK) return OFF_DECK;
  if ('addressableAreaName' in location) {
    const slot = areaSlot(location.addressableAreaName);
    if (slot === null) throw refuseArea(location.addressableAreaName);
    return { slotName: slot };
  }
  return location;
}

/** `loadLabware` the engine's way: onto a free slot or a module without labware, or off deck, with the protocol's id. */
export function engineLoadLabware(
  st: EngineState,
  location: EngineNewLocation,
  loadName: string,
  namespace: string,
  version: number,
  labwareId: string,
  displayName: string | null,
): LabwareInfo {
  const place = placeOf(location, (area) => engineError('LabwareIsNotAllowedInLocationError', `Cannot load ${loadName} onto addressable area ${area}`));
  const area = slotArea(place);
  if (area !== null) checkArea(st, area);
  checkFree(st, place);
  const def = engineDefinition(st, loadName, namespace, version);
  if (place !== OFF_DECK && 'labwareId' in place) checkStackable(st, def, engineLabware(st, place.labwareId));
  const info = labwareInfo(placeLabware(st, labwareId, def, displayName, place));
  if (area !== null) useArea(st, area);
  return info;
}

/**
 * `moveLabware` on an OT-2: by hand only (the run pauses for it when the strategy says so; the
 * runner does that). The labware keeps its id, tips and liquids; its place is the new one.
 */
export function engineMoveLabware(st: EngineState, labwareId: string, newLocation: EngineNewLocation, strategy: string): { offsetId: null } {
  const lw = engineLabware(st, labwareId);
  const loadName = lw.def.parameters.loadName;
  if (strategy === 'usingGripper') throw engineError('NotSupportedOnRobotType', 'Labware movement using a gripper is not supported on the OT-2');
  if (lw.fixedTrash) throw engineError('LabwareMovementNotAllowedError', `Cannot move fixed trash labware '${loadName}'.`);
  const place = placeOf(newLocation, (area) => engineError('LabwareMovementNotAllowedError', `Cannot move ${loadName} to addressable area ${area}`));
  const area = slotArea(place);
  if (area !== null) checkArea(st, area);
  checkFree(st, place);
  if (place !== OFF_DECK && 'labwareId' in place) checkStackable(st, lw.def, engineLabware(st, place.labwareId));
  // Off its old place (a labware on another only leaves that one), onto the new one.
  const below = st.stackedOn.get(lw.id);
  if (below !== undefined) {
    applyUpdate(st, { type: 'labware/lifted', labwareId: lw.id, from: { labwareId: below } });
  } else if (lw.moduleId !== null) {
    applyUpdate(st, { type: 'labware/lifted', labwareId: lw.id, from: { moduleId: lw.moduleId } });
  } else if (lw.slot !== OFF_DECK && st.deck.get(lw.slot)?.kind === 'labware') {
    applyUpdate(st, { type: 'labware/lifted', labwareId: lw.id, from: { slotName: lw.slot } });
  }
  const moved = placeLabware(st, lw.id, lw.def, lw.label, place, lw.hasTip);
  if (area !== null) useArea(st, area);
  carryStack(st, moved);
  forgetLocation(st);
  return { offsetId: null };
}

const MODULE_KIND_NAMES: Readonly<Record<string, string>> = {
  temperatureModuleType: 'Temperature Module',
  magneticModuleType: 'Magnetic Module',
  thermocyclerModuleType: 'Thermocycler Module',
  heaterShakerModuleType: 'Heater-Shaker Module',
};

/** A module of one kind by id: `ModuleNotLoadedError`, then `WrongModuleTypeError` (`mm is not a Temperature Module.`). */
export function engineModuleOfType(st: EngineState, moduleId: string, type: string): LoadedModule {
  const m = engineModule(st, moduleId);
  if (m.spec.type !== type) throw engineError('WrongModuleTypeError', `${moduleId} is not a ${MODULE_KIND_NAMES[type] ?? type}.`);
  return m;
}

/** `loadLiquid`: the liquid must be declared, the labware loaded and not a tip rack, every well real. */
export function engineLoadLiquid(st: EngineState, liquidId: string, labwareId: string, volumeByWell: Record<string, number>): void {
  if (!st.liquids.some((l) => l.id === liquidId)) {
    throw engineError('LiquidDoesNotExistError', `Supplied liquidId: ${liquidId} does not exist in the loaded liquids.`);
  }
  const lw = engineLabware(st, labwareId);
  if (lw.isTiprack) throw engineError('LabwareIsTipRackError', `Given labware: ${labwareId} is a tiprack. Can not load liquid.`);
  // The engine's wording for an adapter follows its tip-rack refusal (validate_liquid_allowed_in_labware).
  if ((lw.def.allowedRoles ?? []).includes('adapter')) throw engineError('LabwareIsAdapterError', `Given labware: ${labwareId} is an adapter. Can not load liquid.`);
  if (Object.keys(volumeByWell).some((w) => !lw.byName.has(w))) {
    throw engineError('WellDoesNotExistError', `Some of the supplied wells do not match the labwareId: ${labwareId}.`);
  }
  applyUpdate(st, { type: 'liquid/loaded', liquidId, labwareId, slot: lw.slot, volumeByWell });
}

// ───────────────────────────── what an analysis reports ─────────────────────────────

/**
 * The equipment as robot-server 7 lists it after a JSON v6–8 analysis: every labware, pipette
 * and module loaded so far in load order (the pre-loaded fixed trash first), and all declared liquids.
 */
export function engineEquipment(st: EngineState): EngineEquipment {
  const labware = [...st.labware.values()].map((lw) => ({
    id: lw.id,
    loadName: lw.def.parameters.loadName,
    definitionUri: labwareUri(lw.def),
    location: engineLabwareLocation(st, lw),
    offsetId: null,
    displayName: lw.label,
  }));
  const pipettes = [...st.pipettes.values()].map((p) => ({ id: p.id, pipetteName: p.requestedAs, mount: p.mount }));
  const modules = [...st.modules.values()].map((m) => ({
    id: m.id,
    model: m.model,
    location: { slotName: m.slot },
    serialNumber: `fake-serial-number-${m.id}`,
  }));
  return { labware, pipettes, modules, liquids: st.liquids.map((l) => ({ ...l })) };
}
