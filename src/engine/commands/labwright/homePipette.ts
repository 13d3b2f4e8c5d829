import { Type } from '@sinclair/typebox';
import { homePipette as homeMount, homePlunger } from '../../instruments.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

/** `pipette.home()` (mount and plunger, logged) or `pipette.home_plunger()` (`plungerOnly`). */
export const homePipette = defineCommand({
  commandType: 'labwright/homePipette',
  params: Type.Object({ pipetteId: Id, plungerOnly: Type.Optional(Type.Boolean()) }),
  execute: (params, { state }) => (params.plungerOnly === true ? homePlunger(state, params.pipetteId) : homeMount(state, params.pipetteId)),
});
