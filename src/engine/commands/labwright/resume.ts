import { Type } from '@sinclair/typebox';
import { resume as resumeRun } from '../../protocol.ts';
import { defineCommand } from '../command.ts';

/** `ctx.resume()`: logged; a protocol's own resume after its pause. */
export const resume = defineCommand({
  commandType: 'labwright/resume',
  params: Type.Object({}),
  execute: (_params, { state }) => resumeRun(state),
});
