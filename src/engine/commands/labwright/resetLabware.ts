import { Type } from '@sinclair/typebox';
import { labwareReset } from '../../tips.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

/** `labware.reset()`: every tip back. */
export const resetLabware = defineCommand({
  commandType: 'labwright/resetLabware',
  params: Type.Object({ labwareId: Id }),
  execute: (params, { state }) => labwareReset(state, params.labwareId),
});
