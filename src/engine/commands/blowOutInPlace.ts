import { Type } from '@sinclair/typebox';
import { blowOutInPlace as blowOutHere } from '../in-place.ts';
import { enginePipette } from '../protocol-engine.ts';
import { defineCommand } from './command.ts';
import { Id } from './params.ts';

/** The Protocol Engine's `blowOutInPlace` (JSON v8; Protocol Designer 8's blow-out into the trash): the next aspirate must be from a well, or after `prepareToAspirate`. */
export const blowOutInPlace = defineCommand({
  commandType: 'blowOutInPlace',
  params: Type.Object({ pipetteId: Id, flowRate: Type.Number({ exclusiveMinimum: 0 }) }),
  execute(params, { state }) {
    blowOutHere(state, enginePipette(state, params.pipetteId, 'tip'), params.flowRate);
    return {};
  },
});
