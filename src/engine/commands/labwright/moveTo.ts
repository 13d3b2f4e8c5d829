import { Type } from '@sinclair/typebox';
import { moveTo as moveToLocation } from '../../motion.ts';
import { moveToTrashBin } from '../../disposal.ts';
import { isTrashBin } from '../../trash-bin.ts';
import { defineCommand } from '../command.ts';
import { AnyLocationOrTrashBin, Id, Maybe, plain, PyNumber } from '../params.ts';

/** `pipette.move_to(location, force_direct, minimum_z_height, speed, publish)`, "Moving to ...". */
export const moveTo = defineCommand({
  commandType: 'labwright/moveTo',
  params: Type.Object({
    pipetteId: Id,
    location: AnyLocationOrTrashBin,
    forceDirect: Type.Optional(Type.Boolean()),
    minimumZHeight: Maybe(PyNumber),
    speed: Maybe(PyNumber),
    publish: Type.Optional(Type.Boolean()),
  }),
  execute(params, context) {
    const options = { forceDirect: params.forceDirect === true, minimumZHeight: plain(params.minimumZHeight), speed: plain(params.speed) };
    const publish = params.publish !== false;
    if (isTrashBin(params.location)) return moveToTrashBin(context, params.pipetteId, params.location, publish, options);
    return moveToLocation(context.state, params.pipetteId, params.location, { ...options, publish });
  },
});
