import { Type } from '@sinclair/typebox';
import { temperatureDeactivate } from '../../modules.ts';
import { engineModuleOfType } from '../../protocol-engine.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

export const deactivate = defineCommand({
  commandType: 'temperatureModule/deactivate',
  params: Type.Object({ moduleId: Id }),
  execute(params, { state }) {
    // Under the Protocol Engine's rules (JSON v6–8) another kind of module is its WrongModuleTypeError.
    if (state.protocolEngine) engineModuleOfType(state, params.moduleId, 'temperatureModuleType');
    temperatureDeactivate(state, params.moduleId);
  },
});
