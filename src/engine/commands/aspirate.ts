import { Type } from '@sinclair/typebox';
import { aspirate as aspirateAt } from '../pipetting.ts';
import { checkAspirateVolume } from '../in-place.ts';
import { refuseAspirateFromTrash } from '../disposal.ts';
import { isTrashBin } from '../trash-bin.ts';
import { enginePipette, isWellTarget, requireTip, resolveWellTarget } from '../protocol-engine.ts';
import { defineCommand } from './command.ts';
import { AnyLocationOrTrashBin, Id, Maybe, plain, PyNumber, WellTargetFields } from './params.ts';
import { applyUpdate } from '../stores/index.ts';

/**
 * `pipette.aspirate(volume, location, rate)`: `rate` multiplies the pipette's flow rate. In the
 * Protocol Engine's form (JSON v6–8) a well target, `volume` and `flowRate` in µL/s; the result
 * is the position and the volume.
 */
export const aspirate = defineCommand({
  commandType: 'aspirate',
  params: Type.Union([
    Type.Object({ pipetteId: Id, ...WellTargetFields, volume: Type.Number({ minimum: 0 }), flowRate: Type.Number({ exclusiveMinimum: 0 }) }),
    Type.Object({ pipetteId: Id, volume: Maybe(PyNumber), location: Maybe(AnyLocationOrTrashBin), rate: Maybe(PyNumber) }),
  ]),
  execute(params, { state }) {
    if (!isWellTarget(params) || !('flowRate' in params)) {
      const location = params.location ?? null;
      if (isTrashBin(location)) return refuseAspirateFromTrash();
      return aspirateAt(state, params.pipetteId, plain(params.volume), location, plain(params.rate) ?? 1);
    }
    const p = enginePipette(state, params.pipetteId, 'tip');
    const target = resolveWellTarget(state, params);
    requireTip(p);
    const volume = checkAspirateVolume(p, params.volume);
    aspirateAt(state, p.id, volume, target.location, params.flowRate / p.aspirateFlowRate);
    // Aspirating from a well resets the plunger: the engine knows the volume again.
    if (state.blownOut.has(p.id)) applyUpdate(state, { type: 'pipette/volumeUnknownSet', pipetteId: p.id, unknown: false });
    return { position: target.point, volume: params.volume };
  },
});
