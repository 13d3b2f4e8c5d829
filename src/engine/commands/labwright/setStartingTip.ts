import { Type } from '@sinclair/typebox';
import { setStartingTip as setStart } from '../../tips.ts';
import { defineCommand } from '../command.ts';
import { Id, Maybe, WellRef } from '../params.ts';

/** `pipette.starting_tip = well` (or None). */
export const setStartingTip = defineCommand({
  commandType: 'labwright/setStartingTip',
  params: Type.Object({ pipetteId: Id, tip: Maybe(WellRef) }),
  execute: (params, { state }) => setStart(state, params.pipetteId, params.tip ?? null),
});
