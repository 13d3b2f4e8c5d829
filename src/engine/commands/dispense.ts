import { Type } from '@sinclair/typebox';
import { dispense as dispenseAt } from '../pipetting.ts';
import { defineCommand } from './command.ts';
import { AnyLocation, Id, Maybe, plain, PyNumber } from './params.ts';

/** `pipette.dispense(volume, location, rate)`: `rate` multiplies the pipette's flow rate. */
export const dispense = defineCommand({
  commandType: 'dispense',
  params: Type.Object({ pipetteId: Id, volume: Maybe(PyNumber), location: Maybe(AnyLocation), rate: Maybe(PyNumber) }),
  execute: (params, { state }) => dispenseAt(state, params.pipetteId, plain(params.volume), params.location ?? null, plain(params.rate) ?? 1),
});
