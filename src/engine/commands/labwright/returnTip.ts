import { Type } from '@sinclair/typebox';
import { returnTip as putBack } from '../../tips.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

/** `pipette.return_tip(home_after)`: the tip goes back where it came from. */
export const returnTip = defineCommand({
  commandType: 'labwright/returnTip',
  params: Type.Object({ pipetteId: Id, homeAfter: Type.Optional(Type.Boolean()) }),
  execute: (params, { state }) => putBack(state, params.pipetteId, params.homeAfter !== false),
});
