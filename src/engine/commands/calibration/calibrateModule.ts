import { Type } from '@sinclair/typebox';
import { otThreeOnly } from '../../protocol-engine.ts';
import { defineCommand } from '../command.ts';

/** The Protocol Engine's `calibration/calibrateModule` (§7.8): the Flex's calibration, refused on an OT-2. */
export const calibrateModule = defineCommand({
  commandType: 'calibration/calibrateModule',
  params: Type.Object({ moduleId: Type.String(), labwareId: Type.String(), mount: Type.String() }),
  execute() {
    throw otThreeOnly();
  },
});
