import { Type } from '@sinclair/typebox';
import { mix as mixAt } from '../../pipetting.ts';
import { defineCommand } from '../command.ts';
import { AnyLocation, Id, Maybe, plain, PyNumber } from '../params.ts';

/** `pipette.mix(repetitions, volume, location, rate)`: its header and the aspirates and dispenses. */
export const mix = defineCommand({
  commandType: 'labwright/mix',
  params: Type.Object({
    pipetteId: Id,
    repetitions: Maybe(PyNumber),
    volume: Maybe(PyNumber),
    location: Maybe(AnyLocation),
    rate: Maybe(PyNumber),
  }),
  execute: (params, { state }) =>
    mixAt(state, params.pipetteId, params.repetitions ?? 1, plain(params.volume), params.location ?? null, plain(params.rate) ?? 1),
});
