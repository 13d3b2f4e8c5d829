import { Type } from '@sinclair/typebox';
import { hsWaitForTemperature } from '../../engine-heater-shaker.ts';
import { defineCommand } from '../command.ts';
import { Id, Maybe, plain, PyNumber } from '../params.ts';

/** The Protocol Engine's `heaterShaker/waitForTemperature` (JSON v6–8). Waits for the target set before. */
export const hsWaitForTemperatureCommand = defineCommand({
  commandType: 'heaterShaker/waitForTemperature',
  params: Type.Object({ moduleId: Id, celsius: Maybe(PyNumber) }),
  execute: (params, { state }) => hsWaitForTemperature(state, params.moduleId, plain(params.celsius)),
});
