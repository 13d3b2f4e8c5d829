// The protocol engine: one instance per protocol run. Pure and synchronous; definitions come in
// through a DefinitionsSource. Every Protocol API rule (defaults, validation, tip selection,
// run-log text, nesting) lives once in the modules below; this class is only the facade the JSON
// executor and the Python layer call, holding the run's one EngineState and delegating to them.
import type { LiquidWarning, RunLogEntry } from '../common/index.ts';
import type { TSchema } from '@sinclair/typebox';
import type { ValueError } from '@sinclair/typebox/errors';
import { Value } from '@sinclair/typebox/value';
import { commandDefinition, lookupCommand } from './commands/catalogue.ts';
import type { AnyCommandDefinition } from './commands/catalogue.ts';
import { CommandHistory, NO_PARENT } from './commands/history.ts';
import { reportCommands } from './commands/report.ts';
import type { AnyCommand, CommandContext, CommandError, CommandRecord } from './commands/command.ts';
import { ProtocolApiError } from './errors.ts';
import { EngineView } from './view.ts';
import { hasTrashBin, TRASH_BIN_AREA } from './trash-bin.ts';
import { refuseFlexFixture } from './flex-only.ts';
import { logCommandFailed, warnDeprecated } from './log-records.ts';
import { slotCenter } from './deck-slots.ts';
import { hwPipetteRelease7Keys } from './instruments.ts';
import type { DeprecatedMember } from './log-records.ts';
import { checkPrepareToAspirate } from './in-place.ts';
import type { FlexOnlyFeature } from './flex-only.ts';
import { buildLabware } from './labware.ts';
import { EngineState, MAX_SUPPORTED_VERSION, MIN_SUPPORTED_VERSION } from './state.ts';
import type { EngineOptions } from './types.ts';
import { builtInLabware } from '../definitions/index.ts';
import type { PipetteSpec } from '../definitions/index.ts';
import { engineEquipment } from './protocol-engine.ts';
import type { CustomLabwareUse, EngineEquipment, ExecutionOutcome, RequiredEquipment, WellLiquidHistory, WellLiquidSummary } from '../common/index.ts';
import { deckItem, noteCustomLabware, fixedTrash, highestZ, labwareInfoById, loadedLabwares, slotPosition } from './deck.ts';
import { loadedInstruments, pipetteInfo, pipetteState } from './instruments.ts';
import { locationCache } from './locations.ts';
import { loadedModules, moduleInfo, moduleLabware, moduleState } from './modules.ts';
import { maxSpeedLimits } from './motion.ts';
import { liquidSummary, requiredEquipment } from './results.ts';
import type { MaxSpeedAxis } from './state.ts';
import type { FeatureName, MemberName } from './versions.ts';
import type { RemovedName } from './removals.ts';
import { checkLabwareRole, labwarePlace, requireLabwareMovement } from './labware-movement.ts';
import { applyUpdate } from './stores/index.ts';
import type { AddedIn215 } from './labware-movement.ts';
import { labwareNextTip, labwarePreviousTip, labwareTipLength, nextAvailableTip, nextAvailableTipIn, wellHasTip } from './tips.ts';
import type { AnyLocationArg, DeckLocation, LabwareDefinition, LabwareInfo, LocationArg, ModuleInfo, ModuleState, MountName, PipetteInfo, PipetteState, Point, ProfileStep, PyNum } from './types.ts';

export { MAX_SUPPORTED_VERSION, MIN_SUPPORTED_VERSION };
export type { MaxSpeedAxis };

export class ProtocolEngine {
  readonly apiLevel: readonly [number, number];
  readonly isSimulating: boolean;
  private readonly s: EngineState;
  private readonly history = new CommandHistory();
  /** Index of the command running now (children run under it), or NO_PARENT. */
  private active = NO_PARENT;
  /** The exception of the last failed command, so `run` rethrows it as the protocol's own. */
  private lastFailure: unknown = null;
  private readonly context: CommandContext;

