import { Type } from '@sinclair/typebox';
import { pickUpTip as pickUp } from '../tips.ts';
import { defineCommand } from './command.ts';
import { AnyLocation, Id, Maybe, plain, PyNumber } from './params.ts';

/** `pipette.pick_up_tip(location, presses, increment)`; no location = the next tip of its racks. */
export const pickUpTip = defineCommand({
  commandType: 'pickUpTip',
  params: Type.Object({ pipetteId: Id, location: Maybe(AnyLocation), presses: Maybe(PyNumber), increment: Maybe(PyNumber) }),
  execute: (params, { state }) => pickUp(state, params.pipetteId, params.location ?? null, plain(params.presses), plain(params.increment)),
});
