import { Type } from '@sinclair/typebox';
import { hsDeactivateShaker } from '../../engine-heater-shaker.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

/** The Protocol Engine's `heaterShaker/deactivateShaker` (JSON v6–8). Stops shaking (latch closed). */
export const hsDeactivateShakerCommand = defineCommand({
  commandType: 'heaterShaker/deactivateShaker',
  params: Type.Object({ moduleId: Id }),
  execute: (params, { state }) => hsDeactivateShaker(state, params.moduleId),
});
