import { Type } from '@sinclair/typebox';
import { prepareToAspirate as prepare } from '../in-place.ts';
import { enginePipette } from '../protocol-engine.ts';
import { defineCommand } from './command.ts';
import { Id } from './params.ts';

/** The Protocol Engine's `prepareToAspirate` (JSON v8): the plunger to its bottom, so the pipette may aspirate in place again. */
export const prepareToAspirate = defineCommand({
  commandType: 'prepareToAspirate',
  params: Type.Object({ pipetteId: Id }),
  execute(params, { state }) {
    prepare(state, enginePipette(state, params.pipetteId));
    return {};
  },
});