  constructor(opts: EngineOptions) {
    const s = new EngineState(opts);
    this.s = s;
    this.apiLevel = s.apiLevel;
    this.isSimulating = s.isSimulating;
    if (opts.preloadFixedTrash !== false) {
      // Robot software 7 pre-loads today's definition of the same trash (its well sits elsewhere).
      // So does the Python API's Protocol Engine runtime (2.14), which prints it `on slot 12`.
      const engineCore = s.has('engineCore') && !s.protocolEngine;
      const definition = (s.protocolEngine || engineCore ? builtInLabware('opentrons_1_trash_1100ml_fixed', 1) : null) ?? s.defs.fixedTrash();
      const trash = buildLabware('fixedTrash', definition, null, '12', null, engineCore ? 'slot 12' : '12', s.slotPoint('12'), engineCore);
      // From 2.16 the Python API's fixed trash is a trash bin, a fixture over cutout 12: the
      // labware stays known for its geometry but stands on no slot (slot 12 is the bin's).
      const bin = hasTrashBin(s);
      applyUpdate(s, { type: 'labware/fixedTrashPreloaded', labware: trash, inSlot: !bin });
      if (bin) applyUpdate(s, { type: 'labware/areaUsed', area: TRASH_BIN_AREA });
    }
    this.context = { state: s, runChild: (command) => this.runTrusted(command) };
  }

  // ───────────────────────────── commands ─────────────────────────────

  /**
   * Runs one command and records it. Params are checked against the command's schema first (data
   * from an adapter is not trusted); a failure of either kind is returned as data in the record.
   */
  execute(command: AnyCommand): CommandRecord {
    const entry = lookupCommand(command.commandType);
    let index: number;
    if (entry === undefined) {
      index = this.perform(command, null, new ProtocolApiError('RuntimeError', `unknown command type ${JSON.stringify(command.commandType)}`));
    } else if (!entry.check.Check(command.params)) {
      const first = firstParamsError(entry.definition.params, command.params, entry.check.Errors(command.params).First());
      index = this.perform(command, null, paramsError(command.commandType, first));
    } else {
      index = this.perform(command, entry.definition, null);
    }
    return this.history.record(index);
  }

  /** `execute`, then the command's result, or its exception thrown again. */
  run(command: AnyCommand): unknown {
    const record = this.execute(command);
    if (record.status === 'failed') throw this.lastFailure;
    return record.result;
  }

  /** Read-only views of the run's state (what planners read between the commands they yield). */
  get view(): EngineView {
    return new EngineView(this.s);
  }

  /**
   * The run's state, for inspection (tests replay its recorded updates): typed read-only outside
   * the stores, which are the only writers.
   */
  get state(): EngineState {
    return this.s;
  }

  /** The ordered history of executed commands (a snapshot, built when read). */
  get commands(): readonly CommandRecord[] {
    return this.history.records();
  }

  /**
   * Runs a command built by TypeScript code whose types already match the schema (this facade and
   * the children a parent yields): the schema check is for data that crossed a boundary.
   */
  private runTrusted(command: AnyCommand): unknown {
    const definition = commandDefinition(command.commandType);
    if (definition === undefined) throw new Error(`unknown command type ${command.commandType}`);
    const index = this.perform(command, definition, null);
    if (this.history.failed(index)) throw this.lastFailure;
    return this.history.result(index);
  }

  /** Runs a command's implementation, or fails it with `refusal`, and records what happened. */
  private perform(command: AnyCommand, definition: AnyCommandDefinition | null, refusal: ProtocolApiError | null): number {
    const log = this.s.log;
    const actions = this.s.actions;
    const parent = this.active;
    const index = this.history.begin(command.commandType, command.params, log.clock, log.entries.length, parent);
    const firstAction = actions === null ? 0 : actions.length;
    const updates = this.s.updates;
    const firstUpdate = updates === null ? 0 : updates.length;
    const depth = log.depth;
    this.active = index;
    let result: unknown = null;
    let error: CommandError | null = null;
    try {
      if (definition === null) throw refusal;
      result = definition.execute(command.params, this.context) ?? null;
    } catch (thrown) {
      error = errorData(thrown);
      // The Protocol Engine logs each command that fails (a parent failing with its child's
      // exception is not one more failure); the record lands under the failing entry.
      if (thrown !== this.lastFailure && this.failsAsEngineCommand(thrown)) logCommandFailed(this.s, CommandHistory.id(index));
      this.lastFailure = thrown;
      // 7.5.0 publishes "after" on error: a caught exception leaves the nesting as it was.
      if (this.s.has('release7')) log.restore(depth);
    } finally {
      this.active = parent;
      this.history.finish(index, log.clock, log.entries.length, result, error, actions === null ? null : actions.slice(firstAction), updates === null ? null : updates.slice(firstUpdate));
    }
    return index;
  }

