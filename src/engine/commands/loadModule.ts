import { Type } from '@sinclair/typebox';
import { loadModule as load } from '../modules.ts';
import { defineCommand, slotAsText } from './command.ts';
import { DeckSlot, Maybe } from './params.ts';

/** `ctx.load_module(name, location, configuration)`: `model` is a model or any of its load names. */
export const loadModule = defineCommand({
  commandType: 'loadModule',
  params: Type.Object({
    model: Type.String(),
    location: Maybe(Type.Object({ slotName: DeckSlot })),
    configuration: Maybe(Type.String()),
  }),
  execute: (params, { state }) => load(state, params.model, params.location?.slotName ?? null, params.configuration ?? null),
  report: (params, info) => ({ params: { ...params, location: params.location ? slotAsText(params.location) : null }, result: { moduleId: info.moduleId, model: info.model, location: { slotName: info.slot } } }),
});
