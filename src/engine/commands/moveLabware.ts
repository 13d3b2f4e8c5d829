import { Type } from '@sinclair/typebox';
import { engineMoveLabware } from '../protocol-engine.ts';
import { defineCommand } from './command.ts';
import { EngineLocation, Id, Maybe } from './params.ts';

const Offset = Type.Object({ x: Type.Number(), y: Type.Number(), z: Type.Number() });

/**
 * The Protocol Engine's `moveLabware` (JSON v7–8): on an OT-2 by hand only. The engine moves the
 * labware in its state at once; with `manualMoveWithPause` the runner holds the run until resumed.
 */
export const moveLabware = defineCommand({
  commandType: 'moveLabware',
  params: Type.Object({
    labwareId: Id,
    newLocation: EngineLocation,
    strategy: Type.Union([Type.Literal('usingGripper'), Type.Literal('manualMoveWithPause'), Type.Literal('manualMoveWithoutPause')]),
    pickUpOffset: Maybe(Offset),
    dropOffset: Maybe(Offset),
  }),
  execute(params, { state }) {
    const to = params.newLocation;
    const place = typeof to === 'object' && 'slotName' in to ? { slotName: String(to.slotName) } : to;
    return engineMoveLabware(state, params.labwareId, place, params.strategy);
  },
});
