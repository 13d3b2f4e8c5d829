import { Type } from '@sinclair/typebox';
import { engineTcSetBlock } from '../../engine-thermocycler.ts';
import { thermocyclerSetBlockTemperature } from '../../thermocycler.ts';
import { defineCommand } from '../command.ts';
import { Id, Maybe, plain, PyNumber } from '../params.ts';

/**
 * `set_block_temperature(temperature, hold_time_seconds, hold_time_minutes, ramp_rate)`. Under the
 * Protocol Engine's rules (JSON v6–8) it does not wait (see `waitForBlockTemperature`) and may
 * name the block's largest volume; the result is the target.
 */
export const setTargetBlockTemperature = defineCommand({
  commandType: 'thermocycler/setTargetBlockTemperature',
  params: Type.Object({
    moduleId: Id,
    celsius: PyNumber,
    holdTimeSeconds: Maybe(PyNumber),
    holdTimeMinutes: Maybe(PyNumber),
    rampRate: Maybe(PyNumber),
    blockMaxVolumeUl: Maybe(PyNumber),
  }),
  execute: (params, { state }) =>
    state.protocolEngine
      ? engineTcSetBlock(state, params.moduleId, plain(params.celsius) ?? 0, plain(params.blockMaxVolumeUl), plain(params.holdTimeSeconds))
      : thermocyclerSetBlockTemperature(
      state,
      params.moduleId,
      plain(params.celsius) ?? 0,
      params.holdTimeSeconds ?? null,
      params.holdTimeMinutes ?? null,
      plain(params.rampRate),
    ),
});
