import { Type } from '@sinclair/typebox';
import { resetTipracks as reset } from '../../tips.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

/** `pipette.reset_tipracks()`: every tip of its racks back, the starting tip forgotten. */
export const resetTipracks = defineCommand({
  commandType: 'labwright/resetTipracks',
  params: Type.Object({ pipetteId: Id }),
  execute: (params, { state }) => reset(state, params.pipetteId),
});
