import { Type } from '@sinclair/typebox';
import { setTrashContainer as setTrash } from '../../instruments.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

/** `pipette.trash_container = labware`. */
export const setTrashContainer = defineCommand({
  commandType: 'labwright/setTrashContainer',
  params: Type.Object({ pipetteId: Id, labwareId: Id }),
  execute: (params, { state }) => setTrash(state, params.pipetteId, params.labwareId),
});
