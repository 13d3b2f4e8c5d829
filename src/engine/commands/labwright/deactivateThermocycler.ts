import { Type } from '@sinclair/typebox';
import { thermocyclerDeactivate } from '../../thermocycler.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

/** `tc.deactivate()`: block and lid together, with the 4.x text. */
export const deactivateThermocycler = defineCommand({
  commandType: 'labwright/deactivateThermocycler',
  params: Type.Object({ moduleId: Id }),
  execute: (params, { state }) => thermocyclerDeactivate(state, params.moduleId),
});
