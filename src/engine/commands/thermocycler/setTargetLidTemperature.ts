import { Type } from '@sinclair/typebox';
import { thermocyclerSetLidTemperature } from '../../thermocycler.ts';
import { defineCommand } from '../command.ts';
import { Id, plain, PyNumber } from '../params.ts';

export const setTargetLidTemperature = defineCommand({
  commandType: 'thermocycler/setTargetLidTemperature',
  params: Type.Object({ moduleId: Id, celsius: PyNumber }),
  execute: (params, { state }) => thermocyclerSetLidTemperature(state, params.moduleId, plain(params.celsius) ?? 0),
});
