import { Type } from '@sinclair/typebox';
import { setLocationCache as setCache } from '../../locations.ts';
import { defineCommand } from '../command.ts';
import { LocationArgSchema, Maybe } from '../params.ts';

/** `ctx.location_cache = location` (or None). */
export const setLocationCache = defineCommand({
  commandType: 'labwright/setLocationCache',
  params: Type.Object({ location: Maybe(LocationArgSchema) }),
  execute: (params, { state }) => setCache(state, params.location ?? null),
});
