import { Type } from '@sinclair/typebox';
import { engineTcWaitLid } from '../../engine-thermocycler.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

/** The Protocol Engine's wait for the lid's target (JSON v6–8). */
export const waitForLidTemperature = defineCommand({
  commandType: 'thermocycler/waitForLidTemperature',
  params: Type.Object({ moduleId: Id }),
  execute: (params, { state }) => engineTcWaitLid(state, params.moduleId),
});
