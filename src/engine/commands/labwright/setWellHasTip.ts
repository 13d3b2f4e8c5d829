import { Type } from '@sinclair/typebox';
import { setWellHasTip as setHasTip } from '../../tips.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

/** `well.has_tip = value`. */
export const setWellHasTip = defineCommand({
  commandType: 'labwright/setWellHasTip',
  params: Type.Object({ labwareId: Id, wellName: Type.String(), value: Type.Boolean() }),
  execute: (params, { state }) => setHasTip(state, params.labwareId, params.wellName, params.value),
});
