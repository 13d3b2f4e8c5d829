// Changes to where the robot is and how it may move: the gantry, the location cache and the mount
// that moved last, `max_speeds`, saved positions. (A pipette's own height is the pipettes'.)
import type { CachedLocation, MaxSpeedAxis } from '../state-records.ts';
import type { MountName, Point } from '../types.ts';

/** The gantry is now at `point`. */
export interface GantryMoved {
  type: 'motion/gantryMoved';
  point: Point;
}

/** A pipette on `mount` ended a move at `location`: the next moves plan from there. */
export interface Arrived {
  type: 'motion/arrived';
  location: CachedLocation;
  mount: MountName;
}

/** The engine no longer knows where the pipette is (the cache is cleared; the last mount is kept). */
export interface LocationForgotten {
  type: 'motion/locationForgotten';
}

/** The location cache was set by the protocol (`ctx.location_cache`), or cleared by a home: no mount is known. */
export interface LocationCacheSet {
  type: 'motion/locationCacheSet';
  location: CachedLocation | null;
}

/** `ctx.max_speeds` is now `speeds` (the whole mapping). */
export interface MaxSpeedsSet {
  type: 'motion/maxSpeedsSet';
  speeds: Partial<Record<MaxSpeedAxis, number>>;
}

/** `savePosition` (JSON v6–8) kept `position` under `positionId`. */
export interface PositionSaved {
  type: 'motion/positionSaved';
  positionId: string;
  position: Point;
}

export type MotionUpdate = GantryMoved | Arrived | LocationForgotten | LocationCacheSet | MaxSpeedsSet | PositionSaved;
