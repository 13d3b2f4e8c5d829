import { Type } from '@sinclair/typebox';
import { otThreeOnly } from '../../protocol-engine.ts';
import { defineCommand } from '../command.ts';

/** The Protocol Engine's `calibration/moveToMaintenancePosition` (§7.8): the Flex's calibration, refused on an OT-2. */
export const moveToMaintenancePosition = defineCommand({
  commandType: 'calibration/moveToMaintenancePosition',
  params: Type.Object({ mount: Type.String(), maintenancePosition: Type.Optional(Type.String()) }),
  execute() {
    throw otThreeOnly();
  },
});
