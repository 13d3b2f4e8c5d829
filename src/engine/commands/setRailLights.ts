import { Type } from '@sinclair/typebox';
import { defineCommand } from './command.ts';

/** `ctx.set_rail_lights(on)`. */
export const setRailLights = defineCommand({
  commandType: 'setRailLights',
  params: Type.Object({ on: Type.Boolean() }),
  execute(params, { state }) {
    state.railLights = params.on;
  },
});
