import { Type } from '@sinclair/typebox';
import { moduleLoadLabwareObject } from '../../deck.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

/** `module.load_labware_object(labware)`: a loaded labware becomes the module's labware. */
export const loadLabwareObject = defineCommand({
  commandType: 'labwright/loadLabwareObject',
  params: Type.Object({ moduleId: Id, labwareId: Id }),
  execute: (params, { state }) => moduleLoadLabwareObject(state, params.moduleId, params.labwareId),
  report: (params) => ({ params, result: null }),
});
