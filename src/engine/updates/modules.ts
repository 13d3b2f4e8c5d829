// Changes to the loaded modules: loading, set-points and what the model makes of them (the modeled
// temperature and when it is reached), the magnet, the thermocycler's lid and profile, the
// Heater-Shaker's latch and shaking. A module's `labwareId` is the labware's loads' (updates/labware.ts).
import type { LoadedModule } from '../state-records.ts';

/** A module was put on the deck: the new record (no labware, no targets). */
export interface ModuleLoaded {
  type: 'module/loaded';
  module: LoadedModule;
}

/** JSON v6–8: the loaded module takes the id the protocol gave it. */
export interface ModuleRenamed {
  type: 'module/renamed';
  moduleId: string;
  newId: string;
}

/**
 * A temperature target was set (temperature module, thermocycler block, Heater-Shaker, a profile
 * step): the module heads for `celsius` and is modeled to reach it at `reachAt` (run seconds). A
 * thermocycler's block set-point also sets its hold time (seconds; null: none).
 */
export interface TemperatureTargetSet {
  type: 'module/temperatureTargetSet';
  moduleId: string;
  celsius: number;
  reachAt: number;
  holdTime?: number | null;
}

/**
 * Heating (or cooling) was turned off: no target, modeled back at ambient, no hold time. A
 * temperature module's ramp also ends then (`reachAt`).
 */
export interface TemperatureDeactivated {
  type: 'module/temperatureDeactivated';
  moduleId: string;
  reachAt?: number;
}

/** A thermocycler's lid heater was set to `celsius`; under the Protocol Engine's rules (JSON v6–8) it is reached at `reachAt`. */
export interface LidTemperatureSet {
  type: 'module/lidTemperatureSet';
  moduleId: string;
  celsius: number;
  reachAt?: number;
}

/** A thermocycler's lid heater was turned off. */
export interface LidTemperatureDeactivated {
  type: 'module/lidTemperatureDeactivated';
  moduleId: string;
}

/** A thermocycler's lid is now open or closed (moved, or as a loader starts it). */
export interface LidSet {
  type: 'module/lidSet';
  moduleId: string;
  lid: LoadedModule['lid'];
}

/** A thermocycler ran a profile: `repetitions` cycles of `steps` steps (its steps' targets are their own updates). */
export interface ProfileRun {
  type: 'module/profileRun';
  moduleId: string;
  repetitions: number;
  steps: number;
}

/** A magnetic module's magnets moved to `height` (mm; 0: disengaged). */
export interface MagnetMoved {
  type: 'module/magnetMoved';
  moduleId: string;
  height: number;
}

/** A Heater-Shaker shakes at `rpm`, or stopped (null). */
export interface ShakeSet {
  type: 'module/shakeSet';
  moduleId: string;
  rpm: number | null;
}

/** A Heater-Shaker's labware latch opened or closed. */
export interface LatchSet {
  type: 'module/latchSet';
  moduleId: string;
  latch: 'open' | 'closed';
}

export type ModuleUpdate =
  | ModuleLoaded
  | ModuleRenamed
  | TemperatureTargetSet
  | TemperatureDeactivated
  | LidTemperatureSet
  | LidTemperatureDeactivated
  | LidSet
  | ProfileRun
  | MagnetMoved
  | ShakeSet
  | LatchSet;
