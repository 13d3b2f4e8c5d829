import { Type } from '@sinclair/typebox';
import { thermocyclerOpenLid } from '../../thermocycler.ts';
import { engineTcMoveLid } from '../../engine-thermocycler.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

export const openLid = defineCommand({
  commandType: 'thermocycler/openLid',
  params: Type.Object({ moduleId: Id }),
  execute(params, { state }) {
    if (state.protocolEngine) return engineTcMoveLid(state, params.moduleId, 'open');
    return thermocyclerOpenLid(state, params.moduleId);
  },
});
