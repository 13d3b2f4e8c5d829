// Changes to the run as a whole: the id counter, the pause flag, the rail lights.

/** The engine issued the next id of its counter (`pipette-3`, `labware-4`, ...). */
export interface IdIssued {
  type: 'run/idIssued';
}

/** The protocol paused (`ctx.pause()`, `waitForResume`) or resumed. */
export interface PausedSet {
  type: 'run/pausedSet';
  paused: boolean;
}

export interface RailLightsSet {
  type: 'run/railLightsSet';
  on: boolean;
}

export type RunUpdate = IdIssued | PausedSet | RailLightsSet;
