import { Type } from '@sinclair/typebox';
import { dropTipInPlace as dropHere } from '../in-place.ts';
import { enginePipette } from '../protocol-engine.ts';
import { defineCommand } from './command.ts';
import { Id, Maybe } from './params.ts';

/** The Protocol Engine's `dropTipInPlace` (JSON v8; Protocol Designer 8 drops into the trash so): the tip comes off where the pipette is; the plunger homes unless `homeAfter` is false. */
export const dropTipInPlace = defineCommand({
  commandType: 'dropTipInPlace',
  params: Type.Object({ pipetteId: Id, homeAfter: Maybe(Type.Boolean()) }),
  execute(params, { state }) {
    dropHere(state, enginePipette(state, params.pipetteId), params.homeAfter !== false);
    return {};
  },
});
