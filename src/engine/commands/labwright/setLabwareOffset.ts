import { Type } from '@sinclair/typebox';
import { labwareInfo } from '../../labware.ts';
import { applyUpdate } from '../../stores/index.ts';
import { defineCommand } from '../command.ts';
import { Id, PointSchema } from '../params.ts';

/** `labware.set_offset(x, y, z)` (2.12): the labware's positions move by the new offset; its info is returned. */
export const setLabwareOffset = defineCommand({
  commandType: 'labwright/setLabwareOffset',
  params: Type.Object({ labwareId: Id, offset: PointSchema }),
  execute: (params, { state }) => {
    const lw = state.lw(params.labwareId);
    applyUpdate(state, { type: 'labware/offsetSet', labwareId: lw.id, offset: params.offset });
    return labwareInfo(lw);
  },
  report: (params) => ({ params, result: null }),
});