  /** A failed engine command of the Python API's Protocol Engine runtime (apiLevel ≥ 2.14). */
  private failsAsEngineCommand(thrown: unknown): boolean {
    return thrown instanceof ProtocolApiError && thrown.errorCode !== null && this.s.has('engineCore') && !this.s.protocolEngine;
  }

  // ───────────────────────────── versions and run log ─────────────────────────────

  /** Logs the deprecation line of a member that still works (spec A.4.5). */
  warnDeprecated(member: DeprecatedMember): void {
    warnDeprecated(this.s, member);
  }

  /** Whether the protocol's level has a behaviour (FEATURES in versions.ts). */
  has(feature: FeatureName): boolean {
    return this.s.has(feature);
  }

  /** Raises APIVersionError for a Python member (MEMBERS in versions.ts) used below its level. */
  requireMember(member: MemberName, objectLevel?: readonly [number, number]): void {
    this.s.requireMember(member, objectLevel);
  }

  /** Raises `prepare_to_aspirate()`'s refusal while the tip holds liquid. */
  checkPrepareToAspirate(pipetteId: string): void {
    checkPrepareToAspirate(this.s.pipette(pipetteId));
  }

  /** Raises the OT-2's refusal of a Flex fixture (`load_trash_bin`, `load_waste_chute`). */
  refuseFlexOnly(feature: FlexOnlyFeature): never {
    return refuseFlexFixture(feature);
  }

  /** Raises APIVersionError for a member the protocol's level removed (REMOVED in removals.ts). */
  refuseRemoved(name: RemovedName): void {
    this.s.refuseRemoved(name);
  }

  /** The run log so far (live array: entries are appended as commands run). */
  get runLog(): readonly RunLogEntry[] {
    return this.s.log.entries;
  }

  get entryCount(): number {
    return this.s.log.entries.length;
  }

  /** Current nesting level (raised for good by an exception inside a logged command). */
  get level(): number {
    return this.s.log.level;
  }

  /** Modeled seconds since the start of the run. */
  get clock(): number {
    return this.s.log.clock;
  }

  /**
   * The hardware actions of the run so far (live array, in order; see actions.ts), or null when the
   * engine was made without `recordHardwareActions`.
   */
  get hardwareActions(): Readonly<EngineState['actions']> {
    return this.s.actions;
  }

  /** Stamp later entries with this protocol line (Python protocols). */
  setSourceLine(line: number | null): void {
    this.s.log.line = line;
  }

  /**
   * Opens a logged parent command (e.g. `command.TRANSFER`, `Transferring ...`): entries until
   * the matching `endCommand` nest under it. On an exception, do not call `endCommand`.
   */
  beginCommand(name: string, text: string): number {
    return this.s.log.before(name, text).index;
  }

  endCommand(): void {
    this.s.log.after();
  }

  /** Spend modeled time outside any command model (e.g. a Python-side step). */
  advanceTime(seconds: number): void {
    this.s.log.advance(seconds);
  }

  /** True after `pause()` until `resume()` (the runner decides what a pause means). */
  get isPaused(): boolean {
    return this.s.paused;
  }

  setRailLights(on: boolean): void {
    this.runTrusted({ commandType: 'setRailLights', params: { on } });
  }

  get railLightsOn(): boolean {
    return this.s.railLights;
  }

  get liquidWarnings(): readonly LiquidWarning[] {
    return this.s.ledger.warnings;
  }

  // ───────────────────────────── delegated to the modules ─────────────────────────────

  loadLabware(
    loadName: string,
    location: DeckLocation,
    label: string | null = null,
    namespace: string | null = null,
    version: number | null = null,
  ): LabwareInfo {
    return this.runTrusted({ commandType: 'loadLabware', params: { location: { slotName: location }, loadName, displayName: label, namespace, version } }) as LabwareInfo;
  }

  loadLabwareFromDefinition(definition: LabwareDefinition, location: DeckLocation, label: string | null = null): LabwareInfo {
    return this.runTrusted({ commandType: 'loadLabware', params: { location: { slotName: location }, definition, displayName: label } }) as LabwareInfo;
  }

