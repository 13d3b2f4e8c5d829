import { Type } from '@sinclair/typebox';
import { hsDeactivateHeater } from '../../engine-heater-shaker.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

/** The Protocol Engine's `heaterShaker/deactivateHeater` (JSON v6–8). Stops heating. */
export const hsDeactivateHeaterCommand = defineCommand({
  commandType: 'heaterShaker/deactivateHeater',
  params: Type.Object({ moduleId: Id }),
  execute: (params, { state }) => hsDeactivateHeater(state, params.moduleId),
});
