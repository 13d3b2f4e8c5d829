import { Type } from '@sinclair/typebox';
import { hsSetTargetTemperature } from '../../engine-heater-shaker.ts';
import { pyHsSetTargetTemperature } from '../../python-heater-shaker.ts';
import { defineCommand } from '../command.ts';
import { Id, plain, PyNumber } from '../params.ts';

/** The Protocol Engine's `heaterShaker/setTargetTemperature` (JSON v6–8); from Python, `set_target_temperature(celsius)` with its run-log entry. Heating starts towards the target; nothing waits. */
export const hsSetTargetTemperatureCommand = defineCommand({
  commandType: 'heaterShaker/setTargetTemperature',
  params: Type.Object({ moduleId: Id, celsius: PyNumber }),
  execute: (params, { state }) => (state.protocolEngine ? hsSetTargetTemperature(state, params.moduleId, plain(params.celsius) ?? 0) : pyHsSetTargetTemperature(state, params.moduleId, params.celsius)),
});
