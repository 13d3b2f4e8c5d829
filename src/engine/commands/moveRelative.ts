import { Type } from '@sinclair/typebox';
import { toCache } from '../locations.ts';
import { move } from '../motion.ts';
import { enginePipette } from '../protocol-engine.ts';
import type { EngineState } from '../state.ts';
import type { Point } from '../types.ts';
import { defineCommand } from './command.ts';
import { Id } from './params.ts';

/** Where the pipette is as the engine reports it: the last point it moved to, (0, 0, 0) after a home. */
export function currentPosition(state: EngineState): Point {
  return state.cache?.point ?? { x: 0, y: 0, z: 0 };
}

/** The Protocol Engine's `moveRelative` (JSON v6–8): `distance` mm along one axis, not logged. */
export const moveRelative = defineCommand({
  commandType: 'moveRelative',
  params: Type.Object({
    pipetteId: Id,
    axis: Type.Union([Type.Literal('x'), Type.Literal('y'), Type.Literal('z')]),
    distance: Type.Number(),
  }),
  execute(params, { state }) {
    const p = enginePipette(state, params.pipetteId);
    const from = currentPosition(state);
    const position = { ...from, [params.axis]: from[params.axis] + params.distance };
    move(state, p, toCache(state, position, { kind: 'none' }), { forceDirect: true });
    return { position };
  },
});
