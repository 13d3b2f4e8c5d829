import { Type } from '@sinclair/typebox';
import { thermocyclerOpenLid } from '../../thermocycler.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

export const openLid = defineCommand({
  commandType: 'thermocycler/openLid',
  params: Type.Object({ moduleId: Id }),
  execute: (params, { state }) => thermocyclerOpenLid(state, params.moduleId),
});
