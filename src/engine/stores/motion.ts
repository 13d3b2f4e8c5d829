// The store of motion: the gantry, the location cache and the last mount, `max_speeds`, saved positions.
import type { MotionUpdate } from '../updates/motion.ts';
import type { UpdateHandlers } from './handlers.ts';
import { writable } from './writable.ts';

export const motionStore: UpdateHandlers<MotionUpdate> = {
  'motion/moved'(state, update) {
    const s = writable(state);
    s.gantry = update.point;
    // The update is a cache entry itself (point and ref): kept as it is.
    s.cache = update;
    s.lastMount = update.mount;
    const pipette = state.pipettes.get(update.pipetteId);
    if (pipette !== undefined) writable(pipette).z = update.z;
  },
  'motion/tipTouched'(state, update) {
    writable(state).cache = update.location;
  },
  'motion/retracted'(state, update) {
    const s = writable(state);
    s.gantry = update.gantry;
    s.cache = null;
  },
  'motion/locationForgotten'(state) {
    writable(state).cache = null;
  },
  'motion/locationCacheSet'(state, update) {
    const s = writable(state);
    s.cache = update.location;
    s.lastMount = null;
  },
  'motion/maxSpeedsSet'(state, update) {
    const s = writable(state);
    s.maxSpeeds = update.speeds;
    // Lets the hot move path skip the cap arithmetic when no cap is set.
    s.hasSpeedCaps = Object.keys(update.speeds).length > 0;
  },
  'motion/positionSaved'(state, update) {
    writable(state).savedPositions.set(update.positionId, update.position);
  },
};