  /** `module.load_labware(name, label, namespace, version)`. */
  moduleLoadLabware(
    moduleId: string,
    loadName: string,
    label: string | null = null,
    namespace: string | null = null,
    version: number | null = null,
  ): LabwareInfo {
    return this.runTrusted({ commandType: 'loadLabware', params: { location: { moduleId }, loadName, displayName: label, namespace, version } }) as LabwareInfo;
  }

  moduleLoadLabwareFromDefinition(moduleId: string, definition: LabwareDefinition, label: string | null = null): LabwareInfo {
    return this.runTrusted({ commandType: 'loadLabware', params: { location: { moduleId }, definition, displayName: label } }) as LabwareInfo;
  }

  /**
   * `ModuleContext.load_labware_object(labware)` (spec §9.2): an already loaded labware becomes the
   * module's labware. As in 4.7.0 it keeps its own position and parent; only the module's checks
   * (one labware per module, thermocycler lid open) apply.
   */
  moduleLoadLabwareObject(moduleId: string, labwareId: string): LabwareInfo {
    return this.runTrusted({ commandType: 'labwright/loadLabwareObject', params: { moduleId, labwareId } }) as LabwareInfo;
  }

  /**
   * `labware.tip_length = x` (spec §6.3): 4.7.0 writes it into the labware's definition
   * parameters, so later pick-ups, drops and returns use it. Only this labware changes.
   */
  setTipLength(labwareId: string, length: number): LabwareInfo {
    return this.runTrusted({ commandType: 'labwright/setTipLength', params: { labwareId, length } }) as LabwareInfo;
  }

  /** `del ctx.deck[slot]`. */
  clearSlot(location: DeckLocation): void {
    this.runTrusted({ commandType: 'labwright/clearSlot', params: { slotName: location } });
  }

  /** What `ctx.deck[slot]` holds. */
  deckItem(location: DeckLocation): { kind: 'labware'; labwareId: string } | { kind: 'module'; moduleId: string } | null {
    return deckItem(this.s, location);
  }

  /** `deck.position_for(slot)`: front-left corner of the slot. */
  /** What 7.5.0's `hw_pipette` adds to 4.7.0's keys (legacy core). */
  hwPipetteRelease7Keys(pipetteId: string): Record<string, unknown> {
    return hwPipetteRelease7Keys(this.s, pipetteId);
  }

  /** `ctx.deck.get_slot_center(slot)`. */
  slotCenter(location: DeckLocation): Point {
    return slotCenter(this.s, location);
  }

  slotPosition(location: DeckLocation): Point {
    return slotPosition(this.s, location);
  }

  /** `ctx.deck.highest_z` (cached; every deck change clears it). */
  get highestZ(): number {
    return highestZ(this.s);
  }

  labwareInfo(labwareId: string): LabwareInfo {
    return labwareInfoById(this.s, labwareId);
  }

  /** `ctx.loaded_labwares`: slot number → labware, sorted by slot (module labware under the module's slot). */
  loadedLabwares(): { slot: number; labwareId: string }[] {
    return loadedLabwares(this.s);
  }

  /** `ctx.fixed_trash`: whatever is in slot 12 now. */
  fixedTrash(): string {
    return fixedTrash(this.s);
  }

  /** Where a labware stands now, what stands on it, and whether it is an adapter (2.15). */
  labwarePlace(labwareId: string): ReturnType<typeof labwarePlace> {
    return labwarePlace(this.s, labwareId);
  }

  /** The Python API's role check after a load (`LabwareDefinitionIsNotAdapterError`, …). */
  checkLabwareRole(labwareId: string, role: 'adapter' | 'labware'): void {
    checkLabwareRole(this.s, labwareId, role);
  }

  /** Refuses `OFF_DECK`, `adapter=` or `push_out=` below 2.15. */
  requireLabwareMovement(what: AddedIn215): void {
    requireLabwareMovement(this.s, what);
  }

  /** `labware.tip_length` (refused for labware that is not a tip rack). */
  labwareTipLength(labwareId: string): number {
    return labwareTipLength(this.s, labwareId);
  }

  /** `Labware.reset()`: every tip back. */
  labwareReset(labwareId: string): void {
    this.runTrusted({ commandType: 'labwright/resetLabware', params: { labwareId } });
  }

