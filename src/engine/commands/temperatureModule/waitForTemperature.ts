import { Type } from '@sinclair/typebox';
import { temperatureAwait } from '../../modules.ts';
import { defineCommand } from '../command.ts';
import { Id, plain, PyNumber } from '../params.ts';

/** `await_temperature(celsius)`. */
export const waitForTemperature = defineCommand({
  commandType: 'temperatureModule/waitForTemperature',
  params: Type.Object({ moduleId: Id, celsius: PyNumber }),
  execute: (params, { state }) => temperatureAwait(state, params.moduleId, plain(params.celsius) ?? 0),
});
