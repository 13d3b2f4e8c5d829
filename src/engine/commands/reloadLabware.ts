import { Type } from '@sinclair/typebox';
import { engineLabware } from '../protocol-engine.ts';
import { defineCommand } from './command.ts';
import { Id } from './params.ts';

/** The Protocol Engine's `reloadLabware` (§7.8): the labware stays as it is; the result names it. */
export const reloadLabware = defineCommand({
  commandType: 'reloadLabware',
  params: Type.Object({ labwareId: Id }),
  execute(params, { state }) {
    engineLabware(state, params.labwareId);
    return { labwareId: params.labwareId, offsetId: null };
  },
});