  /** `Labware.next_tip(num_tips, starting_tip)` → well name or null. */
  labwareNextTip(labwareId: string, numTips = 1, startingWell: string | null = null): string | null {
    return labwareNextTip(this.s, labwareId, numTips, startingWell);
  }

  /** `Labware.use_tips(start_well, num_channels)`. */
  labwareUseTips(labwareId: string, wellName: string, numChannels = 1): void {
    this.runTrusted({ commandType: 'labwright/useTips', params: { labwareId, wellName, numChannels } });
  }

  /** `Labware.return_tips(start_well, num_channels)`. */
  labwareReturnTips(labwareId: string, wellName: string, numChannels = 1): void {
    this.runTrusted({ commandType: 'labwright/useTips', params: { labwareId, wellName, numChannels, returned: true } });
  }

  /** `Labware.previous_tip(num_tips)`: the last well of the last used run, or null. */
  labwarePreviousTip(labwareId: string, numTips = 1): string | null {
    return labwarePreviousTip(this.s, labwareId, numTips);
  }

  wellHasTip(labwareId: string, wellName: string): boolean {
    return wellHasTip(this.s, labwareId, wellName);
  }

  setWellHasTip(labwareId: string, wellName: string, value: boolean): void {
    this.runTrusted({ commandType: 'labwright/setWellHasTip', params: { labwareId, wellName, value } });
  }

  loadInstrument(
    instrumentName: string,
    mount: string,
    tipRackIds: readonly string[] | null = null,
    replace = false,
  ): PipetteInfo {
    return this.runTrusted({ commandType: 'loadPipette', params: { pipetteName: instrumentName, mount, tipRackIds, replace } }) as PipetteInfo;
  }

  pipetteInfo(pipetteId: string): PipetteInfo {
    return pipetteInfo(this.s, pipetteId);
  }

  pipetteState(pipetteId: string): PipetteState {
    return pipetteState(this.s, pipetteId);
  }

  /** The hardware's configuration of the attached model (`_attached_instruments[mount].config`). */
  pipetteHardwareConfig(pipetteId: string): PipetteSpec['hardwareConfig'] {
    return this.s.pipette(pipetteId).spec.hardwareConfig;
  }

  /** `ctx.loaded_instruments`: left first. */
  loadedInstruments(): { mount: MountName; pipetteId: string }[] {
    return loadedInstruments(this.s);
  }

  /** `flow_rate.aspirate = v` etc.; each value must be a number > 0. */
  setFlowRate(pipetteId: string, rates: { aspirate?: number; dispense?: number; blowOut?: number }): void {
    this.runTrusted({ commandType: 'labwright/setFlowRate', params: { pipetteId, ...rates } });
  }

  /** `speed.aspirate = mm/s` etc.; stored as flow rates (ul/mm at the pipette's max volume). */
  setPlungerSpeed(pipetteId: string, speeds: { aspirate?: number; dispense?: number; blowOut?: number }): void {
    this.runTrusted({ commandType: 'labwright/setPlungerSpeed', params: { pipetteId, ...speeds } });
  }

  setWellBottomClearance(pipetteId: string, clearance: { aspirate?: number; dispense?: number }): void {
    this.runTrusted({ commandType: 'labwright/setWellBottomClearance', params: { pipetteId, ...clearance } });
  }

  setDefaultSpeed(pipetteId: string, speed: number): void {
    this.runTrusted({ commandType: 'labwright/setDefaultSpeed', params: { pipetteId, speed } });
  }

  setTipRacks(pipetteId: string, tipRackIds: readonly string[]): void {
    this.runTrusted({ commandType: 'labwright/setTipRacks', params: { pipetteId, tipRackIds } });
  }

  setTrashContainer(pipetteId: string, labwareId: string): void {
    this.runTrusted({ commandType: 'labwright/setTrashContainer', params: { pipetteId, labwareId } });
  }

  /** `pipette.starting_tip = well` (or null). */
  setStartingTip(pipetteId: string, well: { labwareId: string; wellName: string } | null): void {
    this.runTrusted({ commandType: 'labwright/setStartingTip', params: { pipetteId, tip: well } });
  }

