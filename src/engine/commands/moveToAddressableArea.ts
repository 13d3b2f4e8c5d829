import { Type } from '@sinclair/typebox';
import { areaTopCentre, checkArea, useArea } from '../addressable-areas.ts';
import { toCache } from '../locations.ts';
import { instrMaxHeight, move } from '../motion.ts';
import { enginePipette } from '../protocol-engine.ts';
import { defineCommand } from './command.ts';
import { Id, Maybe, PointSchema } from './params.ts';

/**
 * The Protocol Engine's `moveToAddressableArea` (JSON v8): the pipette over an area's top centre
 * plus `offset` (Protocol Designer 8's way to the OT-2's fixed trash), or at its highest possible
 * Z there with `stayAtHighestPossibleZ`. The area must be on the deck and fit the areas in use.
 */
export const moveToAddressableArea = defineCommand({
  commandType: 'moveToAddressableArea',
  params: Type.Object({
    pipetteId: Id,
    addressableAreaName: Type.String(),
    offset: Maybe(PointSchema),
    stayAtHighestPossibleZ: Maybe(Type.Boolean()),
    minimumZHeight: Maybe(Type.Number()),
    forceDirect: Maybe(Type.Boolean()),
    speed: Maybe(Type.Number()),
  }),
  execute(params, { state }) {
    const p = enginePipette(state, params.pipetteId);
    const area = params.addressableAreaName;
    checkArea(state, area);
    const centre = areaTopCentre(state, area);
    const offset = params.offset ?? { x: 0, y: 0, z: 0 };
    const position = { x: centre.x + offset.x, y: centre.y + offset.y, z: centre.z + offset.z };
    if (params.stayAtHighestPossibleZ === true) position.z = instrMaxHeight(p);
    move(state, p, toCache(state, position, { kind: 'none' }), {
      forceDirect: params.forceDirect === true,
      minimumZHeight: params.minimumZHeight ?? null,
      speed: params.speed ?? null,
    });
    useArea(state, area);
    return { position };
  },
});
