import { Type } from '@sinclair/typebox';
import { blowOut } from '../pipetting.ts';
import { blowOutIntoTrashBin } from '../disposal.ts';
import { isTrashBin } from '../trash-bin.ts';
import { enginePipette, isWellTarget, requireTip, resolveWellTarget } from '../protocol-engine.ts';
import { defineCommand } from './command.ts';
import { AnyLocationOrTrashBin, Id, Maybe, WellTargetFields } from './params.ts';
import { applyUpdate } from '../stores/index.ts';

/** `pipette.blow_out(location)`; in the Protocol Engine's form a well target and `flowRate`. */
export const blowout = defineCommand({
  commandType: 'blowout',
  params: Type.Union([
    Type.Object({ pipetteId: Id, ...WellTargetFields, flowRate: Type.Number({ exclusiveMinimum: 0 }) }),
    Type.Object({ pipetteId: Id, location: Maybe(AnyLocationOrTrashBin) }),
  ]),
  execute(params, context) {
    const state = context.state;
    if (!isWellTarget(params)) {
      const location = params.location ?? null;
      if (isTrashBin(location)) return blowOutIntoTrashBin(context, params.pipetteId, location);
      return blowOut(state, params.pipetteId, location);
    }
    const p = enginePipette(state, params.pipetteId, 'tip');
    const target = resolveWellTarget(state, params);
    requireTip(p);
    blowOut(state, p.id, target.location);
    // The engine no longer knows what the tip holds: no aspirate in place, no dispense, until reset.
    applyUpdate(state, { type: 'pipette/volumeUnknownSet', pipetteId: p.id, unknown: true });
    return { position: target.point };
  },
});
