// Deck and labware placement: slots, what stands where, loading labware (on the deck or on a
// module), clearing slots, the deck's highest point and the reprs the original prints for items.
import type { CustomLabwareUse } from '../common/index.ts';
import { builtInLabware } from '../definitions/index.ts';
import { checkDeckConflict, thermocyclerSlots } from './deck-conflict.ts';
import { validDeckSlot } from './deck-slots.ts';
import { moduleOccupied, slotOccupied } from './engine-errors.ts';
import { pyError } from './errors.ts';
import { moduleName } from './module-names.ts';
import { buildLabware, labwareInfo, magneticEngageHeight } from './labware.ts';
import { checkArea } from './addressable-areas.ts';
import { hasTrashBin, TRASH_BIN_ID } from './trash-bin.ts';
import type { DeckItem, EngineState, LoadedModule } from './state.ts';
import type { DeckLocation, LabwareDefinition, LabwareInfo, Point } from './types.ts';
import { logWarning } from './log-records.ts';
import { issueId } from './ids.ts';
import { applyUpdate } from './stores/index.ts';

const PLACEHOLDER_ADDR = 0x7f5a3c000000;

export { thermocyclerSlots };

/** Validates a deck key (`1`–`12`, int or digit string) and returns its slot string. */
export function slotKey(st: EngineState, location: DeckLocation): string {
  if (st.has('release7')) return validDeckSlot(st, location);
  const key = typeof location === 'number' ? String(location) : location;
  if (typeof location === 'number' ? !Number.isInteger(location) : !/^\d+$/.test(key)) {
    throw pyError('ValueError', `Unknown slot: ${key}`);
  }
  const norm = String(Number(key));
  if (!st.defs.slots().has(norm)) throw pyError('ValueError', `Unknown slot: ${key}`);
  return norm;
}

export function itemRepr(st: EngineState, item: DeckItem): string {
  if (item.kind === 'module') return st.module(item.moduleId).displayName;
  if (item.lw.id === 'fixedTrash' || item.lw.fixedTrash) return item.lw.displayName;
  return implRepr(item.lw.id);
}

export function implRepr(id: string): string {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `<opentrons.protocols.context.protocol_api.labware.LabwareImplementation object at 0x${(PLACEHOLDER_ADDR + (h & 0xffff) * 16).toString(16)}>`;
}

/** Slots a thermocycler covers besides its own. */
export function coveredBy(st: EngineState, slot: string): LoadedModule | null {
  for (const item of st.deck.values()) {
    if (item.kind !== 'module') continue;
    const mod = st.module(item.moduleId);
    if (isThermocycler(st, mod) && thermocyclerSlots(mod.configuration).includes(slot)) return mod;
  }
  return null;
}

export function placeCheck(st: EngineState, key: string, slot: string, newItemRepr: string, covering: readonly string[]): void {
  // The trash bin's cutout takes nothing else (IncompatibleAddressableAreaError).
  if (hasTrashBin(st)) checkArea(st, slot);
  const existing = st.deck.get(slot);
  if (slot === '12' && existing?.kind === 'labware' && existing.lw.fixedTrash) return;
  if (slot === '12' && existing) throw pyError('ValueError', 'Deck location 12 is for fixed trash only');
  if (existing) throw pyError('ValueError', `Deck location ${key} already  has an item: ${itemRepr(st, existing)}`);
  for (const s of covering) {
    const tc = coveredBy(st, s);
    if (tc) throw pyError('ValueError', `Could not load ${newItemRepr} as deck location ${key} is obscured by ${tc.displayName}`);
  }
}

export function findDefinition(st: EngineState, loadName: string, namespace: string | null, version: number | null): LabwareDefinition {
  const r = st.defs.findLabware(loadName, namespace, version, st.custom, st.library);
  if (!r.ok) {
    const newer = r.error.type === 'FileNotFoundError' ? laterStandardLabware(st, loadName, namespace, version) : null;
    if (newer !== null) return newer;
    throw pyError(r.error.type, r.error.message);
  }
  if (r.origin !== 'standard') {
    noteCustomLabware(st, {
      uri: `${r.definition.namespace}/${r.definition.parameters.loadName}/${r.definition.version}`,
      source: r.origin === 'library' ? 'library' : 'protocol',
      requested: { loadName, namespace, version },
    });
  }
  return r.definition;
}

/**
 * From 2.12 (robot software 7.5.0) the `opentrons` namespace is today's whole standard set (e.g.
 * the Heater-Shaker's adapter plates), not only what 4.7.0 shipped; version 1 unless given.
 */
