import { Type } from '@sinclair/typebox';
import { aspirate as aspirateAt } from '../pipetting.ts';
import { defineCommand } from './command.ts';
import { AnyLocation, Id, Maybe, plain, PyNumber } from './params.ts';

/** `pipette.aspirate(volume, location, rate)`: `rate` multiplies the pipette's flow rate. */
export const aspirate = defineCommand({
  commandType: 'aspirate',
  params: Type.Object({ pipetteId: Id, volume: Maybe(PyNumber), location: Maybe(AnyLocation), rate: Maybe(PyNumber) }),
  execute: (params, { state }) => aspirateAt(state, params.pipetteId, plain(params.volume), params.location ?? null, plain(params.rate) ?? 1),
});
