import { Type } from '@sinclair/typebox';
import { aspirateInPlace as aspirateHere } from '../in-place.ts';
import { enginePipette } from '../protocol-engine.ts';
import { defineCommand } from './command.ts';
import { Id } from './params.ts';

/** The Protocol Engine's `aspirateInPlace` (JSON v8; Protocol Designer 8's air gap over the trash): `volume` µL at `flowRate` µL/s where the pipette is. */
export const aspirateInPlace = defineCommand({
  commandType: 'aspirateInPlace',
  params: Type.Object({ pipetteId: Id, volume: Type.Number({ minimum: 0 }), flowRate: Type.Number({ exclusiveMinimum: 0 }) }),
  execute(params, { state }) {
    aspirateHere(state, enginePipette(state, params.pipetteId, 'tip'), params.volume, params.flowRate);
    return { volume: params.volume };
  },
});
