import { Type } from '@sinclair/typebox';
import { hsWaitForTemperature } from '../../engine-heater-shaker.ts';
import { pyHsWaitForTemperature } from '../../python-heater-shaker.ts';
import { defineCommand } from '../command.ts';
import { Id, Maybe, plain, PyNumber } from '../params.ts';

/** The Protocol Engine's `heaterShaker/waitForTemperature` (JSON v6–8); from Python, `wait_for_temperature()` with its run-log entry. Waits for the target set before. */
export const hsWaitForTemperatureCommand = defineCommand({
  commandType: 'heaterShaker/waitForTemperature',
  params: Type.Object({ moduleId: Id, celsius: Maybe(PyNumber) }),
  execute: (params, { state }) => (state.protocolEngine ? hsWaitForTemperature(state, params.moduleId, plain(params.celsius)) : pyHsWaitForTemperature(state, params.moduleId)),
});
