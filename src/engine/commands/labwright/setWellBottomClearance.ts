import { Type } from '@sinclair/typebox';
import { setWellBottomClearance as setClearance } from '../../instruments.ts';
import { defineCommand } from '../command.ts';
import { Id, Maybe, plain, PyNumber } from '../params.ts';

/** `pipette.well_bottom_clearance.aspirate = x` (or dispense), mm. */
export const setWellBottomClearance = defineCommand({
  commandType: 'labwright/setWellBottomClearance',
  params: Type.Object({ pipetteId: Id, aspirate: Maybe(PyNumber), dispense: Maybe(PyNumber) }),
  execute(params, { state }) {
    const clearance: { aspirate?: number; dispense?: number } = {};
    const aspirate = plain(params.aspirate);
    const dispense = plain(params.dispense);
    if (aspirate !== null) clearance.aspirate = aspirate;
    if (dispense !== null) clearance.dispense = dispense;
    setClearance(state, params.pipetteId, clearance);
  },
});
