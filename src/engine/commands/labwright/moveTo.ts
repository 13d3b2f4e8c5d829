import { Type } from '@sinclair/typebox';
import { moveTo as moveToLocation } from '../../motion.ts';
import { defineCommand } from '../command.ts';
import { AnyLocation, Id, Maybe, plain, PyNumber } from '../params.ts';

/** `pipette.move_to(location, force_direct, minimum_z_height, speed, publish)`, "Moving to ...". */
export const moveTo = defineCommand({
  commandType: 'labwright/moveTo',
  params: Type.Object({
    pipetteId: Id,
    location: AnyLocation,
    forceDirect: Type.Optional(Type.Boolean()),
    minimumZHeight: Maybe(PyNumber),
    speed: Maybe(PyNumber),
    publish: Type.Optional(Type.Boolean()),
  }),
  execute: (params, { state }) =>
    moveToLocation(state, params.pipetteId, params.location, {
      forceDirect: params.forceDirect === true,
      minimumZHeight: plain(params.minimumZHeight),
      speed: plain(params.speed),
      publish: params.publish !== false,
    }),
});
