import { Type } from '@sinclair/typebox';
import { engineTcWaitBlock } from '../../engine-thermocycler.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

/** The Protocol Engine's wait for the block's target and hold time (JSON v6–8). */
export const waitForBlockTemperature = defineCommand({
  commandType: 'thermocycler/waitForBlockTemperature',
  params: Type.Object({ moduleId: Id }),
  execute: (params, { state }) => engineTcWaitBlock(state, params.moduleId),
});
