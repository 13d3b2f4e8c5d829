// Robot software 7.5.0's deck-conflict checker for Python protocols (python-protocol-api
// 2.12–2.19, A.4.4; 4.7.0's "already  has an item" / "is obscured by" texts are gone): each item
// puts restrictions on slots, and a new item may neither break a restriction of the items already
// on the deck nor put one on a slot whose item breaks it. Items are named by labware load name or
// module model; from 2.16 the fixed trash is the trash bin, named `trash bin`.
import { pyError } from './errors.ts';
import { hasTrashBin } from './trash-bin.ts';
import type { DeckItem, EngineState } from './state.ts';
import type { ModuleModel, ModuleType } from './types.ts';

/** What the checker knows of an item: its name for errors and what the rules look at. */
export type ConflictItem =
  | { kind: 'labware'; loadName: string; highestZ: number; fixedTrash: boolean }
  | { kind: 'module'; model: ModuleModel; type: ModuleType; configuration: 'full' | 'semi' | null }
  | { kind: 'trashBin'; highestZ: number };

type Rule = 'nothing' | 'noModule' | 'maxHeight' | 'noHeaterShaker';

interface Restriction {
  slot: string;
  rule: Rule;
  source: ConflictItem;
  sourceSlot: string;
}

/** The tallest labware allowed beside a Heater-Shaker (left or right), and the racks exempt from it. */
const HEATER_SHAKER_SIDE_MAX_HEIGHT = 53;
const LOW_ENOUGH_TIP_RACKS = new Set([
  'opentrons_96_tiprack_10ul',
  'opentrons_96_tiprack_20ul',
  'opentrons_96_tiprack_300ul',
  'opentrons_96_filtertiprack_10ul',
  'opentrons_96_filtertiprack_20ul',
  'opentrons_96_filtertiprack_200ul',
]);

const SLOTS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];
const FIXED_TRASH_SLOT = '12';
/** The slot in front of the fixed trash, where a Heater-Shaker may not stand. */
const IN_FRONT_OF_TRASH = '9';

/** The slots a thermocycler stands on: a `semi` one leaves the right column (8, 11) free. */
export function thermocyclerSlots(configuration: 'full' | 'semi' | null): readonly string[] {
  return configuration === 'semi' ? ['7', '10'] : ['7', '8', '10', '11'];
}

/** Where a slot is on the OT-2 deck: row from the front (1–3 is row 0), column from the left. */
function slotGrid(slot: string): { row: number; col: number } | null {
  const n = Number(slot);
  if (!Number.isInteger(n) || n < 1 || n > 12) return null;
  return { row: Math.floor((n - 1) / 3), col: (n - 1) % 3 };
}

type Side = 'on' | 'eastWest' | 'northSouth' | null;

export function sideOf(hsSlot: string, slot: string): Side {
  const a = slotGrid(hsSlot);
  const b = slotGrid(slot);
  if (a === null || b === null) return null;
  if (a.row === b.row && a.col === b.col) return 'on';
  if (a.row === b.row && Math.abs(a.col - b.col) === 1) return 'eastWest';
  if (a.col === b.col && Math.abs(a.row - b.row) === 1) return 'northSouth';
  return null;
}

function nameOf(item: ConflictItem): string {
  if (item.kind === 'trashBin') return 'trash bin';
  return item.kind === 'labware' ? item.loadName : item.model;
}

export function conflictItemOf(st: EngineState, item: DeckItem): ConflictItem {
  if (item.kind === 'module') {
    const mod = st.module(item.moduleId);
    return { kind: 'module', model: mod.model, type: mod.spec.type, configuration: mod.configuration };
  }
  return { kind: 'labware', loadName: item.lw.def.parameters.loadName, highestZ: item.lw.highestZ, fixedTrash: item.lw.fixedTrash };
}

function restrictionsOf(item: ConflictItem, slot: string): Restriction[] {
  const out: Restriction[] = [{ slot, rule: 'nothing', source: item, sourceSlot: slot }];
  if (item.kind === 'module' && item.type === 'thermocyclerModuleType') {
    for (const covered of thermocyclerSlots(item.configuration)) {
      if (covered !== slot) out.push({ slot: covered, rule: 'nothing', source: item, sourceSlot: slot });
    }
  } else if (item.kind === 'module' && item.type === 'heaterShakerModuleType') {
    for (const other of SLOTS) {
      const side = sideOf(slot, other);
      if (side === 'eastWest' || side === 'northSouth') out.push({ slot: other, rule: 'noModule', source: item, sourceSlot: slot });
    }
    for (const other of SLOTS) {
      if (sideOf(slot, other) === 'eastWest') out.push({ slot: other, rule: 'maxHeight', source: item, sourceSlot: slot });
    }
  } else if (((item.kind === 'labware' && item.fixedTrash) || item.kind === 'trashBin') && slot === FIXED_TRASH_SLOT) {
    out.push({ slot: IN_FRONT_OF_TRASH, rule: 'noHeaterShaker', source: item, sourceSlot: slot });
  }
  return out;
}

function allows(rule: Rule, item: ConflictItem): boolean {
  switch (rule) {
    case 'nothing':
      return false;
    case 'noModule':
      return item.kind !== 'module';
    case 'noHeaterShaker':
      return !(item.kind === 'module' && item.type === 'heaterShakerModuleType');
    case 'maxHeight':
      if (item.kind === 'trashBin') return item.highestZ <= HEATER_SHAKER_SIDE_MAX_HEIGHT;
      return item.kind === 'labware' && (LOW_ENOUGH_TIP_RACKS.has(item.loadName) || item.highestZ <= HEATER_SHAKER_SIDE_MAX_HEIGHT);
  }
}

/**
 * Raises DeckConflictError when `item` may not stand in `slot` beside what the deck holds.
 * `placedId`: a labware already placed there (7.5.0 checks a move after it), left out.
 */
export function checkDeckConflict(st: EngineState, item: ConflictItem, slot: string, placedId: string | null = null): void {
  const existing = new Map<string, ConflictItem>();
  for (const [s, held] of st.deck) {
    if (held.kind !== 'labware' || held.lw.id !== placedId) existing.set(s, conflictItemOf(st, held));
  }
  // The trash bin is an addressable area over slot 12, not a deck item, but the checker knows it.
  if (hasTrashBin(st) && !existing.has(FIXED_TRASH_SLOT)) existing.set(FIXED_TRASH_SLOT, { kind: 'trashBin', highestZ: st.labware.get('fixedTrash')?.highestZ ?? 0 });
  const conflict = (blocker: string, blockerSlot: string) =>
    pyError('DeckConflictError', `${blocker} in slot ${blockerSlot} prevents ${nameOf(item)} from using slot ${slot}.`);
  for (const r of restrictionsOf(item, slot)) {
    const there = existing.get(r.slot);
    if (there !== undefined && !allows(r.rule, there)) throw conflict(nameOf(there), r.slot);
  }
  for (const [s, there] of existing) {
    for (const r of restrictionsOf(there, s)) {
      if (r.slot === slot && !allows(r.rule, item)) throw conflict(nameOf(r.source), r.sourceSlot);
    }
  }
}
