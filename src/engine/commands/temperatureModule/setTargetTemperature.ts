import { Type } from '@sinclair/typebox';
import { temperatureSetTemperature } from '../../modules.ts';
import { defineCommand } from '../command.ts';
import { Id, plain, PyNumber } from '../params.ts';

/** `set_temperature` (waits) and `start_set_temperature` (`wait: false`), each with its own text. */
export const setTargetTemperature = defineCommand({
  commandType: 'temperatureModule/setTargetTemperature',
  params: Type.Object({ moduleId: Id, celsius: PyNumber, wait: Type.Optional(Type.Boolean()) }),
  execute: (params, { state }) => temperatureSetTemperature(state, params.moduleId, plain(params.celsius) ?? 0, params.wait !== false),
});
