import { Type } from '@sinclair/typebox';
import { pythonLayerError } from '../errors.ts';
import { enginePipette } from '../protocol-engine.ts';
import { defineCommand } from './command.ts';
import { Id, Maybe } from './params.ts';

/**
 * The Protocol Engine's `configureForVolume` (JSON v7–8, Python from 2.15): for the Flex's
 * low-volume pipettes; an OT-2 pipette takes it with no effect. The Python API refuses it while
 * the tip holds liquid, naming the pipette as `str(pipette)` does.
 */
export const configureForVolume = defineCommand({
  commandType: 'configureForVolume',
  params: Type.Object({ pipetteId: Id, volume: Type.Number({ minimum: 0 }), tipOverlapNotAfterVersion: Maybe(Type.String()) }),
  execute(params, { state }) {
    const p = enginePipette(state, params.pipetteId);
    if (!state.protocolEngine && p.currentVolume > 0) {
      throw pythonLayerError(
        'CommandPreconditionViolated',
        `Error 4004 COMMAND_PRECONDITION_VIOLATED (CommandPreconditionViolated): Cannot switch modes of ${p.spec.displayName} on ${p.mount} mount while it contains liquid`,
      );
    }
    return {};
  },
});
