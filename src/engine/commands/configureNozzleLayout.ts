import { Type } from '@sinclair/typebox';
import { engineError, enginePipette } from '../protocol-engine.ts';
import { defineCommand } from './command.ts';
import { Id } from './params.ts';

/** The hardware pipette object's default repr, with a stable made-up address. */
function hardwarePipetteRepr(id: string): string {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `<opentrons.hardware_control.instruments.ot2.pipette.Pipette object at 0x${(0x7f5a3d000000 + (h & 0xffff) * 16).toString(16)}>`;
}

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
    // The Python API (2.16) runs it on the hardware pipette, which refuses while a tip is on and
    // takes COLUMN as well as ALL on an OT-2 multi-channel.
    if (!state.protocolEngine) {
      if (pipette.hasTip) throw engineError('CommandPreconditionViolated', `Cannot configure nozzle layout of ${hardwarePipetteRepr(pipette.id)} while it has tips attached.`);
      return {};
    }
    if (params.configurationParams.style !== 'ALL') throw engineError('NotSupportedOnRobotType', `Nozzle layout ${params.configurationParams.style} is not supported on the OT-2.`);
    return {};
  },
});