function laterStandardLabware(st: EngineState, loadName: string, namespace: string | null, version: number | null): LabwareDefinition | null {
  if (!st.has('release7') || (namespace !== null && namespace.toLowerCase() !== 'opentrons')) return null;
  return builtInLabware(loadName.toLowerCase(), version ?? 1);
}

/** Records a custom labware the protocol loaded (each definition and request once). */
export function noteCustomLabware(st: EngineState, use: CustomLabwareUse): void {
  const same = (u: CustomLabwareUse) =>
    u.uri === use.uri &&
    u.source === use.source &&
    u.requested.loadName === use.requested.loadName &&
    u.requested.namespace === use.requested.namespace &&
    u.requested.version === use.requested.version;
  if (!st.customLabwareUses.some(same)) applyUpdate(st, { type: 'labware/customLabwareNoted', use });
}

export function loadLabware(
  st: EngineState,
  loadName: string,
  location: DeckLocation,
  label: string | null,
  namespace: string | null,
  version: number | null,
): LabwareInfo {
  const def = findDefinition(st, loadName, namespace, version);
  return loadLabwareFromDefinition(st, def, location, label);
}

export function loadLabwareFromDefinition(st: EngineState, definition: LabwareDefinition, location: DeckLocation, label: string | null): LabwareInfo {
  if (st.has('release7')) return placeLabwareRelease7(st, definition, location, label);
  const slot = slotKey(st, location);
  const key = typeof location === 'number' ? String(location) : location;
  const id = issueId(st, 'labware');
  placeCheck(st, key, slot, implRepr(id), [slot]);
  const engine = st.has('engineCore');
  const lw = buildLabware(id, definition, label, slot, null, engine ? `slot ${slot}` : key, st.slotPoint(slot), engine);
  applyUpdate(st, { type: 'labware/placed', labware: lw, place: { slotName: slot } });
  return labwareInfo(lw);
}

/**
 * 7.5.0's legacy core: slots validated with its texts, the deck-conflict checker, and labware in
 * slot 12 still silently replacing the fixed trash.
 */
function placeLabwareRelease7(st: EngineState, definition: LabwareDefinition, location: DeckLocation, label: string | null): LabwareInfo {
  const slot = validDeckSlot(st, location);
  // The trash bin's cutout takes nothing else (IncompatibleAddressableAreaError).
  if (hasTrashBin(st)) checkArea(st, slot);
  // From 2.14 the engine refuses an occupied slot, the fixed trash's included (a failed command).
  const occupied = st.has('engineCore') ? slotOccupied(st, slot) : null;
  if (occupied !== null) throw occupied;
  const engine = st.has('engineCore');
  const lw = buildLabware(issueId(st, 'labware'), definition, label, slot, null, engine ? `slot ${slot}` : slot, st.slotPoint(slot), engine);
  const existing = st.deck.get(slot);
  const replacesTrash = slot === '12' && existing?.kind === 'labware' && existing.lw.fixedTrash;
  if (!replacesTrash) checkDeckConflict(st, { kind: 'labware', loadName: definition.parameters.loadName, highestZ: lw.highestZ, fixedTrash: false }, slot);
  applyUpdate(st, { type: 'labware/placed', labware: lw, place: { slotName: slot } });
  return labwareInfo(lw);
}

/** Whether a module is a thermocycler of the Python API (the GEN2 only from 2.12, where it loads). */
export function isThermocycler(st: EngineState, mod: LoadedModule): boolean {
  return mod.model === 'thermocyclerModuleV1' || (mod.model === 'thermocyclerModuleV2' && !st.protocolEngine);
}

/** `module.load_labware(name, label, namespace, version)`. */
export function moduleLoadLabware(
  st: EngineState,
  moduleId: string,
  loadName: string,
  label: string | null,
  namespace: string | null,
  version: number | null,
): LabwareInfo {
  const mod = st.module(moduleId);
  if (!st.has('moduleLoadLabwareArguments') && (label !== null || namespace !== null || version !== null)) {
    // Only ever at 2.0, below the levels whose log records are shown.
    logWarning(st, 'module_contexts', 'You have specified API 2.0, but you are using features only available in 2.1');
  }
  const def = findDefinition(st, loadName, namespace, version);
  return moduleLoadLabwareFromDefinition(st, mod.id, def, label);
}

