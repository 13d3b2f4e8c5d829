import { Type } from '@sinclair/typebox';
import { defineCommand } from './command.ts';
import { applyUpdate } from '../stores/index.ts';

/** `ctx.set_rail_lights(on)`. */
export const setRailLights = defineCommand({
  commandType: 'setRailLights',
  params: Type.Object({ on: Type.Boolean() }),
  execute(params, { state }) {
    applyUpdate(state, { type: 'run/railLightsSet', on: params.on });
  },
});
