import { Type } from '@sinclair/typebox';
import { engineError, enginePipette } from '../protocol-engine.ts';
import { defineCommand } from './command.ts';
import { Id } from './params.ts';

/**
 * The Protocol Engine's `configureNozzleLayout` (§7.8). A single-channel pipette has no layout to
 * choose; an OT-2 multi-channel keeps all its nozzles (the only layout 7.5.0 runs on an OT-2).
 */
export const configureNozzleLayout = defineCommand({
  commandType: 'configureNozzleLayout',
  params: Type.Object({ pipetteId: Id, configurationParams: Type.Object({ style: Type.String() }) }),
  execute(params, { state }) {
    const pipette = enginePipette(state, params.pipetteId);
    if (pipette.spec.channels === 1) throw engineError('CommandPreconditionViolated', 'Cannot configure nozzle layout with a single channel pipette.');
    if (params.configurationParams.style !== 'ALL') throw engineError('NotSupportedOnRobotType', `Nozzle layout ${params.configurationParams.style} is not supported on the OT-2.`);
    return {};
  },
});
