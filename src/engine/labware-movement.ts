// The Python API's labware movement and stacking (apiLevel ≥ 2.15, §B.2.15): loads onto adapters
// and other labware or off the deck, manual `move_labware` with its run-log entry, `del
// ctx.deck[slot]`, and where a labware stands now. The placement rules are the Protocol Engine's
// (protocol-engine.ts, shared with JSON v6–8); this module adds what only the Python API does.
import { pyError } from './errors.ts';
import { isAdapter, labwareInfo } from './labware.ts';
import type { LabwareState } from './labware.ts';
import { checkFree, checkStackable, engineLabware, engineLabwareLocation, engineModule, engineMoveLabware, labwareOn, OFF_DECK, placeLabware } from './protocol-engine.ts';
import type { Place } from './protocol-engine.ts';
import { slotKey } from './deck.ts';
import { checkDeckConflict } from './deck-conflict.ts';
import type { EngineState } from './state.ts';
import type { DeckLocation, LabwareDefinition, LabwareInfo } from './types.ts';
import { issueId } from './ids.ts';

/** Where the Python API puts or moves a labware: a slot as given (`5`, `'D1'`), a module, a labware, or off deck. */
export type PythonPlace = { slotName: DeckLocation } | { moduleId: string } | { labwareId: string } | 'offDeck';

/** A place with its slot read the Python API's way (coordinate names from 2.15, its slot errors). */
function resolvePlace(st: EngineState, place: PythonPlace): Place {
  if (place === OFF_DECK || !('slotName' in place)) return place;
  return { slotName: slotKey(st, place.slotName) };
}

/** `load_labware(..., OFF_DECK)`, `Labware.load_labware(...)` and the adapter of `adapter=`: the engine's placement rules, a new id. */
export function loadLabwareAt(st: EngineState, def: LabwareDefinition, place: PythonPlace, label: string | null): LabwareInfo {
  const where = resolvePlace(st, place);
  checkFree(st, where);
  if (where !== OFF_DECK && 'labwareId' in where) checkStackable(st, def, engineLabware(st, where.labwareId));
  return labwareInfo(placeLabware(st, issueId(st, 'labware'), def, label, where));
}

/**
 * The Python API checks a definition's role after the load succeeded (the labware stays loaded):
 * `load_adapter` takes adapters only, every other load anything but a pure adapter.
 */
export function checkLabwareRole(st: EngineState, labwareId: string, role: 'adapter' | 'labware'): void {
  const def = st.lw(labwareId).def;
  const roles = def.allowedRoles ?? [];
  const loadName = def.parameters.loadName;
  if (role === 'adapter' && !roles.includes('adapter')) throw pyError('LabwareDefinitionIsNotAdapterError', `Labware ${loadName} is not an adapter.`);
  if (role === 'labware' && roles.length > 0 && !roles.includes('labware')) {
    throw pyError('LabwareDefinitionIsNotLabwareError', `Labware ${loadName} is not defined as a normal labware.`);
  }
}

/** `str(module_context)` as 7.5.0 prints it: `TemperatureModuleContext at Temperature Module GEN2 on 3 lw None`. */
function moduleContextText(st: EngineState, moduleId: string): string {
  const mod = engineModule(st, moduleId);
  const held = mod.labwareId === null ? null : st.labware.get(mod.labwareId);
  return `${mod.info.contextClass} at ${mod.displayName} lw ${held ? (held.label ?? held.def.metadata.displayName) : 'None'}`;
}

/** The destination as `move_labware`'s entry names it: the slot as given, `off-deck`, a labware's name, a module context. */
function destinationText(st: EngineState, place: PythonPlace): string {
  if (place === OFF_DECK) return 'off-deck';
  if ('slotName' in place) return `slot ${place.slotName}`;
  if ('moduleId' in place) return moduleContextText(st, place.moduleId);
  const lw = st.lw(place.labwareId);
  return lw.label ?? lw.def.parameters.loadName;
}

/**
 * `ctx.move_labware(labware, new_location, use_gripper)`: the slot is checked first, then the
 * entry `Moving {name} to {destination}{ with gripper}` is logged, then the engine's move (an
 * OT-2 has no gripper, so `use_gripper` fails after the entry). The run holds for the operator on
 * a robot (the runner pauses at this entry); analyses do not.
 */
export function pythonMoveLabware(st: EngineState, labwareId: string, place: PythonPlace, useGripper: boolean): { offsetId: null } {
  const lw = st.lw(labwareId);
  const where = resolvePlace(st, place);
  const text = `Moving ${lw.label ?? lw.def.parameters.loadName} to ${destinationText(st, place)}${useGripper ? ' with gripper' : ''}`;
  st.log.before('command.MOVE_LABWARE', text);
  // 7.5.0 closes the entry even when the move fails (a caught failure leaves the nesting as it was).
  try {
    const moved = engineMoveLabware(st, lw.id, where, useGripper ? 'usingGripper' : 'manualMoveWithPause');
    // 7.5.0's deck checker runs after the engine's move (the labware stays where it went): a slot
    // a thermocycler covers, or one a Heater-Shaker restricts, is refused with its conflict text.
    if (where !== OFF_DECK && 'slotName' in where) {
      const item = { kind: 'labware', loadName: lw.def.parameters.loadName, highestZ: lw.highestZ, fixedTrash: false } as const;
      checkDeckConflict(st, item, String(where.slotName), lw.id);
    }
    return moved;
  } finally {
    st.log.after();
  }
}

/** `del ctx.deck[slot]` from 2.15: a labware there goes off deck (no entry, no pause); a module stays. */
export function removeFromDeck(st: EngineState, location: DeckLocation): boolean {
  const item = st.deck.get(slotKey(st, location));
  if (item?.kind !== 'labware') return false;
  engineMoveLabware(st, item.lw.id, OFF_DECK, 'manualMoveWithoutPause');
  return true;
}

/** Where a labware stands now and what stands on it (`Labware.parent`, `Labware.child`). */
export function labwarePlace(st: EngineState, labwareId: string): { location: ReturnType<typeof engineLabwareLocation>; childId: string | null; isAdapter: boolean } {
  const lw: LabwareState = st.lw(labwareId);
  return { location: engineLabwareLocation(st, lw), childId: labwareOn(st, lw.id)?.id ?? null, isAdapter: isAdapter(lw.def) };
}

/** What 2.15 added to existing calls, each refused below it with its own APIVersionError. */
const ADDED_IN_2_15 = {
  offDeck: 'Loading a labware off-deck requires apiLevel 2.15 or higher.',
  adapter: 'Loading a labware on an adapter requires apiLevel 2.15 or higher.',
  pushOut: 'Unsupported parameter push_out. Change your API version to 2.15 or above to use this parameter.',
} as const;

export type AddedIn215 = keyof typeof ADDED_IN_2_15;
export const ADDED_IN_2_15_NAMES = Object.keys(ADDED_IN_2_15) as AddedIn215[];

/** Refuses a use of something 2.15 added (`OFF_DECK`, `adapter=`, `push_out=`) below 2.15. */
export function requireLabwareMovement(st: EngineState, what: AddedIn215): void {
  if (!st.has('labwareMovement')) throw pyError('APIVersionError', ADDED_IN_2_15[what]);
}
