import { Type } from '@sinclair/typebox';
import { temperatureDeactivate } from '../../modules.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

export const deactivate = defineCommand({
  commandType: 'temperatureModule/deactivate',
  params: Type.Object({ moduleId: Id }),
  execute: (params, { state }) => temperatureDeactivate(state, params.moduleId),
});
