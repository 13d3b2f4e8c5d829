// What the Python package may read from the engine: named views over ProtocolEngine's read-only
// methods, each with a TypeBox schema of its args. Nothing here changes the run's state; every
// change is an engine command (`engine.execute`), so there is one vocabulary of state changes.
import { Type } from '@sinclair/typebox';
import type { Static, TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { TypeCheck } from '@sinclair/typebox/compiler';
import { ADDED_IN_2_15_NAMES, DeckSlot, Id, MEMBERS, Maybe, ProtocolApiError, PyNumber, REMOVED, WellRef, delayPayload, pausePayload, plain } from '../../engine/index.ts';
import type { AddedIn215, LabwareInfo, MemberName, ProtocolEngine, RemovedName } from '../../engine/index.ts';

interface ViewDefinition<TArgs extends TSchema> {
  readonly args: TArgs;
  read(engine: ProtocolEngine, args: Static<TArgs>): unknown;
}

function defineView<TArgs extends TSchema>(definition: ViewDefinition<TArgs>): ViewDefinition<TArgs> {
  return definition;
}

const None = Type.Object({});
const OfLabware = Type.Object({ labwareId: Id });
const OfPipette = Type.Object({ pipetteId: Id });
const OfModule = Type.Object({ moduleId: Id });
const OfSlot = Type.Object({ slotName: DeckSlot });

/**
 * A labware answer without its definition: the definition (wells included) is as large as the
 * rest together and few protocols read it (`labware._definition`, fetched on demand).
 */
function withoutDefinition(info: LabwareInfo): Omit<LabwareInfo, 'definition'> {
  const { definition: _definition, ...rest } = info;
  return rest;
}

/** A command's answer to Python: a labware (loadLabware and the like) without its definition. */
export function commandAnswer(result: unknown): unknown {
  if (typeof result === 'object' && result !== null && 'labwareId' in result && 'definition' in result) {
    return withoutDefinition(result as LabwareInfo);
  }
  return result;
}

/** `hardware._attached_instruments[mount]`'s attributes, named as the hardware names them. */
function hwPipette(e: ProtocolEngine, pipetteId: string): Record<string, unknown> {
  const info = e.pipetteInfo(pipetteId);
  const state = e.pipetteState(pipetteId);
  return {
    name: info.name,
    model: info.model,
    pipette_id: null,
    display_name: info.displayName,
    min_volume: info.minVolume,
    max_volume: info.maxVolume,
    channels: info.channels,
    current_volume: state.currentVolume,
    available_volume: state.availableVolume,
    working_volume: state.workingVolume,
    has_tip: state.hasTip,
    tip_length: state.tipLength,
    return_tip_height: info.returnTipHeight,
    aspirate_flow_rate: state.flowRate.aspirate,
    dispense_flow_rate: state.flowRate.dispense,
    blow_out_flow_rate: state.flowRate.blowOut,
    aspirate_speed: state.speed.aspirate,
    dispense_speed: state.speed.dispense,
    blow_out_speed: state.speed.blowOut,
    ready_to_aspirate: state.readyToAspirate,
    ...(e.has('release7') ? e.hwPipetteRelease7Keys(pipetteId) : {}),
  };
}

/** Every view by name. Labware answers leave the definition out (see `withoutDefinition`). */
export const VIEWS = {
  labwareInfo: defineView({ args: OfLabware, read: (e, a) => withoutDefinition(e.labwareInfo(a.labwareId)) }),
  labwareDefinition: defineView({ args: OfLabware, read: (e, a) => e.labwareInfo(a.labwareId).definition }),
  labwareTipLength: defineView({ args: OfLabware, read: (e, a) => e.labwareTipLength(a.labwareId) }),
  /** Where a labware stands (`{slotName}`, `{moduleId}`, `{labwareId}`, `'offDeck'`), its child's id, whether it is an adapter. */
  labwarePlace: defineView({ args: OfLabware, read: (e, a) => e.labwarePlace(a.labwareId) }),
  /** Raises the error of a load whose definition has the wrong role (after the load, as 7.5.0 checks it). */
  checkLabwareRole: defineView({
    args: Type.Object({ labwareId: Id, role: Type.Union([Type.Literal('adapter'), Type.Literal('labware')]) }),
    read: (e, a) => e.checkLabwareRole(a.labwareId, a.role),
  }),
  /** Raises APIVersionError for `OFF_DECK`, `adapter=` or `push_out=` below 2.15. */
  requireLabwareMovement: defineView({
    args: Type.Object({ what: Type.Union(ADDED_IN_2_15_NAMES.map((name) => Type.Literal(name as AddedIn215))) }),
    read: (e, a) => e.requireLabwareMovement(a.what),
  }),
  loadedLabwares: defineView({ args: None, read: (e) => e.loadedLabwares() }),
  loadedModules: defineView({ args: None, read: (e) => e.loadedModules() }),
  fixedTrash: defineView({ args: None, read: (e) => e.fixedTrash() }),
  deckItem: defineView({ args: OfSlot, read: (e, a) => e.deckItem(a.slotName) }),
  slotPosition: defineView({ args: OfSlot, read: (e, a) => e.slotPosition(a.slotName) }),
  slotCenter: defineView({ args: OfSlot, read: (e, a) => e.slotCenter(a.slotName) }),
  highestZ: defineView({ args: None, read: (e) => e.highestZ }),
  railLightsOn: defineView({ args: None, read: (e) => e.railLightsOn }),
  locationCache: defineView({ args: None, read: (e) => e.locationCache() }),
  /** Raises the engine's APIVersionError when the protocol's level is below the member's. */
  requireMember: defineView({
    args: Type.Object({
      member: Type.Union(Object.keys(MEMBERS).map((name) => Type.Literal(name as MemberName))),
      /** The calling object's own level, when it is not the protocol's (7.5.0's Labware and Well). */
      level: Type.Optional(Type.Tuple([Type.Integer(), Type.Integer()])),
    }),
    read: (e, a) => e.requireMember(a.member, a.level),
  }),
  /** Raises `prepare_to_aspirate()`'s refusal while the tip holds liquid (2.16). */
  checkPrepareToAspirate: defineView({ args: Type.Object({ pipetteId: Type.String() }), read: (e, a) => e.checkPrepareToAspirate(a.pipetteId) }),
  /** Raises the OT-2's refusal of a Flex fixture (`load_trash_bin`, `load_waste_chute`, 2.16). */
  refuseFlexOnly: defineView({
    args: Type.Object({ feature: Type.Union([Type.Literal('load_trash_bin'), Type.Literal('load_waste_chute')]) }),
    read: (e, a) => e.refuseFlexOnly(a.feature),
  }),
  /** Raises the engine's APIVersionError for a member the protocol's level removed (from 2.14). */
  refuseRemoved: defineView({
    args: Type.Object({ member: Type.Union(Object.keys(REMOVED).map((name) => Type.Literal(name as RemovedName))) }),
    read: (e, a) => e.refuseRemoved(a.member),
  }),
  /**
   * The text a pause or delay would log with this message and what the original formats its
   * message with (see `delayPayload`): Python applies its own `str.format` to a message with braces.
   */
  pausePayload: defineView({
    args: Type.Object({ message: Type.String() }),
    read: (_e, a) => pausePayload(a.message),
  }),
  delayPayload: defineView({
    args: Type.Object({ seconds: Maybe(PyNumber), minutes: Maybe(PyNumber), message: Type.String() }),
    read: (_e, a) => delayPayload(plain(a.seconds) ?? 0, plain(a.minutes) ?? 0, a.message),
  }),
  /** `ctx.commands()`: the run log's texts. */
  runLogTexts: defineView({ args: None, read: (e) => e.runLog.map((entry) => entry.text) }),
  wellHasTip: defineView({
    args: Type.Object({ labwareId: Id, wellName: Type.String() }),
    read: (e, a) => e.wellHasTip(a.labwareId, a.wellName),
  }),
  labwareNextTip: defineView({
    args: Type.Object({ labwareId: Id, numTips: PyNumber, startingWell: Type.Union([Type.String(), Type.Null()]) }),
    read: (e, a) => e.labwareNextTip(a.labwareId, plain(a.numTips) ?? 1, a.startingWell),
  }),
  labwarePreviousTip: defineView({
    args: Type.Object({ labwareId: Id, numTips: PyNumber }),
    read: (e, a) => e.labwarePreviousTip(a.labwareId, plain(a.numTips) ?? 1),
  }),
  nextAvailableTip: defineView({
    args: Type.Object({ tipRackIds: Type.Array(Id), startingTip: Type.Union([WellRef, Type.Null()]), channels: PyNumber }),
    read: (e, a) => e.nextAvailableTipIn(a.tipRackIds, a.startingTip, plain(a.channels) ?? 1),
  }),
  pipetteState: defineView({ args: OfPipette, read: (e, a) => e.pipetteState(a.pipetteId) }),
  hwPipette: defineView({ args: OfPipette, read: (e, a) => hwPipette(e, a.pipetteId) }),
  pipetteHardwareConfig: defineView({ args: OfPipette, read: (e, a) => e.pipetteHardwareConfig(a.pipetteId) }),
  moduleState: defineView({ args: OfModule, read: (e, a) => e.moduleState(a.moduleId) }),
  /** The id of the labware on a module now (adapters and manual moves included), or null. */
  moduleLabware: defineView({ args: OfModule, read: (e, a) => e.moduleLabware(a.moduleId) }),
} as const;

export type ViewName = keyof typeof VIEWS;

// Compiled when the child loads, before it reports ready (each child serves one job).
const checks = new Map<string, TypeCheck<TSchema>>(
  Object.entries(VIEWS).map(([name, view]) => [name, TypeCompiler.Compile(view.args as TSchema)]),
);

/** Reads one view; unknown names and args that miss the schema are the caller's TypeError. */
export function readView(engine: ProtocolEngine, name: string, args: Record<string, unknown>): unknown {
  if (!Object.hasOwn(VIEWS, name)) throw new ProtocolApiError('RuntimeError', `unknown view ${JSON.stringify(name)}`);
  const view = VIEWS[name as ViewName] as unknown as ViewDefinition<TSchema>;
  const check = checks.get(name) as TypeCheck<TSchema>;
  if (!check.Check(args)) {
    const first = check.Errors(args).First();
    const where = first === undefined || first.path === '' ? 'args' : `args${first.path.replace(/\//g, '.')}`;
    throw new ProtocolApiError('TypeError', `${name}: ${where}: ${first?.message ?? 'invalid'}`);
  }
  return view.read(engine, args);
}
