// Deck slot names of robot software 7 (apiLevel ≥ 2.15, §B.2.15): the Flex's coordinate names
// `D1`…`A3` also name OT-2 slots, row by row from the front (D1 → 1 … A3 → 12).
import { pyError } from './errors.ts';
import type { EngineState } from './state.ts';

const ROWS = ['D', 'C', 'B', 'A'];

/** The OT-2 slot number a coordinate name stands for (`'B2'` → `'8'`), or null if it is not one. */
export function coordinateSlot(name: string): string | null {
  const m = /^([A-D])([1-3])$/.exec(name.toUpperCase());
  if (m === null) return null;
  return String(ROWS.indexOf(m[1]) * 3 + Number(m[2]));
}

/**
 * A coordinate name as the OT-2 slot it names, or null when `key` is none. Below 2.15 (7.5.0's
 * levels) the name is refused with the slot number to use instead; 4.7.0's levels do not know it.
 */
export function coordinateSlotAtLevel(st: EngineState, key: string): string | null {
  const slot = coordinateSlot(key);
  if (slot === null || st.has('labwareMovement')) return slot;
  if (!st.has('release7')) return null;
  throw pyError('APIVersionError', `Specifying a deck slot like "${key}" requires apiLevel 2.15. Increase your protocol's apiLevel, or use slot "${slot}" instead.`);
}
