import { Type } from '@sinclair/typebox';
import { retractAxis as retract } from '../motion.ts';
import { defineCommand } from './command.ts';

const MotorAxis = Type.Union(['x', 'y', 'leftZ', 'rightZ', 'leftPlunger', 'rightPlunger', 'extensionZ', 'extensionJaw'].map((a) => Type.Literal(a)));

/** The Protocol Engine's `retractAxis` (JSON v7–8): one axis to its home; a mount's Z takes its pipette up. */
export const retractAxis = defineCommand({
  commandType: 'retractAxis',
  params: Type.Object({ axis: MotorAxis }),
  execute(params, { state }) {
    retract(state, params.axis);
    return {};
  },
});
