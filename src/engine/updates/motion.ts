// Changes to where the robot is and how it may move: the gantry, the location cache and the mount
// that moved last, `max_speeds`, saved positions. (A pipette's own height is the pipettes', except
// that a move sets it with the gantry.)
import type { CachedLocation, MaxSpeedAxis } from '../state-records.ts';
import type { MountName, Point } from '../types.ts';

/**
 * The pipette on `mount` moved to `location`: the gantry is at its point, the pipette at height
 * `z`, and the next moves plan from there. (One update for the gantry and the pipette: every move
 * makes it, so it is the cheapest change of the run; it holds the point and the ref itself, so the
 * store keeps it as the cache entry and a move allocates one object, not two.)
 */
export interface Moved extends CachedLocation {
  type: 'motion/moved';
  mount: MountName;
  pipetteId: string;
  z: number;
}

/**
 * `touch_tip` ended at the well's touch height: the cache holds that point (the gantry stays
 * where the move before it went; that move's mount moved last).
 */
export interface TipTouched {
  type: 'motion/tipTouched';
  location: CachedLocation;
}

/** A mount's Z axis went up to its home (`retractAxis`): the gantry is at `gantry`; where the pipette is is no longer known. */
export interface Retracted {
  type: 'motion/retracted';
  gantry: Point;
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

export type MotionUpdate = Moved | TipTouched | Retracted | LocationForgotten | LocationCacheSet | MaxSpeedsSet | PositionSaved;
