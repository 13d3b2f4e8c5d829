import { Type } from '@sinclair/typebox';
import { enginePipette } from '../protocol-engine.ts';
import { defineCommand } from './command.ts';
import { currentPosition } from './moveRelative.ts';
import { Id, Maybe } from './params.ts';
import { issueId } from '../ids.ts';
import { applyUpdate } from '../stores/index.ts';

/**
 * The Protocol Engine's `savePosition` (JSON v6–8): keeps where the pipette is under
 * `positionId` (the JSON reader generates one when the protocol gives none).
 */
export const savePosition = defineCommand({
  commandType: 'savePosition',
  params: Type.Object({ pipetteId: Id, positionId: Maybe(Id), failOnNotHomed: Maybe(Type.Boolean()) }),
  execute(params, { state }) {
    enginePipette(state, params.pipetteId);
    const positionId = params.positionId ?? issueId(state, 'position');
    const position = currentPosition(state);
    applyUpdate(state, { type: 'motion/positionSaved', positionId, position });
    return { positionId, position };
  },
});
