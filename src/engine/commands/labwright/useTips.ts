import { Type } from '@sinclair/typebox';
import { labwareReturnTips, labwareUseTips } from '../../tips.ts';
import { defineCommand } from '../command.ts';
import { Id, Maybe, plain, PyNumber } from '../params.ts';

/** `labware.use_tips(well, channels)` or, with `returned`, `labware.return_tips(well, channels)`. */
export const useTips = defineCommand({
  commandType: 'labwright/useTips',
  params: Type.Object({ labwareId: Id, wellName: Type.String(), numChannels: Maybe(PyNumber), returned: Type.Optional(Type.Boolean()) }),
  execute(params, { state }) {
    const channels = plain(params.numChannels) ?? 1;
    if (params.returned === true) labwareReturnTips(state, params.labwareId, params.wellName, channels);
    else labwareUseTips(state, params.labwareId, params.wellName, channels);
  },
});