export function moduleLoadLabwareFromDefinition(st: EngineState, moduleId: string, definition: LabwareDefinition, label: string | null): LabwareInfo {
  const mod = st.module(moduleId);
  checkModuleTakesLabware(st, mod);
  const id = issueId(st, 'labware');
  const base = st.slotPoint(mod.slot);
  const off = mod.info.labwareOffset;
  if (mod.configuration === 'semi') {
    // ThermocyclerGeometry.labware_accessor: a new labware from the definition with its first
    // two columns cut from `ordering` (those wells no longer exist) and without the label.
    definition = { ...definition, ordering: definition.ordering.slice(2) };
    label = null;
  }
  const engine = st.has('engineCore');
  const parent = engine ? `${moduleName(st, mod.spec)} on slot ${mod.slot}` : mod.displayName;
  const lw = buildLabware(id, definition, label, mod.slot, mod.id, parent, { x: base.x + off.x, y: base.y + off.y, z: base.z + off.z }, engine);
  applyUpdate(st, { type: 'labware/placed', labware: lw, place: { moduleId: mod.id } });
  // The legacy core's warning: the Protocol Engine runtime (2.14) does not give it.
  if (!engine && mod.spec.type === 'magneticModuleType' && magneticEngageHeight(lw) === null) {
    logWarning(
      st,
      'legacy_module_core',
      `The labware definition for ${label ?? definition.parameters.loadName} does not define a default engagement height for use with the Magnetic Module; you must specify a height explicitly when calling engage().`,
    );
  }
  return labwareInfo(lw);
}

/** A module holds one labware, and a thermocycler takes it only with its lid open. */
function checkModuleTakesLabware(st: EngineState, mod: LoadedModule): void {
  const occupied = st.has('engineCore') ? moduleOccupied(st, mod) : null;
  if (occupied !== null) throw occupied;
  if (mod.labwareId !== null) {
    const existing = st.labware.get(mod.labwareId);
    throw pyError(st.has('release7') ? 'RuntimeError' : 'AssertionError', `${existing?.displayName ?? 'None'} is already on this module`);
  }
  if (isThermocycler(st, mod) && mod.lid !== 'open') {
    throw pyError('AssertionError', 'Cannot place labware in closed module');
  }
}

/**
 * `ModuleContext.load_labware_object(labware)` (spec §9.2): an already loaded labware becomes the
 * module's labware. As in 4.7.0 it keeps its own position and parent; only the module's checks
 * (one labware per module, thermocycler lid open) apply.
 */
export function moduleLoadLabwareObject(st: EngineState, moduleId: string, labwareId: string): LabwareInfo {
  const mod = st.module(moduleId);
  const lw = st.lw(labwareId);
  if (st.has('release7') && lw.moduleId !== mod.id) throw pyError('AssertionError', 'Labware is not configured with this module as its parent');
  checkModuleTakesLabware(st, mod);
  applyUpdate(st, { type: 'labware/setOnModule', labwareId: lw.id, moduleId: mod.id });
  return labwareInfo(lw);
}

/**
 * `labware.tip_length = x` (spec §6.3): 4.7.0 writes it into the labware's definition
 * parameters, so later pick-ups, drops and returns use it. Only this labware changes.
 */
export function setTipLength(st: EngineState, labwareId: string, length: number): LabwareInfo {
  st.lw(labwareId);
  applyUpdate(st, { type: 'labware/tipLengthSet', labwareId, length });
  return labwareInfoById(st, labwareId);
}

/** `del ctx.deck[slot]`. */
export function clearSlot(st: EngineState, location: DeckLocation): void {
  const slot = slotKey(st, location);
  if (!st.deck.has(slot)) return;
  // As in 4.7 only the deck map forgets the item: the protocol's labware and module objects stay
  // usable (a module whose slot was cleared still takes set-points, and stays in loaded_modules).
  applyUpdate(st, { type: 'labware/slotCleared', slotName: slot });
}

/** What `ctx.deck[slot]` holds. */
export function deckItem(st: EngineState, location: DeckLocation): { kind: 'labware'; labwareId: string } | { kind: 'module'; moduleId: string } | null {
  const slot = slotKey(st, location);
  const item = st.deck.get(slot);
  // The Protocol Engine runtime's deck answers for every slot a Thermocycler covers.
  const covering = !item && st.has('engineCore') ? coveredBy(st, slot) : null;
  if (covering !== null) return { kind: 'module', moduleId: covering.id };
  if (!item) return null;
  return item.kind === 'labware' ? { kind: 'labware', labwareId: item.lw.id } : { kind: 'module', moduleId: item.moduleId };
}

