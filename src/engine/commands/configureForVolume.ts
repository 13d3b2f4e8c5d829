import { Type } from '@sinclair/typebox';
import { enginePipette } from '../protocol-engine.ts';
import { defineCommand } from './command.ts';
import { Id, Maybe } from './params.ts';

/** The Protocol Engine's `configureForVolume` (JSON v7–8): for the Flex's low-volume pipettes; an OT-2 pipette takes it with no effect. */
export const configureForVolume = defineCommand({
  commandType: 'configureForVolume',
  params: Type.Object({ pipetteId: Id, volume: Type.Number({ minimum: 0 }), tipOverlapNotAfterVersion: Maybe(Type.String()) }),
  execute(params, { state }) {
    enginePipette(state, params.pipetteId);
    return {};
  },
});
