import { Type } from '@sinclair/typebox';
import { setTipLength as setLength } from '../../deck.ts';
import { defineCommand } from '../command.ts';
import { Id, Maybe, plain, PyNumber } from '../params.ts';

/** `labware.tip_length = x`: written into this labware's definition parameters. */
export const setTipLength = defineCommand({
  commandType: 'labwright/setTipLength',
  params: Type.Object({ labwareId: Id, length: Maybe(PyNumber) }),
  execute: (params, { state }) => setLength(state, params.labwareId, plain(params.length) ?? 0),
  report: (params) => ({ params, result: null }),
});
