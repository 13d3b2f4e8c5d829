import { Type } from '@sinclair/typebox';
import { magneticCalibrate } from '../../modules.ts';
import { defineCommand } from '../command.ts';
import { Id } from '../params.ts';

/** `mag.calibrate()`: the 4.x text "Calibrating Magnetic Module". */
export const calibrateMagneticModule = defineCommand({
  commandType: 'labwright/calibrateMagneticModule',
  params: Type.Object({ moduleId: Id }),
  execute: (params, { state }) => magneticCalibrate(state, params.moduleId),
});
