// The one mutable state object every engine module works on. `ProtocolEngine` owns exactly one
// per run and passes it to the module functions, so each module keeps a single job while they
// all see the same deck, pipettes, modules, clock and location cache.
import type { CustomLabwareUse } from '../common/index.ts';
import type { DefinitionsSource } from '../definitions/index.ts';
import type { HardwareAction } from './actions.ts';
import { featuresAt, levelAtLeast, MAX_SUPPORTED_VERSION, MEMBERS, MIN_SUPPORTED_VERSION, versionErrorText } from './versions.ts';
import type { ApiLevel, FeatureName, MemberName } from './versions.ts';
import { keyError, pyError } from './errors.ts';
import type { LabwareState, WellState } from './labware.ts';
import { LiquidLedger } from './ledger.ts';
import type { LiquidLedgerView } from './ledger.ts';
import { removalError } from './removals.ts';
import type { RemovedName } from './removals.ts';
import { RunLog } from './runlog.ts';
import type { StateUpdate } from './state-update.ts';
import type { CachedLocation, DeckItem, LoadedLiquid, LoadedModule, LoadedPipette, MaxSpeedAxis, ResolvedLocation } from './state-records.ts';
import type { EngineLiquid, EngineOptions, LabwareDefinition, MountName, Point } from './types.ts';

export { MAX_SUPPORTED_VERSION, MIN_SUPPORTED_VERSION };
export type { CachedLocation, DeckItem, LoadedLiquid, LoadedModule, LoadedPipette, MaxSpeedAxis, ResolvedLocation };

export const MOUNTS: readonly MountName[] = ['left', 'right'];

function parseApiLevel(level: string | readonly [number, number]): [number, number] {
  if (typeof level !== 'string') return [level[0], level[1]];
  const m = /^(\d+)\.(\d+)$/.exec(level);
  if (!m) {
    throw pyError(
      'ValueError',
      `apiLevel ${level} is incorrectly formatted. It should major.minor, where both major and minor are numbers.`,
    );
  }
  return [Number(m[1]), Number(m[2])];
}

export class EngineState {
  readonly apiLevel: readonly [number, number];
  readonly isSimulating: boolean;
  readonly defs: DefinitionsSource;
  readonly custom: readonly LabwareDefinition[];
  readonly library: readonly LabwareDefinition[];
  /** Custom labware loaded so far, once per definition and request. */
  readonly customLabwareUses: readonly CustomLabwareUse[] = [];
  readonly log = new RunLog();
  readonly ledger: LiquidLedgerView = new LiquidLedger();
  readonly labware: ReadonlyMap<string, LabwareState> = new Map<string, LabwareState>();
  readonly pipettes: ReadonlyMap<string, LoadedPipette> = new Map<string, LoadedPipette>();
  readonly byMount: Readonly<Record<MountName, LoadedPipette | null>> = { left: null, right: null };
  readonly modules: ReadonlyMap<string, LoadedModule> = new Map<string, LoadedModule>();
  readonly deck: ReadonlyMap<string, DeckItem> = new Map<string, DeckItem>();
  /** How many times the deck's layout or a labware's height changed: what memos of the deck are checked against. */
  readonly deckChanges: number = 0;
  /** Where the last move went (its labware and well resolved on reading: see `cachedLocation`). */
  readonly cache: CachedLocation | null = null;
  /** The mount that made the last move (the 2.10 per-mount planning origin). */
  readonly lastMount: MountName | null = null;
  /** `ctx.max_speeds` (mm/s per axis: X, Y, Z = left mount, A = right mount). */
  readonly maxSpeeds: Readonly<Partial<Record<MaxSpeedAxis, number>>> = {};
  /** Lets the hot move path skip the cap arithmetic when no `max_speeds` is set. */
  readonly hasSpeedCaps: boolean = false;
  readonly gantry: Readonly<Point> = { x: 0, y: 0, z: 0 };
  readonly nextId: number = 1;
  readonly paused: boolean = false;
  readonly railLights: boolean = false;
  /** Hardware actions of the run so far, or null when they are not recorded (analyses). */
  readonly actions: HardwareAction[] | null;
  /** Every state update of the run so far, in order, or null when they are not recorded (see EngineOptions). */
  readonly updates: StateUpdate[] | null;
  /** Protocol Engine rules (JSON v6–8): protocol-given ids, the engine's errors and results. */
  readonly protocolEngine: boolean;
  /** The protocol's liquids: a JSON document's, or those a Python protocol defines. */
  readonly liquids: readonly EngineLiquid[];
  /** Liquids loaded into wells by `loadLiquid`, in order. */
  readonly loadedLiquids: readonly LoadedLiquid[] = [];
  /** Positions kept by `savePosition`, by id. */
  readonly savedPositions: ReadonlyMap<string, Readonly<Point>> = new Map<string, Point>();
  /** Addressable areas used so far (JSON v8): slot 12 and the fixed trash exclude each other. */
  readonly areasInUse: ReadonlySet<string> = new Set<string>();
  /** The side of each area the last alternating tip drop went to. */
  readonly lastDropSpot: ReadonlyMap<string, 'left' | 'right'> = new Map<string, 'left' | 'right'>();
  /**
   * Pipettes that blew out since they last aspirated from a well or were prepared: the engine no
   * longer knows their aspirated volume, so they may not aspirate in place nor dispense.
   */
  readonly blownOut: ReadonlySet<string> = new Set<string>();
  /** Labware standing on other labware (JSON v6–8 stacks and adapters): the upper one's id → the lower one's. */
  readonly stackedOn: ReadonlyMap<string, string> = new Map<string, string>();
  /**
   * Where each labware first stood on the deck (a slot, a module, another labware): where it is
   * set out before the run, or handed over at its first manual move (the equipment from 2.15).
   */
  readonly setupPlaces: ReadonlyMap<string, { slotName: string } | { moduleId: string } | { labwareId: string }> = new Map<
    string,
    { slotName: string } | { moduleId: string } | { labwareId: string }
  >();
  /** Definitions the protocol loaded labware from (Python, ≥ 2.14): later loads by name find them. */
  readonly definedLabware: readonly LabwareDefinition[] = [];

