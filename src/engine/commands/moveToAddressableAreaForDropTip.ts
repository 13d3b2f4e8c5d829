import { Type } from '@sinclair/typebox';
import { areaTopCentre, checkArea, nextDropPoint, useArea } from '../addressable-areas.ts';
import { toCache } from '../locations.ts';
import { move } from '../motion.ts';
import { enginePipette } from '../protocol-engine.ts';
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
    const p = enginePipette(state, params.pipetteId);
    const area = params.addressableAreaName;
    checkArea(state, area);
    const offset = params.offset ?? { x: 0, y: 0, z: 0 };
    const centre = areaTopCentre(state, area);
    const position =
      params.alternateDropLocation === true ? nextDropPoint(state, area) : { x: centre.x + offset.x, y: centre.y + offset.y, z: centre.z + offset.z };
    move(state, p, toCache(state, position, { kind: 'none' }), {
      forceDirect: params.forceDirect === true,
      minimumZHeight: params.minimumZHeight ?? null,
      speed: params.speed ?? null,
    });
    useArea(state, area);
    return { position };
  },
});
