import { Type } from '@sinclair/typebox';
import { hsDeactivateHeater } from '../../engine-heater-shaker.ts';
import { pyHsDeactivateHeater } from '../../python-heater-shaker.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

/** The Protocol Engine's `heaterShaker/deactivateHeater` (JSON v6–8); from Python, `deactivate_heater()` with its run-log entry. Stops heating. */
export const hsDeactivateHeaterCommand = defineCommand({
  commandType: 'heaterShaker/deactivateHeater',
  params: Type.Object({ moduleId: Id }),
  execute: (params, { state }) => (state.protocolEngine ? hsDeactivateHeater(state, params.moduleId) : pyHsDeactivateHeater(state, params.moduleId)),
});