  /** `pipette.reset_tipracks()`: every rack refilled, starting tip cleared. */
  resetTipracks(pipetteId: string): void {
    this.runTrusted({ commandType: 'labwright/resetTipracks', params: { pipetteId } });
  }

  /** `next_available_tip(starting_tip, tip_racks, channels)` → rack and well, or null. */
  nextAvailableTip(pipetteId: string): { labwareId: string; wellName: string } | null {
    return nextAvailableTip(this.s, pipetteId);
  }

  /** The same search over racks, start and channels a protocol passes to `next_available_tip` itself. */
  nextAvailableTipIn(
    tipRackIds: readonly string[],
    startingTip: { labwareId: string; wellName: string } | null,
    channels: number,
  ): { labwareId: string; wellName: string } | null {
    return nextAvailableTipIn(this.s, tipRackIds, startingTip, channels);
  }

  /** `ctx.location_cache` as plain data (null when empty). */
  locationCache(): LocationArg | null {
    return locationCache(this.s);
  }

  /** `ctx.location_cache = loc`: no mount is known, so from 2.10 no pipette plans from it. */
  setLocationCache(loc: LocationArg | null): void {
    this.runTrusted({ commandType: 'labwright/setLocationCache', params: { location: loc } });
  }

  /**
   * `ctx.max_speeds` after a change: the whole mapping (axes `X`, `Y`, `Z` = left mount, `A` =
   * right mount, mm/s). Only the modeled clock sees it; values must be > 0.
   */
  setMaxSpeeds(speeds: Readonly<Partial<Record<string, number>>>): void {
    this.runTrusted({ commandType: 'labwright/setMaxSpeeds', params: { speeds } });
  }

  get maxSpeedLimits(): Readonly<Partial<Record<MaxSpeedAxis, number>>> {
    return maxSpeedLimits(this.s);
  }

  aspirate(pipetteId: string, volume: number | null = null, location: AnyLocationArg | null = null, rate = 1): void {
    this.runTrusted({ commandType: 'aspirate', params: { pipetteId, volume, location, rate } });
  }

  dispense(pipetteId: string, volume: number | null = null, location: AnyLocationArg | null = null, rate = 1): void {
    this.runTrusted({ commandType: 'dispense', params: { pipetteId, volume, location, rate } });
  }

  mix(pipetteId: string, repetitions: PyNum = 1, volume: number | null = null, location: AnyLocationArg | null = null, rate = 1): void {
    this.runTrusted({ commandType: 'labwright/mix', params: { pipetteId, repetitions, volume, location, rate } });
  }

  blowOut(pipetteId: string, location: AnyLocationArg | null = null): void {
    this.runTrusted({ commandType: 'blowout', params: { pipetteId, location } });
  }

  touchTip(
    pipetteId: string,
    location: AnyLocationArg | null = null,
    radius = 1.0,
    vOffset = -1.0,
    speed = 60.0,
  ): void {
    this.runTrusted({ commandType: 'touchTip', params: { pipetteId, location, radius, vOffset, speed } });
  }

  airGap(pipetteId: string, volume: number | null = null, height: number | null = null): void {
    this.runTrusted({ commandType: 'labwright/airGap', params: { pipetteId, volume, height } });
  }

  moveTo(
    pipetteId: string,
    location: AnyLocationArg,
    opts: { forceDirect?: boolean; minimumZHeight?: number | null; speed?: number | null; publish?: boolean } = {},
  ): void {
    this.runTrusted({ commandType: 'labwright/moveTo', params: { pipetteId, location, ...opts } });
  }

  pickUpTip(pipetteId: string, location: AnyLocationArg | null = null, presses: number | null = null, increment: number | null = null): void {
    this.runTrusted({ commandType: 'pickUpTip', params: { pipetteId, location, presses, increment } });
  }

  dropTip(pipetteId: string, location: AnyLocationArg | null = null, homeAfter = true): void {
    this.runTrusted({ commandType: 'dropTip', params: { pipetteId, location, homeAfter } });
  }

  returnTip(pipetteId: string, homeAfter = true): void {
    this.runTrusted({ commandType: 'labwright/returnTip', params: { pipetteId, homeAfter } });
  }

  /** `pipette.home()`: logged, homes this mount's Z and plunger. */
  homePipette(pipetteId: string): void {
    this.runTrusted({ commandType: 'labwright/homePipette', params: { pipetteId } });
  }

