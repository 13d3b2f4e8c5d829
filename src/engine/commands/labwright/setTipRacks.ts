import { Type } from '@sinclair/typebox';
import { setTipRacks as setRacks } from '../../instruments.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

/** `pipette.tip_racks = [...]`. */
export const setTipRacks = defineCommand({
  commandType: 'labwright/setTipRacks',
  params: Type.Object({ pipetteId: Id, tipRackIds: Type.Array(Id) }),
  execute: (params, { state }) => setRacks(state, params.pipetteId, params.tipRackIds),
});
