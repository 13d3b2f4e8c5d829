import { Type } from '@sinclair/typebox';
import { setMaxSpeeds as setSpeeds } from '../../motion.ts';
import { defineCommand } from '../command.ts';

/** `ctx.max_speeds` after a change: the whole mapping, axis → mm/s (a removed axis is absent). */
export const setMaxSpeeds = defineCommand({
  commandType: 'labwright/setMaxSpeeds',
  params: Type.Object({ speeds: Type.Record(Type.String(), Type.Unknown()) }),
  execute: (params, { state }) => setSpeeds(state, params.speeds as Record<string, number>),
});