  /** `pipette.home_plunger()`: not logged. */
  homePlunger(pipetteId: string): void {
    this.runTrusted({ commandType: 'labwright/homePipette', params: { pipetteId, plungerOnly: true } });
  }

  /** `ctx.comment(msg)`; `msg` is the already-formatted text (the caller applies Python's `str.format`). */
  comment(msg: string): void {
    this.runTrusted({ commandType: 'comment', params: { message: msg } });
  }

  pause(msg: string | null = null): void {
    this.runTrusted({ commandType: 'waitForResume', params: { message: msg } });
  }

  resume(): void {
    this.runTrusted({ commandType: 'labwright/resume', params: {} });
  }

  delay(seconds = 0, minutes = 0, msg: string | null = null): void {
    this.runTrusted({ commandType: 'waitForDuration', params: { seconds, minutes, message: msg } });
  }

  /** `ctx.home()`: not logged; clears the location cache. */
  home(): void {
    this.runTrusted({ commandType: 'home', params: {} });
  }

  loadModule(moduleName: string, location: DeckLocation | null = null, configuration: string | null = null): ModuleInfo {
    return this.runTrusted({ commandType: 'loadModule', params: { model: moduleName, location: location === null ? null : { slotName: location }, configuration } }) as ModuleInfo;
  }

  moduleInfo(moduleId: string): ModuleInfo {
    return moduleInfo(this.s, moduleId);
  }

  /** The labware on a module, or null. */
  moduleLabware(moduleId: string): string | null {
    return moduleLabware(this.s, moduleId);
  }

  /** `ctx.loaded_modules`: in load order. */
  loadedModules(): { slot: number; moduleId: string }[] {
    return loadedModules(this.s);
  }

  moduleState(moduleId: string): ModuleState {
    return moduleState(this.s, moduleId);
  }

  /** Temperature module `set_temperature` (blocking) or `start_set_temperature` (`wait=false`, 2.3). */
  temperatureSetTemperature(moduleId: string, celsius: number, wait = true): void {
    this.runTrusted({ commandType: 'temperatureModule/setTargetTemperature', params: { moduleId, celsius, wait } });
  }

  temperatureAwait(moduleId: string, celsius: number): void {
    this.runTrusted({ commandType: 'temperatureModule/waitForTemperature', params: { moduleId, celsius } });
  }

  temperatureDeactivate(moduleId: string): void {
    this.runTrusted({ commandType: 'temperatureModule/deactivate', params: { moduleId } });
  }

  /** Magnetic module `engage(height, offset, height_from_base)` (spec §9.4). */
  magneticEngage(moduleId: string, opts: { height?: number | null; offset?: number | null; heightFromBase?: number | null } = {}): void {
    this.runTrusted({ commandType: 'magneticModule/engage', params: { moduleId, ...opts } });
  }

  magneticDisengage(moduleId: string): void {
    this.runTrusted({ commandType: 'magneticModule/disengage', params: { moduleId } });
  }

  magneticCalibrate(moduleId: string): void {
    this.runTrusted({ commandType: 'labwright/calibrateMagneticModule', params: { moduleId } });
  }

  thermocyclerOpenLid(moduleId: string): 'open' {
    return this.runTrusted({ commandType: 'thermocycler/openLid', params: { moduleId } }) as 'open';
  }

  thermocyclerCloseLid(moduleId: string): 'closed' {
    return this.runTrusted({ commandType: 'thermocycler/closeLid', params: { moduleId } }) as 'closed';
  }

  /**
   * `set_block_temperature(t, hold_time_seconds, hold_time_minutes, ramp_rate, block_max_volume)`.
   * Hold times are PyNums because their Python types show in the text.
   */
  thermocyclerSetBlockTemperature(
    moduleId: string,
    temperature: number,
    holdTimeSeconds: PyNum | null = null,
    holdTimeMinutes: PyNum | null = null,
    rampRate: number | null = null,
  ): void {
    this.runTrusted({ commandType: 'thermocycler/setTargetBlockTemperature', params: { moduleId, celsius: temperature, holdTimeSeconds, holdTimeMinutes, rampRate } });
  }

  thermocyclerSetLidTemperature(moduleId: string, temperature: number): void {
    this.runTrusted({ commandType: 'thermocycler/setTargetLidTemperature', params: { moduleId, celsius: temperature } });
  }