  constructor(opts: EngineOptions) {
    const level = parseApiLevel(opts.apiLevel);
    if (!levelAtLeast(MAX_SUPPORTED_VERSION, level)) {
      throw pyError(
        'RuntimeError',
        `API version ${level[0]}.${level[1]} is not supported by this robot software. Please either reduce your requested API version or update your robot.`,
      );
    }
    this.apiLevel = level;
    this.isSimulating = opts.isSimulating ?? true;
    this.defs = opts.definitions;
    this.custom = opts.customLabware ?? [];
    this.library = opts.labwareLibrary ?? [];
    this.actions = opts.recordHardwareActions === true ? [] : null;
    this.updates = opts.recordStateUpdates === true ? [] : null;
    this.protocolEngine = opts.protocolEngine === true;
    this.liquids = [...(opts.liquids ?? [])];
  }

  /** Whether the protocol's level has a behaviour (see FEATURES in versions.ts). */
  has(feature: FeatureName): boolean {
    // Asked on every pipetting step: each gate is decided once per run.
    this.features ??= featuresAt(this.apiLevel);
    return this.features[feature];
  }

  private features: Readonly<Record<FeatureName, boolean>> | null = null;

  /** Raises APIVersionError for a member added after the protocol's apiLevel (spec §2). */
  requireMember(member: MemberName, objectLevel?: ApiLevel): void {
    this.requireVersion(member, MEMBERS[member].addedIn, objectLevel);
  }

  /** Raises APIVersionError for a member the protocol's level removed (REMOVED in removals.ts). */
  refuseRemoved(name: RemovedName): void {
    const error = removalError(this.apiLevel, name);
    if (error !== null) throw error;
  }

  /**
   * `objectLevel`: the level the object reports when it is not the protocol's (7.5.0's Labware
   * and Well report 2.13 at every legacy level, and its errors name that level).
   */
  requireVersion(qualifiedName: string, addedIn: ApiLevel, objectLevel: ApiLevel = this.apiLevel): void {
    if (!levelAtLeast(objectLevel, addedIn)) throw pyError('APIVersionError', versionErrorText(qualifiedName, addedIn, objectLevel));
  }

  slotPoint(slot: string): Point {
    const s = this.defs.slots().get(slot);
    if (!s) throw pyError('ValueError', `Unknown slot: ${slot}`);
    return s.position;
  }

  // Lookups by id: an unknown id is Python's KeyError, as a dict lookup would raise.

  lw(labwareId: string): LabwareState {
    const lw = this.labware.get(labwareId);
    if (!lw) throw keyError(labwareId);
    return lw;
  }

  wellOf(lw: LabwareState, wellName: string): WellState {
    const w = lw.byName.get(wellName);
    if (!w) throw keyError(wellName);
    return w;
  }

  pipette(pipetteId: string): LoadedPipette {
    const p = this.pipettes.get(pipetteId);
    if (!p) throw keyError(pipetteId);
    return p;
  }

  module(moduleId: string): LoadedModule {
    const m = this.modules.get(moduleId);
    // The Protocol Engine (JSON v6–8) names the missing module in every module command.
    if (!m && this.protocolEngine) throw pyError('ModuleNotLoadedError', `Module ${moduleId} not found.`);
    if (!m) throw keyError(moduleId);
    return m;
  }
}
