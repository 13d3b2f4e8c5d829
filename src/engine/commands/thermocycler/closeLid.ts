import { Type } from '@sinclair/typebox';
import { thermocyclerCloseLid } from '../../thermocycler.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

export const closeLid = defineCommand({
  commandType: 'thermocycler/closeLid',
  params: Type.Object({ moduleId: Id }),
  execute: (params, { state }) => thermocyclerCloseLid(state, params.moduleId),
});
