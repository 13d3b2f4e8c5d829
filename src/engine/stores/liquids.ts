// The store of liquids: the protocol's liquids, those loaded into wells, and the liquid ledger
// (whose own methods keep its per-well accounts and warnings; only this store calls them).
import { LiquidLedger } from '../ledger.ts';
import type { EngineState } from '../state.ts';
import type { LiquidUpdate } from '../updates/liquids.ts';
import type { UpdateHandlers } from './handlers.ts';
import { writable } from './writable.ts';

/** The run's ledger, for changing: the state shows everyone else its reading side only. */
function ledger(state: EngineState): LiquidLedger {
  const l = state.ledger;
  if (!(l instanceof LiquidLedger)) throw new Error('The run state holds no LiquidLedger');
  return l;
}

export const liquidsStore: UpdateHandlers<LiquidUpdate> = {
  'liquid/defined'(state, update) {
    writable(state).liquids.push(update.liquid);
  },
  'liquid/loaded'(state, update) {
    const { liquidId, labwareId, slot, volumeByWell } = update;
    writable(state).loadedLiquids.push({ liquidId, labwareId, volumeByWell });
    const l = ledger(state);
    for (const [wellName, volume] of Object.entries(volumeByWell)) l.load(labwareId, wellName, slot, volume);
  },
  'liquid/aspirated'(state, update) {
    ledger(state).aspirate(update.labwareId, update.wellName, update.slot, update.well, update.volume, update.commandIndex);
  },
  'liquid/dispensed'(state, update) {
    ledger(state).dispense(update.labwareId, update.wellName, update.slot, update.well, update.capacity, update.volume, update.commandIndex);
  },
  'liquid/tipOverCapacity'(state, update) {
    ledger(state).tipOverCapacity(update.volume, update.tipCapacity, update.commandIndex, update.well);
  },
};
