import { Type } from '@sinclair/typebox';
import { airGap as gap } from '../../pipetting.ts';
import { defineCommand } from '../command.ts';
import { Id, Maybe, plain, PyNumber } from '../params.ts';

/** `pipette.air_gap(volume, height)`: above the last well, aspirate air. */
export const airGap = defineCommand({
  commandType: 'labwright/airGap',
  params: Type.Object({ pipetteId: Id, volume: Maybe(PyNumber), height: Maybe(PyNumber) }),
  execute: (params, { state }) => gap(state, params.pipetteId, plain(params.volume), plain(params.height)),
});
