import { Type } from '@sinclair/typebox';
import { toCache } from '../locations.ts';
import { move } from '../motion.ts';
import { defineCommand } from './command.ts';
import { Id, Maybe, plain, PointSchema, PyNumber } from './params.ts';

/** A move of the pipette's critical point to deck coordinates, not logged (JSON `moveToSlot`). */
export const moveToCoordinates = defineCommand({
  commandType: 'moveToCoordinates',
  params: Type.Object({
    pipetteId: Id,
    coordinates: PointSchema,
    minimumZHeight: Maybe(PyNumber),
    forceDirect: Maybe(Type.Boolean()),
    speed: Maybe(PyNumber),
  }),
  execute(params, { state }) {
    const to = toCache(state, params.coordinates, { kind: 'none' });
    move(state, state.pipette(params.pipetteId), to, {
      forceDirect: params.forceDirect === true,
      minimumZHeight: plain(params.minimumZHeight),
      speed: plain(params.speed),
    });
    // The Protocol Engine answers with where the pipette went; 4.x callers get nothing.
    return state.protocolEngine ? { position: params.coordinates } : undefined;
  },
});
