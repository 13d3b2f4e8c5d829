import { Type } from '@sinclair/typebox';
import { aspirate as aspirateAt } from '../pipetting.ts';
import { engineError, enginePipette, floatText, isWellTarget, requireTip, resolveWellTarget } from '../protocol-engine.ts';
import { defineCommand } from './command.ts';
import { AnyLocation, Id, Maybe, plain, PyNumber, WellTargetFields } from './params.ts';

/**
 * `pipette.aspirate(volume, location, rate)`: `rate` multiplies the pipette's flow rate. In the
 * Protocol Engine's form (JSON v6–8) a well target, `volume` and `flowRate` in µL/s; the result
 * is the position and the volume.
 */
export const aspirate = defineCommand({
  commandType: 'aspirate',
  params: Type.Union([
    Type.Object({ pipetteId: Id, ...WellTargetFields, volume: Type.Number({ minimum: 0 }), flowRate: Type.Number({ exclusiveMinimum: 0 }) }),
    Type.Object({ pipetteId: Id, volume: Maybe(PyNumber), location: Maybe(AnyLocation), rate: Maybe(PyNumber) }),
  ]),
  execute(params, { state }) {
    if (!isWellTarget(params) || !('flowRate' in params)) {
      return aspirateAt(state, params.pipetteId, plain(params.volume), params.location ?? null, plain(params.rate) ?? 1);
    }
    const p = enginePipette(state, params.pipetteId, 'tip');
    const target = resolveWellTarget(state, params);
    requireTip(p);
    const tipVolume = p.lastTip?.well.maxVolume ?? p.tipCapacity;
    const available = Math.min(tipVolume, p.spec.maxVolume) - p.currentVolume;
    if (params.volume > available + 1e-9) {
      // The engine's min(tip volume (a float), pipette max (an int)) minus what is in the tip, as Python prints it.
      const shown = tipVolume <= p.spec.maxVolume || p.currentVolume > 0 ? floatText(available) : String(available);
      throw engineError('InvalidAspirateVolumeError', `Cannot aspirate ${floatText(params.volume)} µL when only ${shown} is available.`);
    }
    aspirateAt(state, p.id, Math.min(params.volume, available), target.location, params.flowRate / p.aspirateFlowRate);
    return { position: target.point, volume: params.volume };
  },
});
