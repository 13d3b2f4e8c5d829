import { Type } from '@sinclair/typebox';
import { otThreeOnly } from '../../protocol-engine.ts';
import { defineCommand } from '../command.ts';

/** The Protocol Engine's `calibration/calibratePipette` (§7.8): the Flex's calibration, refused on an OT-2. */
export const calibratePipette = defineCommand({
  commandType: 'calibration/calibratePipette',
  params: Type.Object({ mount: Type.String() }),
  execute() {
    throw otThreeOnly();
  },
});
