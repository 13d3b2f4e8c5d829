import { Type } from '@sinclair/typebox';
import { dispense as dispenseAt } from '../pipetting.ts';
import { checkDispense } from '../in-place.ts';
import { enginePipette, isWellTarget, resolveWellTarget } from '../protocol-engine.ts';
import { defineCommand } from './command.ts';
import { AnyLocation, Id, Maybe, plain, PyNumber, WellTargetFields } from './params.ts';

/** `pipette.dispense(volume, location, rate)`; in the Protocol Engine's form as `aspirate`, plus `pushOut`. */
export const dispense = defineCommand({
  commandType: 'dispense',
  params: Type.Union([
    Type.Object({
      pipetteId: Id,
      ...WellTargetFields,
      volume: Type.Number({ minimum: 0 }),
      flowRate: Type.Number({ exclusiveMinimum: 0 }),
      pushOut: Maybe(Type.Number()),
    }),
    // `push_out` (2.15) moves the plunger past its bottom; an OT-2 pipette's is 0 by default and changes nothing modeled.
    Type.Object({ pipetteId: Id, volume: Maybe(PyNumber), location: Maybe(AnyLocation), rate: Maybe(PyNumber), pushOut: Maybe(PyNumber) }),
  ]),
  execute(params, { state }) {
    if (!isWellTarget(params) || !('flowRate' in params)) {
      return dispenseAt(state, params.pipetteId, plain(params.volume), params.location ?? null, plain(params.rate) ?? 1);
    }
    const p = enginePipette(state, params.pipetteId, 'tip');
    const target = resolveWellTarget(state, params);
    const volume = checkDispense(state, p, params.volume, params.pushOut ?? null);
    // 4.x reads a volume of 0 as "everything"; the engine dispenses nothing then.
    if (volume > 0) dispenseAt(state, p.id, volume, target.location, params.flowRate / p.dispenseFlowRate);
    return { position: target.point, volume: params.volume };
  },
});
