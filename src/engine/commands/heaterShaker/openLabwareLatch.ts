import { Type } from '@sinclair/typebox';
import { hsOpenLatch } from '../../engine-heater-shaker.ts';
import { pyHsOpenLatch } from '../../python-heater-shaker.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

/** The Protocol Engine's `heaterShaker/openLabwareLatch` (JSON v6–8); from Python, `open_labware_latch()` with its run-log entry. Opens the latch (not while shaking); result `{pipetteRetracted}`. */
export const hsOpenLabwareLatchCommand = defineCommand({
  commandType: 'heaterShaker/openLabwareLatch',
  params: Type.Object({ moduleId: Id }),
  execute: (params, { state }) => (state.protocolEngine ? hsOpenLatch(state, params.moduleId) : pyHsOpenLatch(state, params.moduleId)),
});
