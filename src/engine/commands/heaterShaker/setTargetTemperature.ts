import { Type } from '@sinclair/typebox';
import { hsSetTargetTemperature } from '../../engine-heater-shaker.ts';
import { defineCommand } from '../command.ts';
import { Id, plain, PyNumber } from '../params.ts';

/** The Protocol Engine's `heaterShaker/setTargetTemperature` (JSON v6–8). Heating starts towards the target; nothing waits. */
export const hsSetTargetTemperatureCommand = defineCommand({
  commandType: 'heaterShaker/setTargetTemperature',
  params: Type.Object({ moduleId: Id, celsius: PyNumber }),
  execute: (params, { state }) => hsSetTargetTemperature(state, params.moduleId, plain(params.celsius) ?? 0),
});
