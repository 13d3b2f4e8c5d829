import { Type } from '@sinclair/typebox';
import { hsSetAndWaitForShakeSpeed } from '../../engine-heater-shaker.ts';
import { defineCommand } from '../command.ts';
import { Id, plain, PyNumber } from '../params.ts';

/** The Protocol Engine's `heaterShaker/setAndWaitForShakeSpeed` (JSON v6–8). Shakes at `rpm` (rounded), once the latch is closed; result `{pipetteRetracted}`. */
export const hsSetAndWaitForShakeSpeedCommand = defineCommand({
  commandType: 'heaterShaker/setAndWaitForShakeSpeed',
  params: Type.Object({ moduleId: Id, rpm: PyNumber }),
  execute: (params, { state }) => hsSetAndWaitForShakeSpeed(state, params.moduleId, plain(params.rpm) ?? 0),
});
