import { Type } from '@sinclair/typebox';
import { requireNoTip } from '../engine-errors.ts';
import { engineError, enginePipette, isWellTarget, resolveWellTarget } from '../protocol-engine.ts';
import { pickUpTip as pickUp } from '../tips.ts';
import { defineCommand } from './command.ts';
import { AnyLocation, Id, Maybe, plain, PyNumber, WellTargetFields } from './params.ts';
import { applyUpdate } from '../stores/index.ts';

/**
 * `pipette.pick_up_tip(location, presses, increment)`; no location = the next tip of its racks.
 * In the Protocol Engine's form a well target; the result tells the tip's volume, length and diameter.
 */
export const pickUpTip = defineCommand({
  commandType: 'pickUpTip',
  params: Type.Union([
    Type.Object({ pipetteId: Id, ...WellTargetFields }),
    Type.Object({
      pipetteId: Id,
      location: Maybe(AnyLocation),
      presses: Maybe(PyNumber),
      increment: Maybe(PyNumber),
      /** `prep_after` (2.13): null when the protocol did not pass it. */
      prepAfter: Type.Optional(Maybe(Type.Boolean())),
    }),
  ]),
  execute(params, { state }) {
    if (!isWellTarget(params)) {
      return pickUp(state, params.pipetteId, params.location ?? null, plain(params.presses), plain(params.increment), params.prepAfter ?? null);
    }
    const p = enginePipette(state, params.pipetteId);
    const target = resolveWellTarget(state, params);
    if (!target.lw.isTiprack) throw engineError('LabwareIsNotTipRackError', `Labware ${target.lw.id} has no tip length defined.`);
    requireNoTip(p);
    pickUp(state, p.id, { kind: 'well', labwareId: target.lw.id, wellName: target.well.name }, null, null);
    if (state.blownOut.has(p.id)) applyUpdate(state, { type: 'pipette/volumeUnknownSet', pipetteId: p.id, unknown: false });
    return { position: target.point, tipVolume: target.well.maxVolume, tipLength: p.tipLength, tipDiameter: target.well.diameter ?? 0 };
  },
});
