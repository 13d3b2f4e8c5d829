import { Type } from '@sinclair/typebox';
import { clearSlot as clear } from '../../deck.ts';
import { removeFromDeck } from '../../labware-movement.ts';
import { defineCommand } from '../command.ts';
import { DeckSlot } from '../params.ts';

/**
 * `del ctx.deck[slot]`: the slot is free; what was in it stays usable. From 2.15 a labware there
 * is moved off the deck (as the Protocol Engine runtime does), so its wells say where it is.
 */
export const clearSlot = defineCommand({
  commandType: 'labwright/clearSlot',
  params: Type.Object({ slotName: DeckSlot }),
  execute(params, { state }) {
    if (state.has('labwareMovement') && removeFromDeck(state, params.slotName)) return;
    clear(state, params.slotName);
  },
});
