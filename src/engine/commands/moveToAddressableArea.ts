import { Type } from '@sinclair/typebox';
import { areaTopCentre, checkArea, useArea } from '../addressable-areas.ts';
import { toCache } from '../locations.ts';
import { instrMaxHeight, move } from '../motion.ts';
import { enginePipette } from '../protocol-engine.ts';
import type { EngineState } from '../state.ts';
import type { Point } from '../types.ts';
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
    const pipette = enginePipette(state, params.pipetteId);
    const position = moveOverArea(state, params, (centre) => {
      const offset = params.offset ?? { x: 0, y: 0, z: 0 };
      const point = { x: centre.x + offset.x, y: centre.y + offset.y, z: centre.z + offset.z };
      return params.stayAtHighestPossibleZ === true ? { ...point, z: instrMaxHeight(pipette) } : point;
    });
    return { position };
  },
});

/**
 * What both moves to an area do: the area must be on the deck and fit the areas in use; the
 * pipette moves to the point `place` picks from the area's top centre; the area is then in use.
 */
export function moveOverArea(
  state: EngineState,
  params: { pipetteId: string; addressableAreaName: string; forceDirect?: boolean | null; minimumZHeight?: number | null; speed?: number | null },
  place: (centre: Point) => Point,
): Point {
  const pipette = enginePipette(state, params.pipetteId);
  const area = params.addressableAreaName;
  checkArea(state, area);
  const position = place(areaTopCentre(state, area));
  move(state, pipette, toCache(state, position, { kind: 'none' }), {
    forceDirect: params.forceDirect === true,
    minimumZHeight: params.minimumZHeight ?? null,
    speed: params.speed ?? null,
  });
  useArea(state, area);
  return position;
}
