import { Type } from '@sinclair/typebox';
import { engineLabware, enginePipette, isWellTarget, requireTip, resolveWellTarget } from '../protocol-engine.ts';
import { dropTip as drop } from '../tips.ts';
import { defineCommand } from './command.ts';
import { AnyLocation, Id, Maybe, WellTargetFields } from './params.ts';

/**
 * `pipette.drop_tip(location, home_after)`; no location = the pipette's trash. In the Protocol
 * Engine's form a well target whose `default` origin is the return height in a tip rack and the
 * top elsewhere; any labware takes the tip.
 */
export const dropTip = defineCommand({
  commandType: 'dropTip',
  params: Type.Union([
    Type.Object({
      pipetteId: Id,
      ...WellTargetFields,
      homeAfter: Maybe(Type.Boolean()),
      alternateDropLocation: Maybe(Type.Boolean()),
    }),
    Type.Object({ pipetteId: Id, location: Maybe(AnyLocation), homeAfter: Type.Optional(Type.Boolean()) }),
  ]),
  execute(params, { state }) {
    if (!isWellTarget(params)) return drop(state, params.pipetteId, params.location ?? null, params.homeAfter !== false);
    const p = enginePipette(state, params.pipetteId);
    const lw = engineLabware(state, params.labwareId);
    const returnDrop = lw.isTiprack ? p.spec.returnTipHeight * (lw.def.parameters.tipLength ?? 0) : 0;
    const withOrigin = { ...params, wellLocation: { origin: params.wellLocation?.origin ?? 'default', offset: params.wellLocation?.offset ?? null } };
    const target = resolveWellTarget(state, withOrigin, returnDrop);
    requireTip(p);
    drop(state, p.id, target.location, params.homeAfter !== false);
    return { position: target.point };
  },
});
