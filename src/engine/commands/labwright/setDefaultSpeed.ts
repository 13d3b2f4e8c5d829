import { Type } from '@sinclair/typebox';
import { setDefaultSpeed as setSpeed } from '../../instruments.ts';
import { defineCommand } from '../command.ts';
import { Id, Maybe, plain, PyNumber } from '../params.ts';

/** `pipette.default_speed = x`, mm/s of gantry travel (400 when unset). */
export const setDefaultSpeed = defineCommand({
  commandType: 'labwright/setDefaultSpeed',
  params: Type.Object({ pipetteId: Id, speed: Maybe(PyNumber) }),
  execute: (params, { state }) => setSpeed(state, params.pipetteId, plain(params.speed) ?? 400),
});
