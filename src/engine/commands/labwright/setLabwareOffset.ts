import { Type } from '@sinclair/typebox';
import { setLabwareOffset as setOffset } from '../../labware-offset.ts';
import { defineCommand } from '../command.ts';
import { Id, PointSchema } from '../params.ts';

/** `labware.set_offset(x, y, z)` (2.12–2.13, and from 2.18): the labware at its nominal place plus `offset`; answers its new info. */
export const setLabwareOffset = defineCommand({
  commandType: 'labwright/setLabwareOffset',
  params: Type.Object({ labwareId: Id, offset: PointSchema }),
  execute: (params, { state }) => setOffset(state, params.labwareId, params.offset),
  report: (params, info) => ({ params, result: { labwareId: info.labwareId } }),
});
