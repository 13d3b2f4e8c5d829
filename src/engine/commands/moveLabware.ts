import { Type } from '@sinclair/typebox';
import { engineMoveLabware } from '../protocol-engine.ts';
import { pythonMoveLabware } from '../labware-movement.ts';
import { pyError } from '../errors.ts';
import { defineCommand } from './command.ts';
import { EngineLocation, Id, Maybe } from './params.ts';

const Offset = Type.Object({ x: Type.Number(), y: Type.Number(), z: Type.Number() });

/**
 * The Protocol Engine's `moveLabware` (JSON v7–8, and the Python API's `move_labware` from 2.15):
 * on an OT-2 by hand only. The engine moves the labware in its state at once; with
 * `manualMoveWithPause` the runner holds the run until resumed.
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
    // The Python API's `move_labware` (2.15): a slot as the protocol gave it, and a run-log entry.
    if (!state.protocolEngine) {
      if (typeof to === 'object' && 'addressableAreaName' in to) throw pyError('TypeError', 'the Python API moves labware to slots, modules, labware or off deck');
      return pythonMoveLabware(state, params.labwareId, to, params.strategy === 'usingGripper');
    }
    const place = typeof to === 'object' && 'slotName' in to ? { slotName: String(to.slotName) } : to;
    return engineMoveLabware(state, params.labwareId, place, params.strategy);
  },
});
