// Deck slot names as robot software 7.5.0 validates them for Python protocols (python-protocol-api
// 2.12–2.19, A.4.4): OT-2 numbers, the coordinate names from 2.15, the Flex staging slots from
// 2.16 (which an OT-2's deck does not have), each refused below its level with its own text.
import { notOnDeck } from './addressable-areas.ts';
import { pyError } from './errors.ts';
import type { EngineState } from './state.ts';
import type { DeckLocation, Point } from './types.ts';

/** The OT-2 slot each coordinate name stands for. */
const COORDINATE_SLOTS: Readonly<Record<string, string>> = {
  D1: '1', D2: '2', D3: '3', C1: '4', C2: '5', C3: '6', B1: '7', B2: '8', B3: '9', A1: '10', A2: '11', A3: '12',
};
const STAGING_SLOTS = new Set(['A4', 'B4', 'C4', 'D4']);

/** The OT-2 slot (`'1'`–`'12'`) a protocol's deck slot names, or the 7.5.0 error. */
export function validDeckSlot(st: EngineState, location: DeckLocation): string {
  const given = String(location);
  if (typeof location === 'number' && !Number.isInteger(location)) {
    throw pyError('TypeError', `Deck slot must be a string or integer, but got ${given}`);
  }
  if (STAGING_SLOTS.has(given.toUpperCase())) {
    if (!st.has('trashBin')) throw pyError('APIVersionError', 'Using a staging deck slot requires apiLevel 2.16.');
    // The Flex's staging slots do not exist on an OT-2's deck (Part E).
    throw pyError('AddressableAreaDoesNotExistError', notOnDeck(given.toUpperCase()));
  }
  if (/^\d+$/.test(given)) {
    const n = Number(given);
    if (n < 1 || n > 12) throw pyError('ValueError', `'${given}' is not a valid deck slot`);
    return String(n);
  }
  const slot = COORDINATE_SLOTS[given.toUpperCase()];
  if (slot === undefined) throw pyError('ValueError', `'${given}' is not a valid deck slot`);
  if (!st.has('labwareMovement')) {
    throw pyError(
      'APIVersionError',
      `Specifying a deck slot like "${given}" requires apiLevel 2.15. Increase your protocol's apiLevel, or use slot "${slot}" instead.`,
    );
  }
  return slot;
}

/**
 * `ctx.deck.get_slot_center(slot)`: the middle of the slot's bounding box. The legacy core looks
 * the slot up by its definition's id, so from 2.12 an int is not found (4.7.0 took its `str()`);
 * the Protocol Engine runtime (2.14) validates it as any slot argument.
 */
export function slotCenter(st: EngineState, location: DeckLocation): Point {
  let slot: string;
  if (st.has('engineCore')) slot = validDeckSlot(st, location);
  else {
    slot = String(location);
    const found = st.defs.slots().has(slot) && (typeof location === 'string' || !st.has('release7'));
    if (!found) {
      const ids = [...st.defs.slots().keys()].map((id) => `'${id}'`).join(', ');
      throw pyError('ValueError', `slot ${slot} could not be found,valid deck slots are: [${ids}]`);
    }
  }
  const spec = st.defs.slots().get(slot);
  if (spec === undefined) throw pyError('ValueError', `'${slot}' is not a valid deck slot`);
  return { x: spec.position.x + spec.xDimension / 2, y: spec.position.y + spec.yDimension / 2, z: spec.position.z };
}
