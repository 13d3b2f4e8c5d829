// The robot a session runs on. By default a virtual robot that has whatever a protocol loads; a
// fixed robot has given pipettes and modules, and a protocol asking for others fails its load as
// it would on real hardware.
import type { MountName, ProtocolErrorInfo, RequiredEquipment } from '../analysis/index.ts';

export interface FixedRobot {
  /** Pipette name per mount, e.g. `{ right: 'p300_single_gen2' }`; a missing mount is empty. */
  pipettes?: Partial<Record<MountName, string>>;
  /** Attached module models, e.g. `['temperatureModuleV2']`. */
  modules?: string[];
}

/** A GEN2 pipette stands in for the GEN1 pipette of the same volume and channels, as on a robot. */
function canServe(attached: string, requested: string): boolean {
  return attached === requested || attached === `${requested}_gen2`;
}

/** The first mismatch between what the protocol needs and what the robot has, or null. */
export function checkEquipment(robot: FixedRobot | null, needs: RequiredEquipment): ProtocolErrorInfo | null {
  if (robot === null) return null;
  for (const p of needs.pipettes) {
    const attached = robot.pipettes?.[p.mount];
    if (attached === undefined || !canServe(attached, p.pipetteName)) {
      const present = attached === undefined ? 'no pipette is attached' : `${attached} is attached`;
      return {
        type: 'RuntimeError',
        description: `Instrument ${p.requestedAs} was requested on the ${p.mount} mount, but ${present}`,
      };
    }
  }
  const available = [...(robot.modules ?? [])];
  for (const m of needs.modules) {
    const i = available.indexOf(m.model);
    if (i < 0) {
      return { type: 'RuntimeError', description: `Could not find specified module: ${m.model}` };
    }
    available.splice(i, 1);
  }
  return null;
}
