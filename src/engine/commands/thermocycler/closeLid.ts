import { Type } from '@sinclair/typebox';
import { thermocyclerCloseLid } from '../../thermocycler.ts';
import { engineTcMoveLid } from '../../engine-thermocycler.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

export const closeLid = defineCommand({
  commandType: 'thermocycler/closeLid',
  params: Type.Object({ moduleId: Id }),
  execute(params, { state }) {
    if (state.protocolEngine) return engineTcMoveLid(state, params.moduleId, 'closed');
    return thermocyclerCloseLid(state, params.moduleId);
  },
});
