import { Type } from '@sinclair/typebox';
import { delay } from '../protocol.ts';
import { defineCommand } from './command.ts';
import { Maybe, plain, PyNumber } from './params.ts';

/** `ctx.delay(seconds, minutes, msg)` and JSON's timed `delay`: one text rule for both. */
export const waitForDuration = defineCommand({
  commandType: 'waitForDuration',
  params: Type.Object({ seconds: Maybe(PyNumber), minutes: Maybe(PyNumber), message: Maybe(Type.String()) }),
  execute: (params, { state }) => delay(state, plain(params.seconds) ?? 0, plain(params.minutes) ?? 0, params.message ?? null),
});
