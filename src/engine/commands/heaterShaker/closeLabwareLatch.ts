import { Type } from '@sinclair/typebox';
import { hsCloseLatch } from '../../engine-heater-shaker.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

/** The Protocol Engine's `heaterShaker/closeLabwareLatch` (JSON v6–8). Closes the latch. */
export const hsCloseLabwareLatchCommand = defineCommand({
  commandType: 'heaterShaker/closeLabwareLatch',
  params: Type.Object({ moduleId: Id }),
  execute: (params, { state }) => hsCloseLatch(state, params.moduleId),
});
