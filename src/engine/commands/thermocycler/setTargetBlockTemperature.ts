import { Type } from '@sinclair/typebox';
import { thermocyclerSetBlockTemperature } from '../../thermocycler.ts';
import { defineCommand } from '../command.ts';
import { Id, Maybe, plain, PyNumber } from '../params.ts';

/** `set_block_temperature(temperature, hold_time_seconds, hold_time_minutes, ramp_rate)`. */
export const setTargetBlockTemperature = defineCommand({
  commandType: 'thermocycler/setTargetBlockTemperature',
  params: Type.Object({
    moduleId: Id,
    celsius: PyNumber,
    holdTimeSeconds: Maybe(PyNumber),
    holdTimeMinutes: Maybe(PyNumber),
    rampRate: Maybe(PyNumber),
  }),
  execute: (params, { state }) =>
    thermocyclerSetBlockTemperature(
      state,
      params.moduleId,
      plain(params.celsius) ?? 0,
      params.holdTimeSeconds ?? null,
      params.holdTimeMinutes ?? null,
      plain(params.rampRate),
    ),
});
