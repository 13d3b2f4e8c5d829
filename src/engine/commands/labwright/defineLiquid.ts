import { Type } from '@sinclair/typebox';
import { defineLiquid as define } from '../../liquids.ts';
import { defineCommand } from '../command.ts';
import { Maybe } from '../params.ts';

/**
 * `ctx.define_liquid(name, description, display_color)` (2.14): a liquid `loadLiquid` may name,
 * listed in the analysis's `liquids`. Not logged; robot-server lists no command for it.
 */
export const defineLiquid = defineCommand({
  commandType: 'labwright/defineLiquid',
  params: Type.Object({ name: Type.String(), description: Maybe(Type.String()), displayColor: Maybe(Type.String()) }),
  execute: (params, { state }) => {
    state.requireMember('ProtocolContext.define_liquid');
    return define(state, params.name, params.description ?? null, params.displayColor ?? null);
  },
});