  /**
   * `execute_profile(steps, repetitions, block_max_volume)`. `stepsRepr` is Python's `str(steps)`
   * when the caller has it (the Python layer); otherwise it is built from `steps`.
   */
  thermocyclerExecuteProfile(moduleId: string, steps: readonly ProfileStep[], repetitions: PyNum, stepsRepr: string | null = null): void {
    this.runTrusted({ commandType: 'thermocycler/runProfile', params: { moduleId, profile: steps, repetitions, stepsText: stepsRepr } });
  }

  thermocyclerDeactivateLid(moduleId: string): void {
    this.runTrusted({ commandType: 'thermocycler/deactivateLid', params: { moduleId } });
  }

  thermocyclerDeactivateBlock(moduleId: string): void {
    this.runTrusted({ commandType: 'thermocycler/deactivateBlock', params: { moduleId } });
  }

  thermocyclerDeactivate(moduleId: string): void {
    this.runTrusted({ commandType: 'labwright/deactivateThermocycler', params: { moduleId } });
  }

  /** Required equipment in the original's shape (http-api.md §2.1). */
  requiredEquipment(): RequiredEquipment {
    return requiredEquipment(this.s);
  }

  /** Custom labware loaded so far and where each came from. */
  customLabwareUses(): CustomLabwareUse[] {
    return this.s.customLabwareUses.map((u) => ({ ...u, requested: { ...u.requested } }));
  }

  /** Records a custom labware loaded from a definition the caller found (JSON protocols). */
  noteCustomLabware(use: CustomLabwareUse): void {
    noteCustomLabware(this.s, use);
  }

  liquidHistory(): WellLiquidHistory[] {
    return this.s.ledger.history();
  }

  liquidSummary(): WellLiquidSummary[] {
    return liquidSummary(this.s);
  }

  /** Everything an analysis takes from the engine at the end of an execution (equipment only if it succeeded). */
  /** JSON v6–8: the equipment and liquids as robot-server 7 reports them (see protocol-engine.ts). */
  engineEquipment(): EngineEquipment {
    return engineEquipment(this.s);
  }

  outcome(succeeded: boolean): ExecutionOutcome {
    return {
      runLog: [...this.s.log.entries],
      requiredEquipment: succeeded ? this.requiredEquipment() : { pipettes: [], labware: [], modules: [] },
      warnings: [...this.s.ledger.warnings],
      liquids: this.liquidSummary(),
      liquidHistory: this.liquidHistory(),
      estimatedDurationSeconds: this.s.log.clock,
      customLabware: this.customLabwareUses(),
      commands: reportCommands(this.history.records()),
    };
  }
}

export { ProtocolApiError };

/** A failure as data: the Python class a protocol could catch and its message. */
function errorData(error: unknown): CommandError {
  if (error instanceof ProtocolApiError) {
    const data: CommandError = { errorType: error.pyType, detail: error.message };
    if (error.errorCode !== null) data.errorCode = error.errorCode;
    if (error.info !== null) data.errorInfo = error.info;
    return data;
  }
  return { errorType: 'RuntimeError', detail: `internal error: ${error instanceof Error ? error.message : String(error)}` };
}

/**
 * For params of two forms (a union), the field of the form they come closest to (fewest errors;
 * a tie goes to the later, 4.x form), rather than the union's own "Expected union value".
 */
function firstParamsError(schema: TSchema, params: unknown, first: ValueError | undefined): ValueError | undefined {
  const forms = (schema as TSchema & { anyOf?: TSchema[] }).anyOf;
  if (forms === undefined) return first;
  let best: ValueError[] | null = null;
  for (const form of forms) {
    const errors = [...Value.Errors(form, params)];
    if (best === null || errors.length <= best.length) best = errors;
  }
  return best?.[0] ?? first;
}

/** Params that do not match the command's schema: an adapter's mistake, named by the field. */
function paramsError(commandType: string, first: ValueError | undefined): ProtocolApiError {
  const where = first === undefined || first.path === '' ? 'params' : `params${first.path.replace(/\//g, '.')}`;
  return new ProtocolApiError('TypeError', `${commandType}: ${where}: ${first?.message ?? 'invalid'}`);
}
