import { Type } from '@sinclair/typebox';
import { hsSetAndWaitForShakeSpeed } from '../../engine-heater-shaker.ts';
import { pyHsSetAndWaitForShakeSpeed } from '../../python-heater-shaker.ts';
import { defineCommand } from '../command.ts';
import { Id, plain, PyNumber } from '../params.ts';

/** The Protocol Engine's `heaterShaker/setAndWaitForShakeSpeed` (JSON v6–8); from Python, `set_and_wait_for_shake_speed(rpm)` with its run-log entry. Shakes at `rpm` (rounded), once the latch is closed; result `{pipetteRetracted}`. */
export const hsSetAndWaitForShakeSpeedCommand = defineCommand({
  commandType: 'heaterShaker/setAndWaitForShakeSpeed',
  params: Type.Object({ moduleId: Id, rpm: PyNumber }),
  execute: (params, { state }) => (state.protocolEngine ? hsSetAndWaitForShakeSpeed(state, params.moduleId, plain(params.rpm) ?? 0) : pyHsSetAndWaitForShakeSpeed(state, params.moduleId, params.rpm)),
});
