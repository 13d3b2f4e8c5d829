// Hardware actions: what a command asks of the robot, as motion rather than text. The engine only
// describes them; a RobotBackend (src/runner/backend.ts) performs them — the simulated backend
// spends their time, a driver for the robot's motion controller would move motors.
import type { MountName, Point } from './types.ts';

/** Per-axis speed caps of one move, mm/s (X, Y, and the mount's Z). */
export interface AxisSpeeds {
  x: number;
  y: number;
  z: number;
}

export type HardwareAction =
  /** The gantry moves the mount's critical point through these deck points, in order. */
  | { kind: 'gantryMove'; mount: MountName; waypoints: Point[]; speeds: AxisSpeeds; seconds: number }
  /** The plunger travels `mm` (positive = down, towards dispense) at `speedMmPerS`. */
  | { kind: 'plungerMove'; mount: MountName; mm: number; speedMmPerS: number; seconds: number }
  /** Tip pick-up presses: `presses` pushes of `distanceMm`, each `incrementMm` deeper. */
  | { kind: 'tipPress'; mount: MountName; presses: number; distanceMm: number; incrementMm: number; seconds: number }
  /** The tip is ejected (plunger to drop-tip position and back). */
  | { kind: 'tipEject'; mount: MountName; seconds: number }
  | { kind: 'home'; axes: 'all' | MountName; seconds: number }
  /** A module is given a new set-point (temperature °C, magnet height mm, lid open/closed). */
  | { kind: 'moduleSetPoint'; moduleId: string; target: 'temperature' | 'lidTemperature' | 'magnetHeight' | 'lid'; value: number | string | null; seconds: number }
  /** Waiting until a module reaches its set-point. */
  | { kind: 'moduleWait'; moduleId: string; target: 'temperature' | 'lidTemperature' | 'hold'; seconds: number }
  /** A timed wait that is not motion (`delay`). */
  | { kind: 'delay'; seconds: number };
