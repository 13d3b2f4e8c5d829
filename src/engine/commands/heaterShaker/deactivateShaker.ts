import { Type } from '@sinclair/typebox';
import { hsDeactivateShaker } from '../../engine-heater-shaker.ts';
import { pyHsDeactivateShaker } from '../../python-heater-shaker.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

/** The Protocol Engine's `heaterShaker/deactivateShaker` (JSON v6–8); from Python, `deactivate_shaker()` with its run-log entry. Stops shaking (latch closed). */
export const hsDeactivateShakerCommand = defineCommand({
  commandType: 'heaterShaker/deactivateShaker',
  params: Type.Object({ moduleId: Id }),
  execute: (params, { state }) => (state.protocolEngine ? hsDeactivateShaker(state, params.moduleId) : pyHsDeactivateShaker(state, params.moduleId)),
});
