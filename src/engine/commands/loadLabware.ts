import { Type } from '@sinclair/typebox';
import { loadLabware as loadByName, loadLabwareFromDefinition, moduleLoadLabware, moduleLoadLabwareFromDefinition } from '../deck.ts';
import { pyError } from '../errors.ts';
import { engineCoreDefinition } from '../engine-core-labware.ts';
import { engineLoadLabware } from '../protocol-engine.ts';
import { loadLabwareAt } from '../labware-movement.ts';
import { applyUpdate } from '../stores/index.ts';
import type { LabwareDefinition } from '../types.ts';
import { defineCommand, slotAsText } from './command.ts';
import { EngineLocation, Id, LabwareDefinitionSchema, Maybe, plain, PyNumber } from './params.ts';

/**
 * `ctx.load_labware`, `load_labware_from_definition` and their module forms: by load name
 * (with namespace and version) or from a definition, onto a slot or a module. With `labwareId`
 * (the Protocol Engine's form, JSON v6–8) the labware keeps that id and the engine's placement
 * rules apply (an occupied slot is `LocationIsOccupiedError`, the fixed trash's slot included).
 */
export const loadLabware = defineCommand({
  commandType: 'loadLabware',
  params: Type.Object({
    location: EngineLocation,
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
    const location = params.location;
    if (params.labwareId !== undefined) {
      const place = typeof location === 'object' && 'slotName' in location ? { slotName: String(location.slotName) } : location;
      return engineLoadLabware(state, place, loadName ?? '', params.namespace ?? 'opentrons', plain(params.version) ?? 1, params.labwareId, label);
    }
    if (definition === null && loadName === null) throw pyError('TypeError', 'a labware needs a load name or a definition');
    // From 2.15 the Python API also loads off the deck and onto labware (adapters, stacks).
    if (state.has('labwareMovement') && (location === 'offDeck' || (typeof location === 'object' && 'labwareId' in location))) {
      const found = definition ?? engineCoreDefinition(state, loadName as string, params.namespace ?? null, plain(params.version));
      const info = loadLabwareAt(state, found, location, label);
      if (definition !== null) applyUpdate(state, { type: 'labware/definitionAdded', definition });
      return info;
    }
    if (typeof location !== 'object' || !('slotName' in location || 'moduleId' in location)) {
      throw pyError('TypeError', 'only the engine form (with labwareId) loads off deck, onto labware or onto an area');
    }
    // From 2.14 the Protocol Engine runtime looks labware up its own way, and remembers every
    // definition loaded from so that later loads by name find it.
    if (state.has('engineCore')) {
      const found = definition ?? engineCoreDefinition(state, loadName as string, params.namespace ?? null, plain(params.version));
      const info = 'moduleId' in location ? moduleLoadLabwareFromDefinition(state, location.moduleId, found, label) : loadLabwareFromDefinition(state, found, location.slotName, label);
      if (definition !== null) applyUpdate(state, { type: 'labware/definitionAdded', definition });
      return info;
    }
    if ('moduleId' in location) {
      const moduleId = location.moduleId;
      if (definition !== null) return moduleLoadLabwareFromDefinition(state, moduleId, definition, label);
      return moduleLoadLabware(state, moduleId, loadName as string, label, params.namespace ?? null, plain(params.version));
    }
    const slot = location.slotName;
    if (definition !== null) return loadLabwareFromDefinition(state, definition, slot, label);
    return loadByName(state, loadName as string, slot, label, params.namespace ?? null, plain(params.version));
  },
  // A JSON protocol's embedded definition is its own document; the analysis names it by URI.
  // The engine's form answers as the Protocol Engine does: the id, the definition, no offset.
  report: ({ definition: _definition, ...params }, info) =>
    params.labwareId !== undefined
      ? { params, result: { labwareId: info.labwareId, definition: info.definition, offsetId: null } }
      : {
          params: { ...params, location: typeof params.location === 'object' ? slotAsText(params.location) : params.location, loadName: info.loadName, namespace: info.namespace, version: info.version },
          result: { labwareId: info.labwareId, definitionUri: info.uri, displayName: info.label },
        },
});
