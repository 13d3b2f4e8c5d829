// A state update: one change to the run's state, as data. Command implementations (and the engine
// modules they call) never write the state themselves: they hand updates to `applyUpdate`
// (stores/index.ts), whose stores are the only code that writes. So every change a command makes
// is a value that can be recorded with its command, inspected, and applied again to a fresh state
// to rebuild the same run (test/engine/state-updates.test.ts does exactly that).
//
// Updates carry ids and plain values, not references to live records: a recorded update must mean
// the same thing when it is applied to another state. The exception is an update that adds a new
// record (a labware, a pipette, a module): it carries the record, built by a pure function.
import type { LabwareUpdate } from './updates/labware.ts';
import type { LiquidUpdate } from './updates/liquids.ts';
import type { ModuleUpdate } from './updates/modules.ts';
import type { MotionUpdate } from './updates/motion.ts';
import type { PipetteUpdate } from './updates/pipettes.ts';
import type { RunUpdate } from './updates/run.ts';

export type { LabwareUpdate, LiquidUpdate, ModuleUpdate, MotionUpdate, PipetteUpdate, RunUpdate };

export type StateUpdate = RunUpdate | LabwareUpdate | PipetteUpdate | ModuleUpdate | MotionUpdate | LiquidUpdate;

export type StateUpdateType = StateUpdate['type'];
