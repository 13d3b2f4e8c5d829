import { Type } from '@sinclair/typebox';
import { toCache } from '../locations.ts';
import { move } from '../motion.ts';
import { enginePipette, resolveWellTarget } from '../protocol-engine.ts';
import { defineCommand } from './command.ts';
import { Id, Maybe, WellTargetFields } from './params.ts';

/** The Protocol Engine's `moveToWell` (JSON v6–8): the pipette to a point of a well, not logged. */
export const moveToWell = defineCommand({
  commandType: 'moveToWell',
  params: Type.Object({
    pipetteId: Id,
    ...WellTargetFields,
    minimumZHeight: Maybe(Type.Number()),
    forceDirect: Maybe(Type.Boolean()),
    speed: Maybe(Type.Number()),
  }),
  execute(params, { state }) {
    const p = enginePipette(state, params.pipetteId);
    const target = resolveWellTarget(state, params);
    move(state, p, toCache(state, target.point, { kind: 'well', labwareId: target.lw.id, wellName: target.well.name }), {
      forceDirect: params.forceDirect === true,
      minimumZHeight: params.minimumZHeight ?? null,
      speed: params.speed ?? null,
    });
    return { position: target.point };
  },
});
