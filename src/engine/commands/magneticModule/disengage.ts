import { Type } from '@sinclair/typebox';
import { magneticDisengage } from '../../modules.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

export const disengage = defineCommand({
  commandType: 'magneticModule/disengage',
  params: Type.Object({ moduleId: Id }),
  execute: (params, { state }) => magneticDisengage(state, params.moduleId),
});
