import { Type } from '@sinclair/typebox';
import { hsCloseLatch } from '../../engine-heater-shaker.ts';
import { pyHsCloseLatch } from '../../python-heater-shaker.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

/** The Protocol Engine's `heaterShaker/closeLabwareLatch` (JSON v6–8); from Python, `close_labware_latch()` with its run-log entry. Closes the latch. */
export const hsCloseLabwareLatchCommand = defineCommand({
  commandType: 'heaterShaker/closeLabwareLatch',
  params: Type.Object({ moduleId: Id }),
  execute: (params, { state }) => (state.protocolEngine ? hsCloseLatch(state, params.moduleId) : pyHsCloseLatch(state, params.moduleId)),
});
