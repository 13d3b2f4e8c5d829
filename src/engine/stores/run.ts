// The store of the run as a whole: its id counter, pause flag and rail lights.
import type { RunUpdate } from '../updates/run.ts';
import type { UpdateHandlers } from './handlers.ts';
import { writable } from './writable.ts';

export const runStore: UpdateHandlers<RunUpdate> = {
  'run/idIssued'(state) {
    writable(state).nextId += 1;
  },
  'run/pausedSet'(state, update) {
    writable(state).paused = update.paused;
  },
  'run/railLightsSet'(state, update) {
    writable(state).railLights = update.on;
  },
};
