import { Type } from '@sinclair/typebox';
import { home as homeAll } from '../motion.ts';
import { defineCommand } from './command.ts';

/** `ctx.home()`: every axis; not in the run log, and the location cache is forgotten. */
export const home = defineCommand({
  commandType: 'home',
  params: Type.Object({}),
  execute: (_params, { state }) => homeAll(state),
});
