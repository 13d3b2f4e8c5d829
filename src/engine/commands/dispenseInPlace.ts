import { Type } from '@sinclair/typebox';
import { dispenseInPlace as dispenseHere } from '../in-place.ts';
import { enginePipette } from '../protocol-engine.ts';
import { defineCommand } from './command.ts';
import { Id, Maybe } from './params.ts';

/** The Protocol Engine's `dispenseInPlace` (JSON v8; Protocol Designer 8's dispense into the trash): as `dispense`, where the pipette is. */
export const dispenseInPlace = defineCommand({
  commandType: 'dispenseInPlace',
  params: Type.Object({ pipetteId: Id, volume: Type.Number({ minimum: 0 }), flowRate: Type.Number({ exclusiveMinimum: 0 }), pushOut: Maybe(Type.Number()) }),
  execute(params, { state }) {
    dispenseHere(state, enginePipette(state, params.pipetteId, 'tip'), params.volume, params.flowRate, params.pushOut ?? null);
    return { volume: params.volume };
  },
});
