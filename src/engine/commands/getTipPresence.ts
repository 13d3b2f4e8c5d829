import { Type } from '@sinclair/typebox';
import { enginePipette, pythonException } from '../protocol-engine.ts';
import { defineCommand } from './command.ts';
import { Id } from './params.ts';

/** The Protocol Engine's `getTipPresence` (§7.8): an analysis has no tip sensor to ask. */
export const getTipPresence = defineCommand({
  commandType: 'getTipPresence',
  params: Type.Object({ pipetteId: Id }),
  execute(params, { state }) {
    enginePipette(state, params.pipetteId);
    throw pythonException('RuntimeError', 'Do not call VirtualTipHandler.get_tip_presence');
  },
});
