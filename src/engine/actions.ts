// Hardware actions: what a command asks of the robot, as motion rather than text. The engine only
// describes them; a RobotBackend (src/runner/backend.ts) performs them — the simulated backend
// spends their time, a driver for the robot's motion controller would move motors.
//
// Every place the engine spends modeled time records exactly one action carrying that time (other
// actions of the same place carry 0 s), so the actions' seconds add up, in order and bit for bit,
// to the engine clock, and those counted toward one run-log entry to that entry's `durationS`.
import type { MountName, Point } from './types.ts';

/** Per-axis speed caps of one move, mm/s (X, Y, and the mount's Z). */
export interface AxisSpeeds {
  x: number;
  y: number;
  z: number;
}

/** One step of a thermocycler profile as the module is asked to run it. */
export interface ProfileStepAction {
  temperature: number;
  holdSeconds: number;
  /** °C/s, or null for the module's default ramp. */
  rampRate: number | null;
}

/** What every action carries besides its own fields. */
interface ActionTiming {
  /** Modeled seconds this action takes (what the simulated backend spends; ≥ 0). */
  seconds: number;
  /**
   * The run-log entry the time counts toward (the innermost command open when it was recorded),
   * or null outside any command (e.g. `ctx.home()`, or the move before a top-level aspirate).
   */
  entryIndex: number | null;
}

export type HardwareActionBody =
  /**
   * The gantry moves the mount's critical point through these deck points, in order, starting
   * where it is. A straight move is one point; an arc is three (up, across, down).
   */
  | { kind: 'gantryMove'; mount: MountName; waypoints: Point[]; speeds: AxisSpeeds }
  /**
   * The plunger travels `mm` (positive = down, towards dispense) at `speedMmPerS`, ending at
   * `toMm` on the pipette's plunger scale (the definition's top / bottom / blowout / dropTip).
   */
  | { kind: 'plungerMove'; mount: MountName; mm: number; toMm: number; speedMmPerS: number }
  /** Tip pick-up presses: `presses` pushes of `distanceMm` at `speedMmPerS`, each `incrementMm` deeper. */
  | { kind: 'tipPress'; mount: MountName; presses: number; distanceMm: number; incrementMm: number; speedMmPerS: number }
  /**
   * The tip is ejected: the plunger to its drop-tip position at `speedMmPerS` and back to the
   * bottom, then (`homesPlunger`) homed to the top.
   */
  | { kind: 'tipEject'; mount: MountName; speedMmPerS: number; homesPlunger: boolean }
  /** Homing: every axis, or one mount's Z and plunger. */
  | { kind: 'home'; axes: 'all' | MountName }
  /** Homing one mount's plunger only (it ends at the top position). */
  | { kind: 'plungerHome'; mount: MountName }
  /**
   * A module is given a new set-point: temperature °C, magnet height mm, lid `'open'`/`'closed'`;
   * null switches the heater off (deactivate).
   */
  | { kind: 'moduleSetPoint'; moduleId: string; target: 'temperature' | 'lidTemperature' | 'magnetHeight' | 'lid' | 'shakeSpeed' | 'latch'; value: number | string | null }
  /** Waiting until a module reaches its set-point, then holding there `holdSeconds`. */
  | { kind: 'moduleWait'; moduleId: string; target: 'temperature' | 'lidTemperature'; holdSeconds: number }
  /** The thermocycler runs these steps `repetitions` times (the module does the waiting). */
  | { kind: 'thermocyclerProfile'; moduleId: string; steps: ProfileStepAction[]; repetitions: number }
  /** The magnetic module homes its magnets and measures (`calibrate()`). */
  | { kind: 'magnetCalibrate'; moduleId: string }
  /** A timed wait that is not motion (`delay`). */
  | { kind: 'delay' };

export type HardwareAction = HardwareActionBody & ActionTiming;

/** An action as a recording site builds it: the entry it counts toward is filled in here. */
export type UnrecordedAction = HardwareActionBody & { seconds: number };

/** What recording needs of the engine state (kept structural: state.ts imports this module). */
export interface ActionRecorder {
  readonly actions: HardwareAction[] | null;
  readonly log: { readonly openIndex: number | null };
}

/**
 * Appends an action to the run's record. Call it only when `st.actions !== null` (the one check a
 * site makes, so a run that does not record pays nothing). `seconds` is what the site passed to
 * `log.advance`, which spends nothing for a value that is not positive: neither does the action.
 */
export function recordAction(st: ActionRecorder, action: UnrecordedAction): void {
  const recorded = action as HardwareAction;
  if (!(recorded.seconds > 0)) recorded.seconds = 0;
  recorded.entryIndex = st.log.openIndex;
  st.actions?.push(recorded);
}
