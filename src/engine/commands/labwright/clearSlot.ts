import { Type } from '@sinclair/typebox';
import { clearSlot as clear } from '../../deck.ts';
import { defineCommand } from '../command.ts';
import { DeckSlot } from '../params.ts';

/** `del ctx.deck[slot]`: the slot is free; what was in it stays usable. */
export const clearSlot = defineCommand({
  commandType: 'labwright/clearSlot',
  params: Type.Object({ slotName: DeckSlot }),
  execute: (params, { state }) => clear(state, params.slotName),
});
