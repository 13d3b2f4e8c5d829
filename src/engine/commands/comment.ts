import { Type } from '@sinclair/typebox';
import { comment as logComment } from '../protocol.ts';
import { defineCommand } from './command.ts';

/** `ctx.comment(msg)`: `message` is the text as the protocol formatted it. */
export const comment = defineCommand({
  commandType: 'comment',
  params: Type.Object({ message: Type.String() }),
  execute: (params, { state }) => logComment(state, params.message),
});
