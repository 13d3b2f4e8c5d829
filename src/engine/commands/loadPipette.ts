import { Type } from '@sinclair/typebox';
import { loadInstrument } from '../instruments.ts';
import { defineCommand } from './command.ts';
import { Id, Maybe } from './params.ts';

/** `ctx.load_instrument(name, mount, tip_racks, replace)`. */
export const loadPipette = defineCommand({
  commandType: 'loadPipette',
  params: Type.Object({
    pipetteName: Type.String(),
    mount: Type.String(),
    tipRackIds: Maybe(Type.Array(Id)),
    replace: Type.Optional(Type.Boolean()),
  }),
  execute: (params, { state }) => loadInstrument(state, params.pipetteName, params.mount, params.tipRackIds ?? null, params.replace === true),
  report: (params, info) => ({ params, result: { pipetteId: info.pipetteId, pipetteName: info.name } }),
});
