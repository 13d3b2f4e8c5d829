import { Type } from '@sinclair/typebox';
import { loadModule as load } from '../modules.ts';
import { loadModuleRelease7 } from '../module-loading.ts';
import { engineLoadModule } from '../protocol-engine.ts';
import { defineCommand, slotAsText } from './command.ts';
import { DeckSlot, Id, Maybe } from './params.ts';

/**
 * `ctx.load_module(name, location, configuration)`: `model` is a model or any of its load names.
 * With `moduleId` (the Protocol Engine's form, JSON v6–8) the module keeps that id and the
 * engine's slot rules apply.
 */
export const loadModule = defineCommand({
  commandType: 'loadModule',
  params: Type.Object({
    model: Type.String(),
    location: Maybe(Type.Object({ slotName: DeckSlot })),
    moduleId: Type.Optional(Id),
    configuration: Maybe(Type.String()),
  }),
  execute: (params, { state }) =>
    params.moduleId !== undefined
      ? engineLoadModule(state, params.model, String(params.location?.slotName ?? ''), params.moduleId)
      : (state.has('release7') ? loadModuleRelease7 : load)(state, params.model, params.location?.slotName ?? null, params.configuration ?? null),
  report: (params, info) =>
    params.moduleId !== undefined
      ? { params, result: { moduleId: info.moduleId, model: info.model, serialNumber: `fake-serial-number-${info.moduleId}` } }
      : { params: { ...params, location: params.location ? slotAsText(params.location) : null }, result: { moduleId: info.moduleId, model: info.model, location: { slotName: info.slot } } },
});
