import { Type } from '@sinclair/typebox';
import { nextLabwareDropPoint } from '../addressable-areas.ts';
import { engineLabware, enginePipette, isWellTarget, requireTip, resolveWellTarget, wellLocationPoint } from '../protocol-engine.ts';
import type { WellTarget } from '../protocol-engine.ts';
import type { EngineState } from '../state.ts';
import { dropTip as drop } from '../tips.ts';
import { defineCommand } from './command.ts';
import { AnyLocation, Id, Maybe, WellTargetFields } from './params.ts';

/**
 * `pipette.drop_tip(location, home_after)`; no location = the pipette's trash. In the Protocol
 * Engine's form a well target whose `default` origin is the return height in a tip rack and the
 * top elsewhere; any labware takes the tip.
 */
function alternateSpot(state: EngineState, target: WellTarget): WellTarget {
  const top = wellLocationPoint(target.well, { origin: 'top' });
  const point = nextLabwareDropPoint(state, target.lw.id, top);
  return { ...target, point, location: { kind: 'location', point, ref: { kind: 'well', labwareId: target.lw.id, wellName: target.well.name } } };
}

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
    if (!isWellTarget(params)) {
      const alternated = drop(state, params.pipetteId, params.location ?? null, params.homeAfter !== false);
      return alternated ? { alternateDropLocation: true } : undefined;
    }
    const p = enginePipette(state, params.pipetteId);
    const lw = engineLabware(state, params.labwareId);
    const returnDrop = lw.isTiprack ? p.spec.returnTipHeight * (lw.def.parameters.tipLength ?? 0) : 0;
    const withOrigin = { ...params, wellLocation: { origin: params.wellLocation?.origin ?? 'default', offset: params.wellLocation?.offset ?? null } };
    const resolved = resolveWellTarget(state, withOrigin, returnDrop);
    requireTip(p);
    // Into trash labware with `alternateDropLocation` the well location gives way to alternating spots.
    const target = params.alternateDropLocation === true && lw.fixedTrash ? alternateSpot(state, resolved) : resolved;
    drop(state, p.id, target.location, params.homeAfter !== false);
    return { position: target.point };
  },
  // A Python `drop_tip()` that alternated shows it as the engine's own command does (2.15).
  report: (params, result) =>
    typeof result === 'object' && result !== null && 'alternateDropLocation' in result ? { params: { ...params, alternateDropLocation: true }, result: {} } : { params, result },
});