/** `deck.position_for(slot)`: front-left corner of the slot. */
export function slotPosition(st: EngineState, location: DeckLocation): Point {
  return st.slotPoint(slotKey(st, location));
}

/** The deck's highest point by run: a memo, not state, valid while the deck has not changed since. */
const highestZMemo = new WeakMap<EngineState, { deckChanges: number; z: number }>();

/** `ctx.deck.highest_z` (asked at every move: kept until the deck changes). */
export function highestZ(st: EngineState): number {
  const known = highestZMemo.get(st);
  if (known !== undefined && known.deckChanges === st.deckChanges) return known.z;
  let z = 0;
  for (const item of st.deck.values()) z = Math.max(z, item.kind === 'labware' ? item.lw.highestZ : moduleHighestZ(st, st.module(item.moduleId)));
  // Labware standing on labware (JSON v6–8) is on no slot of its own.
  for (const id of st.stackedOn.keys()) z = Math.max(z, st.labware.get(id)?.highestZ ?? 0);
  // The trash bin fixture is as tall as the trash labware it replaces.
  if (hasTrashBin(st)) z = Math.max(z, st.labware.get('fixedTrash')?.highestZ ?? 0);
  highestZMemo.set(st, { deckChanges: st.deckChanges, z });
  return z;
}

/**
 * A module's height on the deck as 4.7's ModuleGeometry reports it: with labware, the labware's top
 * plus the module's `overLabwareHeight` (a magnetic module's short plate counts, not the module's
 * 110 mm); without, the bare module.
 */
export function moduleHighestZ(st: EngineState, mod: LoadedModule): number {
  const lw = mod.labwareId ? st.labware.get(mod.labwareId) : undefined;
  return lw ? lw.highestZ + mod.spec.overLabwareHeight : st.slotPoint(mod.slot).z + mod.spec.overallHeight;
}

export function labwareInfoById(st: EngineState, labwareId: string): LabwareInfo {
  return labwareInfo(st.lw(labwareId));
}

/** `ctx.loaded_labwares`: slot number → labware, sorted by slot (module labware under the module's slot). */
export function loadedLabwares(st: EngineState): { slot: number; labwareId: string }[] {
  if (st.has('release7')) return loadedLabwaresInLoadOrder(st);
  const out: { slot: number; labwareId: string }[] = [];
  for (const [slot, item] of st.deck) {
    const held = item.kind === 'labware' ? item.lw.id : st.module(item.moduleId).labwareId;
    if (held) out.push({ slot: Number(slot), labwareId: held });
  }
  return out.sort((a, b) => a.slot - b.slot);
}

/** 7.5.0 (from 2.12): the labware on the deck in the order it was loaded, the fixed trash first. */
function loadedLabwaresInLoadOrder(st: EngineState): { slot: number; labwareId: string }[] {
  const onDeck = new Set<string>();
  for (const item of st.deck.values()) {
    const held = item.kind === 'labware' ? item.lw.id : st.module(item.moduleId).labwareId;
    if (held) onDeck.add(held);
  }
  return [...st.labware.values()].filter((lw) => onDeck.has(lw.id)).map((lw) => ({ slot: Number(lw.slot), labwareId: lw.id }));
}

/** `ctx.fixed_trash`: whatever is in slot 12 now. */
export function fixedTrash(st: EngineState): string {
  if (hasTrashBin(st)) return TRASH_BIN_ID;
  const item = st.deck.get('12');
  if (!item || item.kind !== 'labware') throw pyError('RuntimeError', 'Robot must have a trash container in 12');
  return item.lw.id;
}

/**
 * What the LabwareHeightError names: the first deck item (slot order) as tall as the deck's
 * highest point; a module with labware names its labware.
 */
export function tallestName(st: EngineState, tallest: number): string {
  const slots = [...st.deck.keys()].sort((a, b) => Number(a) - Number(b));
  for (const slot of slots) {
    const item = st.deck.get(slot);
    if (!item) continue;
    if (item.kind === 'labware') {
      if (item.lw.highestZ === tallest) return itemRepr(st, item);
      continue;
    }
    const mod = st.module(item.moduleId);
    const lw = mod.labwareId ? st.labware.get(mod.labwareId) : undefined;
    if (moduleHighestZ(st, mod) === tallest) return lw ? lw.displayName : mod.displayName;
  }
  return 'labware';
}
