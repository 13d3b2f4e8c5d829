import { Type } from '@sinclair/typebox';
import { loadLabware as loadByName, loadLabwareFromDefinition, moduleLoadLabware, moduleLoadLabwareFromDefinition } from '../deck.ts';
import { pyError } from '../errors.ts';
import { engineLoadLabware } from '../protocol-engine.ts';
import type { LabwareDefinition } from '../types.ts';
import { defineCommand, slotAsText } from './command.ts';
import { DeckSlot, Id, LabwareDefinitionSchema, Maybe, plain, PyNumber } from './params.ts';

/**
 * `ctx.load_labware`, `load_labware_from_definition` and their module forms: by load name
 * (with namespace and version) or from a definition, onto a slot or a module. With `labwareId`
 * (the Protocol Engine's form, JSON v6–8) the labware keeps that id and the engine's placement
 * rules apply (an occupied slot is `LocationIsOccupiedError`, the fixed trash's slot included).
 */
export const loadLabware = defineCommand({
  commandType: 'loadLabware',
  params: Type.Object({
    location: Type.Union([Type.Object({ slotName: DeckSlot }), Type.Object({ moduleId: Id })]),
    loadName: Maybe(Type.String()),
    namespace: Maybe(Type.String()),
    version: Maybe(PyNumber),
    labwareId: Type.Optional(Id),
    definition: Maybe(LabwareDefinitionSchema),
    displayName: Maybe(Type.String()),
  }),
  execute(params, { state }) {
    const label = params.displayName ?? null;
    const definition = (params.definition ?? null) as LabwareDefinition | null;
    const loadName = params.loadName ?? null;
    if (params.labwareId !== undefined) {
      const location = 'moduleId' in params.location ? params.location : { slotName: String(params.location.slotName) };
      return engineLoadLabware(state, location, loadName ?? '', params.namespace ?? 'opentrons', plain(params.version) ?? 1, params.labwareId, label);
    }
    if (definition === null && loadName === null) throw pyError('TypeError', 'a labware needs a load name or a definition');
    if ('moduleId' in params.location) {
      const moduleId = params.location.moduleId;
      if (definition !== null) return moduleLoadLabwareFromDefinition(state, moduleId, definition, label);
      return moduleLoadLabware(state, moduleId, loadName as string, label, params.namespace ?? null, plain(params.version));
    }
    const slot = params.location.slotName;
    if (definition !== null) return loadLabwareFromDefinition(state, definition, slot, label);
    return loadByName(state, loadName as string, slot, label, params.namespace ?? null, plain(params.version));
  },
  // A JSON protocol's embedded definition is its own document; the analysis names it by URI.
  // The engine's form answers as the Protocol Engine does: the id, the definition, no offset.
  report: ({ definition: _definition, ...params }, info) =>
    params.labwareId !== undefined
      ? { params, result: { labwareId: info.labwareId, definition: info.definition, offsetId: null } }
      : {
          params: { ...params, location: slotAsText(params.location), loadName: info.loadName, namespace: info.namespace, version: info.version },
          result: { labwareId: info.labwareId, definitionUri: info.uri, displayName: info.label },
        },
});
