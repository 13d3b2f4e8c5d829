import { Type } from '@sinclair/typebox';
import { thermocyclerDeactivateLid } from '../../thermocycler.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

export const deactivateLid = defineCommand({
  commandType: 'thermocycler/deactivateLid',
  params: Type.Object({ moduleId: Id }),
  execute: (params, { state }) => thermocyclerDeactivateLid(state, params.moduleId),
});
