import { Type } from '@sinclair/typebox';
import { thermocyclerDeactivateBlock } from '../../thermocycler.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

export const deactivateBlock = defineCommand({
  commandType: 'thermocycler/deactivateBlock',
  params: Type.Object({ moduleId: Id }),
  execute: (params, { state }) => thermocyclerDeactivateBlock(state, params.moduleId),
});
