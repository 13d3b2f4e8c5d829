import { Type } from '@sinclair/typebox';
import { engineTcSetLid } from '../../engine-thermocycler.ts';
import { thermocyclerSetLidTemperature } from '../../thermocycler.ts';
import { defineCommand } from '../command.ts';
import { Id, plain, PyNumber } from '../params.ts';

export const setTargetLidTemperature = defineCommand({
  commandType: 'thermocycler/setTargetLidTemperature',
  params: Type.Object({ moduleId: Id, celsius: PyNumber }),
  // Under the Protocol Engine's rules (JSON v6–8) it does not wait; the result is the target.
  execute: (params, { state }) =>
    state.protocolEngine
      ? engineTcSetLid(state, params.moduleId, plain(params.celsius) ?? 0)
      : thermocyclerSetLidTemperature(state, params.moduleId, plain(params.celsius) ?? 0),
});
