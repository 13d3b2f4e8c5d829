import { Type } from '@sinclair/typebox';
import { nextDropPoint } from '../addressable-areas.ts';
import { moveOverArea } from './moveToAddressableArea.ts';
import { defineCommand } from './command.ts';
import { Id, Maybe, PointSchema } from './params.ts';

/**
 * The Protocol Engine's `moveToAddressableAreaForDropTip` (JSON v8): as `moveToAddressableArea`,
 * and with `alternateDropLocation` the offset gives way to the area's alternating drop spots
 * (right of the trash's centre, then left). Protocol Designer 8 follows it with `dropTipInPlace`.
 */
export const moveToAddressableAreaForDropTip = defineCommand({
  commandType: 'moveToAddressableAreaForDropTip',
  params: Type.Object({
    pipetteId: Id,
    addressableAreaName: Type.String(),
    offset: Maybe(PointSchema),
    alternateDropLocation: Maybe(Type.Boolean()),
    ignoreTipConfiguration: Maybe(Type.Boolean()),
    minimumZHeight: Maybe(Type.Number()),
    forceDirect: Maybe(Type.Boolean()),
    speed: Maybe(Type.Number()),
  }),
  execute(params, { state }) {
    const offset = params.offset ?? { x: 0, y: 0, z: 0 };
    const position = moveOverArea(state, params, (centre) =>
      params.alternateDropLocation === true
        ? nextDropPoint(state, params.addressableAreaName)
        : { x: centre.x + offset.x, y: centre.y + offset.y, z: centre.z + offset.z },
    );
    return { position };
  },
});
