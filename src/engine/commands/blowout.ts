import { Type } from '@sinclair/typebox';
import { blowOut } from '../pipetting.ts';
import { defineCommand } from './command.ts';
import { AnyLocation, Id, Maybe } from './params.ts';

/** `pipette.blow_out(location)`; no location = where the pipette is. */
export const blowout = defineCommand({
  commandType: 'blowout',
  params: Type.Object({ pipetteId: Id, location: Maybe(AnyLocation) }),
  execute: (params, { state }) => blowOut(state, params.pipetteId, params.location ?? null),
});
