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
  readonly id: string;
  readonly model: ModuleModel;
  readonly spec: ModuleSpec;
  readonly slot: string;
  readonly displayName: string;
  readonly configuration: 'full' | 'semi' | null;
  /** The labware on it: the labware store's (a load or move onto the module sets it). */
  readonly labwareId: string | null;
  readonly info: ModuleInfo;
  // temperature module / thermocycler block
  readonly temperature: number;
  readonly target: number | null;
  /** Modeled physical temperature and when the current target is reached. */
  readonly physTemp: number;
  readonly reachAt: number;
  // magnetic module
  readonly height: number;
  // thermocycler
  readonly lid: 'open' | 'closed';
  readonly lidTemp: number;
  readonly lidTarget: number | null;
  readonly lidPhys: number;
  /** When the lid reaches its target (a set-point that does not wait: JSON v6–8). */
  readonly lidReachAt: number;
  readonly holdTime: number | null;
  /** Heater-Shaker: its labware latch (the engine does not know it until set) and shaking speed. */
  readonly latch: 'unknown' | 'open' | 'closed';
  readonly shakeRpm: number | null;
  readonly totalCycleCount: number | null;
  readonly totalStepCount: number | null;
}

/** A resolved location: the plain `Location` plus the labware and well objects it refers to. */
export interface ResolvedLocation {
  point: Point;
  ref: LocationRef;
  lw: LabwareState | null;
  well: WellState | null;
}

/**
  * The location cache as the state keeps it: the point and what it refers to, by id. Its labware
 * and well are looked up when it is read (`cachedLocation` in motion.ts), so the state holds no
 * second reference to a labware record.
 */
export interface CachedLocation {
  readonly point: Readonly<Point>;
  readonly ref: LocationRef;
}

/** A liquid put into wells by `loadLiquid`: volumes by well name. */
export interface LoadedLiquid {
  readonly liquidId: string;
  readonly labwareId: string;
  readonly volumeByWell: Readonly<Record<string, number>>;
}

/**
 * What stands in a deck slot: a labware (its record), or a module (by id: its record is the
 * modules' own, looked up when read).
 */
export type DeckItem = { readonly kind: 'labware'; readonly lw: LabwareState } | { readonly kind: 'module'; readonly moduleId: string };
