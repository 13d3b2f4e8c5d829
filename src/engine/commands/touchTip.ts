import { Type } from '@sinclair/typebox';
import { touchTip as touch } from '../pipetting.ts';
import { engineError, enginePipette, isWellTarget, resolveWellTarget } from '../protocol-engine.ts';
import { defineCommand } from './command.ts';
import { AnyLocation, Id, Maybe, plain, PyNumber, WellTargetFields } from './params.ts';

/**
 * `pipette.touch_tip(location, radius, v_offset, speed)` with the API's defaults 1.0, -1.0, 60.0.
 * In the Protocol Engine's form a well target (its height is the touch height), `radius`, `speed`.
 */
export const touchTip = defineCommand({
  commandType: 'touchTip',
  params: Type.Union([
    Type.Object({ pipetteId: Id, ...WellTargetFields, radius: Maybe(Type.Number()), speed: Maybe(Type.Number()) }),
    Type.Object({
      pipetteId: Id,
      location: Maybe(AnyLocation),
      radius: Maybe(PyNumber),
      vOffset: Maybe(PyNumber),
      speed: Maybe(PyNumber),
    }),
  ]),
  execute(params, { state }) {
    if (!isWellTarget(params)) {
      return touch(state, params.pipetteId, params.location ?? null, plain(params.radius) ?? 1, plain(params.vOffset) ?? -1, plain(params.speed) ?? 60);
    }
    const p = enginePipette(state, params.pipetteId);
    const target = resolveWellTarget(state, params);
    if (target.lw.isTiprack) throw engineError('LabwareIsTipRackError', 'Cannot touch tip on tip rack');
    if (target.lw.touchTipDisabled) throw engineError('TouchTipDisabledError', `Touch tip not allowed on labware ${target.lw.id}`);
    const well = { kind: 'well' as const, labwareId: target.lw.id, wellName: target.well.name };
    touch(state, p.id, well, params.radius ?? 1, target.point.z - target.well.top.z, params.speed ?? 60);
    return { position: target.point };
  },
});
