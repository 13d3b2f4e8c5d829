import { Type } from '@sinclair/typebox';
import { engineLoadLiquid } from '../protocol-engine.ts';
import { defineCommand } from './command.ts';
import { Id } from './params.ts';

/** The Protocol Engine's `loadLiquid` (JSON v6–8): a declared liquid's volumes in wells of a labware. */
export const loadLiquid = defineCommand({
  commandType: 'loadLiquid',
  params: Type.Object({ liquidId: Id, labwareId: Id, volumeByWell: Type.Record(Type.String(), Type.Number({ minimum: 0 })) }),
  execute(params, { state }) {
    engineLoadLiquid(state, params.liquidId, params.labwareId, params.volumeByWell);
    return {};
  },
});
