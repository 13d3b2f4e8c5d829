import { Type } from '@sinclair/typebox';
import { touchTip as touch } from '../pipetting.ts';
import { defineCommand } from './command.ts';
import { AnyLocation, Id, Maybe, plain, PyNumber } from './params.ts';

/** `pipette.touch_tip(location, radius, v_offset, speed)` with the API's defaults 1.0, -1.0, 60.0. */
export const touchTip = defineCommand({
  commandType: 'touchTip',
  params: Type.Object({
    pipetteId: Id,
    location: Maybe(AnyLocation),
    radius: Maybe(PyNumber),
    vOffset: Maybe(PyNumber),
    speed: Maybe(PyNumber),
  }),
  execute: (params, { state }) =>
    touch(state, params.pipetteId, params.location ?? null, plain(params.radius) ?? 1, plain(params.vOffset) ?? -1, plain(params.speed) ?? 60),
});
