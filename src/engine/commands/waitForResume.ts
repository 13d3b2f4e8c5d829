import { Type } from '@sinclair/typebox';
import { pause } from '../protocol.ts';
import { defineCommand } from './command.ts';
import { Maybe } from './params.ts';

/** `ctx.pause(msg)` and JSON's `delay` with `wait: true`: the run holds until resumed. */
export const waitForResume = defineCommand({
  commandType: 'waitForResume',
  params: Type.Object({ message: Maybe(Type.String()) }),
  execute: (params, { state }) => pause(state, params.message ?? null),
});
