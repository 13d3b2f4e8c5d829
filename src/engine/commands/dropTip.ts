import { Type } from '@sinclair/typebox';
import { dropTip as drop } from '../tips.ts';
import { defineCommand } from './command.ts';
import { AnyLocation, Id, Maybe } from './params.ts';

/** `pipette.drop_tip(location, home_after)`; no location = the pipette's trash. */
export const dropTip = defineCommand({
  commandType: 'dropTip',
  params: Type.Object({ pipetteId: Id, location: Maybe(AnyLocation), homeAfter: Type.Optional(Type.Boolean()) }),
  execute: (params, { state }) => drop(state, params.pipetteId, params.location ?? null, params.homeAfter !== false),
});
