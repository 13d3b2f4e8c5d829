import { Type } from '@sinclair/typebox';
import { refuseFlexPipette } from '../flex-only.ts';
import { loadInstrument } from '../instruments.ts';
import { engineLoadPipette } from '../protocol-engine.ts';
import { defineCommand } from './command.ts';
import { Id, Maybe } from './params.ts';

/**
 * `ctx.load_instrument(name, mount, tip_racks, replace)`. With `pipetteId` (the Protocol Engine's
 * form, JSON v6–8) the pipette keeps that id and the engine's refusals apply.
 */
export const loadPipette = defineCommand({
  commandType: 'loadPipette',
  params: Type.Object({
    pipetteName: Type.String(),
    mount: Type.String(),
    pipetteId: Type.Optional(Id),
    tipRackIds: Maybe(Type.Array(Id)),
    replace: Type.Optional(Type.Boolean()),
  }),
  execute(params, { state }) {
    if (params.pipetteId !== undefined) return engineLoadPipette(state, params.pipetteName, params.mount, params.pipetteId);
    refuseFlexPipette(state, params.pipetteName);
    return loadInstrument(state, params.pipetteName, params.mount, params.tipRackIds ?? null, params.replace === true);
  },
  report: (params, info) => ({
    params,
    result: params.pipetteId !== undefined ? { pipetteId: info.pipetteId } : { pipetteId: info.pipetteId, pipetteName: info.name },
  }),
});
