// What the run's state holds about each loaded item: the records the stores keep and the views
// read. Kept apart from the state itself so that state updates (which carry new records) and the
// stores that apply them can name these types without an import cycle.
import type { ModuleSpec, PipetteSpec } from '../definitions/index.ts';
import type { LabwareState, WellState } from './labware.ts';
import type { LocationRef, ModuleInfo, ModuleModel, MountName, Point } from './types.ts';

export type MaxSpeedAxis = 'X' | 'Y' | 'Z' | 'A';

export interface LoadedPipette {
  readonly id: string;
  readonly mount: MountName;
  readonly spec: PipetteSpec;
  readonly requestedAs: string;
  readonly tipRacks: readonly string[];
  readonly trashId: string;
  readonly startingTip: { lw: LabwareState; well: WellState } | null;
  readonly aspirateFlowRate: number;
  readonly dispenseFlowRate: number;
  readonly blowOutFlowRate: number;
  readonly aspirateClearance: number;
  readonly dispenseClearance: number;
  readonly defaultSpeed: number;
  readonly hasTip: boolean;
  readonly currentVolume: number;
  /** Pipette max volume; the aspirate limit (see docs/notes/engine.md). */
  readonly workingVolume: number;
  /** The attached tip's capacity (min of pipette max and tip well volume). */
  readonly tipCapacity: number;
  readonly tipLength: number;
  readonly ready: boolean;
  readonly lastTip: { lw: LabwareState; well: WellState } | null;
  readonly z: number;
  /** Plunger position (mm, the definition's scale), kept only while hardware actions are recorded. */
  readonly plungerMm: number;
}

export interface LoadedModule {
  id: string;
  model: ModuleModel;
  spec: ModuleSpec;
  slot: string;
  displayName: string;
  configuration: 'full' | 'semi' | null;
  labwareId: string | null;
  info: ModuleInfo;
  // temperature module / thermocycler block
  temperature: number;
  target: number | null;
  /** Modeled physical temperature and when the current target is reached. */
  physTemp: number;
  reachAt: number;
  // magnetic module
  height: number;
  // thermocycler
  lid: 'open' | 'closed';
  lidTemp: number;
  lidTarget: number | null;
  lidPhys: number;
  /** When the lid reaches its target (a set-point that does not wait: JSON v6–8). */
  lidReachAt: number;
  holdTime: number | null;
  /** Heater-Shaker: its labware latch (the engine does not know it until set) and shaking speed. */
  latch: 'unknown' | 'open' | 'closed';
  shakeRpm: number | null;
  totalCycleCount: number | null;
  totalStepCount: number | null;
}

/** A resolved location: the plain `Location` plus the labware and well objects it refers to. */
export interface ResolvedLocation {
  point: Point;
  ref: LocationRef;
  lw: LabwareState | null;
  well: WellState | null;
}

/**
 * What stands in a deck slot: a labware (its record), or a module (by id: its record is the
 * modules' own, looked up when read).
 */
export type DeckItem = { readonly kind: 'labware'; readonly lw: LabwareState } | { readonly kind: 'module'; readonly moduleId: string };
