import { Type } from '@sinclair/typebox';
import { setPlungerSpeed as setSpeeds } from '../../instruments.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';
import { givenRates, Rates } from './setFlowRate.ts';

/** `pipette.speed.aspirate = x` (and dispense, blow_out), mm/s of plunger travel. */
export const setPlungerSpeed = defineCommand({
  commandType: 'labwright/setPlungerSpeed',
  params: Type.Object({ pipetteId: Id, ...Rates }),
  execute: (params, { state }) => setSpeeds(state, params.pipetteId, givenRates(params)),
});
