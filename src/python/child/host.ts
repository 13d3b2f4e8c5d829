// The engine side of the Python bridge: one function taking and returning JSON text. Python sends
// `{op, args, line}`; the host calls the engine and answers `{result}` or `{error: {type, message}}`
// with the Python exception class name. After every call that logged something it reports the new
// run-log entries as one step (and, in a live run, blocks there until the parent says go on).
import type { ExecutionOutcome, RunLogEntry } from '../../shared/index.ts';
import { EMPTY_OUTCOME } from '../../analysis/index.ts';
import { ProtocolEngine, ProtocolApiError } from '../../engine/index.ts';
import type { AnyLocationArg, DeckLocation, LabwareDefinition, LabwareInfo, LocationArg, ProfileStep, PyNum } from '../../engine/index.ts';
import { sharedDefinitions, STANDARD_LOAD_NAMES } from '../../definitions/index.ts';

export interface HostOptions {
  mode: 'analyze' | 'run';
  customLabware: Record<string, unknown>[];
  labwareLibrary: Record<string, unknown>[];
  onStep: ((entries: readonly RunLogEntry[]) => void) | null;
  /** Live runs: sleep by asking the parent (the time is waiting, not computing). */
  onWait: ((seconds: number) => void) | null;
  onParsed: (rawMetadata: Record<string, string>, apiLevel: string) => void;
}

export type HostOutcome = ExecutionOutcome;

export interface Host {
  call(request: string): string;
  finish(ok: boolean): HostOutcome;
}

interface Request {
  op: string;
  args: Record<string, unknown>;
  line: number | null;
}

type Args = Record<string, unknown>;

/** A Python number sent as PyNum, as the plain JS number (volumes, rates, temperatures). */
function num(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'object' && 'float' in (value as object)) return Number((value as { float: number }).float);
  return Number(value);
}

function pyNum(value: unknown): PyNum | null {
  if (value === null || value === undefined) return null;
  return value as PyNum;
}

function str(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function loc(value: unknown): AnyLocationArg | null {
  return (value ?? null) as AnyLocationArg | null;
}

const RATE_KEYS: Record<string, 'aspirate' | 'dispense' | 'blowOut'> = {
  aspirate: 'aspirate',
  dispense: 'dispense',
  blow_out: 'blowOut',
};

export class EngineHost implements Host {
  private engine: ProtocolEngine | null = null;
  private readonly ops: Record<string, (e: ProtocolEngine, a: Args) => unknown>;

  constructor(private readonly options: HostOptions) {
    this.ops = buildOps(options);
  }

  private start(apiLevel: string): void {
    this.engine = new ProtocolEngine({
      apiLevel,
      definitions: sharedDefinitions(),
      customLabware: this.options.customLabware as unknown as LabwareDefinition[],
      labwareLibrary: this.options.labwareLibrary as unknown as LabwareDefinition[],
      isSimulating: this.options.mode !== 'run',
    });
  }

  call(requestJson: string): string {
    const request = JSON.parse(requestJson) as Request;
    try {
      if (request.op === 'parsed') {
        const apiLevel = String(request.args.apiLevel);
        this.options.onParsed(request.args.metadata as Record<string, string>, apiLevel);
        try {
          this.start(apiLevel);
        } catch {
          // Levels above 2.11: the Python runner reports the original's RuntimeError itself.
        }
        return JSON.stringify({ result: null });
      }
      const engine = this.engine;
      if (engine === null) throw new Error('the engine is not started');
      const op = this.ops[request.op];
      if (op === undefined) throw new Error(`unknown bridge operation ${request.op}`);
      engine.setSourceLine(request.line);
      const before = engine.entryCount;
      let result: unknown;
      try {
        result = op(engine, request.args);
      } finally {
        engine.setSourceLine(null);
      }
      if (this.options.onStep && engine.entryCount > before) this.options.onStep(engine.runLog.slice(before));
      return JSON.stringify({ result: result ?? null });
    } catch (error) {
      if (error instanceof ProtocolApiError) {
        return JSON.stringify({ error: { type: error.pyType, message: error.message } });
      }
      const message = error instanceof Error ? error.message : String(error);
      return JSON.stringify({ error: { type: 'RuntimeError', message: `internal error: ${message}` } });
    }
  }

  finish(ok: boolean): HostOutcome {
    return this.engine === null ? EMPTY_OUTCOME : this.engine.outcome(ok);
  }
}

export function createHost(options: HostOptions): Host {
  return new EngineHost(options);
}

// `time.sleep` in Pyodide spins the CPU. In an analysis the interpreter thread blocks on a word
// nobody changes (no CPU burnt; the time counts towards the limit, so an analysis always ends);
// in a live run the parent does the waiting, like a step, and the time is not compute time.
const sleepWord = new Int32Array(new SharedArrayBuffer(4));
function sleepFor(seconds: number | null, onWait: ((seconds: number) => void) | null): null {
  if (seconds === null || !(seconds > 0)) return null;
  if (onWait) onWait(seconds);
  else Atomics.wait(sleepWord, 0, 0, seconds * 1000);
  return null;
}

/**
 * A labware answer without its definition: the definition (wells included) is as large as the
 * rest together and few protocols read it (`labware._definition`, fetched on demand).
 */
function withoutDefinition(info: LabwareInfo): Omit<LabwareInfo, 'definition'> {
  const { definition: _definition, ...rest } = info;
  return rest;
}

function buildOps(options: HostOptions): Record<string, (e: ProtocolEngine, a: Args) => unknown> {
  const pid = (a: Args): string => String(a.pipetteId);
  const mid = (a: Args): string => String(a.moduleId);
  const lid = (a: Args): string => String(a.labwareId);
  return {
    home: (e) => e.home(),
    sleep: (_e, a) => sleepFor(num(a.seconds), a.counted === true ? null : options.onWait),
    is_simulating: () => options.mode !== 'run',
    // protocol context
    load_labware: (e, a) =>
      withoutDefinition(
        e.loadLabware(String(a.loadName), a.location as DeckLocation, str(a.label), str(a.namespace), num(a.version)),
      ),
    load_labware_from_definition: (e, a) =>
      withoutDefinition(e.loadLabwareFromDefinition(a.definition as LabwareDefinition, a.location as DeckLocation, str(a.label))),
    labware_info: (e, a) => withoutDefinition(e.labwareInfo(lid(a))),
    labware_definition: (e, a) => e.labwareInfo(lid(a)).definition,
    load_instrument: (e, a) =>
      e.loadInstrument(String(a.name), String(a.mount), (a.tipRackIds as string[] | null) ?? null, Boolean(a.replace)),
    load_module: (e, a) => e.loadModule(String(a.name), (a.location ?? null) as DeckLocation | null, str(a.configuration)),
    loaded_labwares: (e) => e.loadedLabwares(),
    loaded_instruments: (e) => e.loadedInstruments(),
    loaded_modules: (e) => e.loadedModules(),
    pipette_info: (e, a) => e.pipetteInfo(pid(a)),
    module_info: (e, a) => e.moduleInfo(mid(a)),
    comment: (e, a) => e.comment(String(a.text)),
    pause: (e, a) => e.pause(str(a.msg)),
    resume: (e) => e.resume(),
    delay: (e, a) => e.delay(num(a.seconds) ?? 0, num(a.minutes) ?? 0, str(a.msg)),
    set_rail_lights: (e, a) => e.setRailLights(Boolean(a.on)),
    rail_lights_on: (e) => e.railLightsOn,
    deck_item: (e, a) => e.deckItem(a.slot as DeckLocation),
    clear_slot: (e, a) => e.clearSlot(a.slot as DeckLocation),
    slot_position: (e, a) => e.slotPosition(a.slot as DeckLocation),
    highest_z: (e) => e.highestZ,
    fixed_trash: (e) => e.fixedTrash(),
    location_cache: (e) => e.locationCache(),
    set_location_cache: (e, a) => e.setLocationCache((a.location ?? null) as LocationArg | null),
    set_max_speeds: (e, a) => e.setMaxSpeeds(a.speeds as Record<string, number>),
    require_version: (e, a) => e.requireVersion(String(a.name), Number(a.major), Number(a.minor)),
    commands: (e) => e.runLog.map((entry) => entry.text),
    get_labware_definition: (e, a) => {
      const found = sharedDefinitions().findLabware(
        String(a.loadName).toLowerCase(),
        str(a.namespace),
        num(a.version),
        options.customLabware as unknown as LabwareDefinition[],
        options.labwareLibrary as unknown as LabwareDefinition[],
      );
      if (!found.ok) throw new ProtocolApiError(found.error.type, found.error.message);
      return found.definition;
    },
    all_labware_load_names: () => [...STANDARD_LOAD_NAMES],
    // labware and tips
    well_has_tip: (e, a) => e.wellHasTip(lid(a), String(a.wellName)),
    set_well_has_tip: (e, a) => e.setWellHasTip(lid(a), String(a.wellName), Boolean(a.value)),
    next_tip: (e, a) => e.labwareNextTip(lid(a), Number(a.numTips ?? 1), str(a.startingTip)),
    use_tips: (e, a) => e.labwareUseTips(lid(a), String(a.wellName), Number(a.numChannels ?? 1)),
    return_tips: (e, a) => e.labwareReturnTips(lid(a), String(a.wellName), Number(a.numChannels ?? 1)),
    previous_tip: (e, a) => e.labwarePreviousTip(lid(a), Number(a.numTips ?? 1)),
    reset_labware: (e, a) => e.labwareReset(lid(a)),
    set_tip_length: (e, a) => {
      e.setTipLength(lid(a), num(a.length) ?? 0);
      return null;
    },
    next_available_tip: (e, a) => {
      const racks = (a.tipRackIds as string[]) ?? [];
      const start = a.startingTip as { labwareId: string; wellName: string } | null;
      let index = 0;
      if (start) {
        index = racks.indexOf(start.labwareId);
        if (index < 0) return null;
      }
      for (let i = index; i < racks.length; i++) {
        const well = e.labwareNextTip(racks[i], Number(a.channels ?? 1), start && i === index ? start.wellName : null);
        if (well !== null) return { labwareId: racks[i], wellName: well };
      }
      return null;
    },
    // pipettes
    pipette_state: (e, a) => e.pipetteState(pid(a)),
    hw_pipette: (e, a) => hwPipette(e, pid(a)),
    pipette_hw_config: (e, a) => e.pipetteHardwareConfig(pid(a)),
    set_flow_rate: (e, a) => e.setFlowRate(pid(a), { [RATE_KEYS[String(a.action)]]: num(a.value) }),
    set_speed: (e, a) => e.setPlungerSpeed(pid(a), { [RATE_KEYS[String(a.action)]]: num(a.value) }),
    set_well_bottom_clearance: (e, a) => e.setWellBottomClearance(pid(a), { [String(a.action)]: num(a.value) }),
    set_default_speed: (e, a) => e.setDefaultSpeed(pid(a), num(a.value) ?? 400),
    set_tip_racks: (e, a) => e.setTipRacks(pid(a), (a.tipRackIds as string[]) ?? []),
    set_trash: (e, a) => e.setTrashContainer(pid(a), lid(a)),
    set_starting_tip: (e, a) => e.setStartingTip(pid(a), (a.tip ?? null) as { labwareId: string; wellName: string } | null),
    reset_tipracks: (e, a) => e.resetTipracks(pid(a)),
    aspirate: (e, a) => e.aspirate(pid(a), num(a.volume), loc(a.location), num(a.rate) ?? 1),
    dispense: (e, a) => e.dispense(pid(a), num(a.volume), loc(a.location), num(a.rate) ?? 1),
    mix: (e, a) => e.mix(pid(a), pyNum(a.repetitions) ?? 1, num(a.volume), loc(a.location), num(a.rate) ?? 1),
    blow_out: (e, a) => e.blowOut(pid(a), loc(a.location)),
    touch_tip: (e, a) =>
      e.touchTip(pid(a), loc(a.location), num(a.radius) ?? 1, num(a.vOffset) ?? -1, num(a.speed) ?? 60),
    air_gap: (e, a) => e.airGap(pid(a), num(a.volume), num(a.height)),
    pick_up_tip: (e, a) => e.pickUpTip(pid(a), loc(a.location), num(a.presses), num(a.increment)),
    drop_tip: (e, a) => e.dropTip(pid(a), loc(a.location), a.homeAfter !== false),
    return_tip: (e, a) => e.returnTip(pid(a), a.homeAfter !== false),
    home_pipette: (e, a) => e.homePipette(pid(a)),
    move_to: (e, a) =>
      e.moveTo(pid(a), a.location as AnyLocationArg, {
        forceDirect: Boolean(a.forceDirect),
        minimumZHeight: num(a.minimumZHeight),
        speed: num(a.speed),
        publish: a.publish !== false,
      }),
    complex: (e, a) =>
      e.run({
        commandType: 'labwright/transfer',
        params: { pipetteId: pid(a), mode: a.mode, volume: a.volume, source: a.source, dest: a.dest, options: a.options ?? {} },
      }),
    // modules
    module_load_labware: (e, a) =>
      withoutDefinition(
        a.definition
          ? e.moduleLoadLabwareFromDefinition(mid(a), a.definition as LabwareDefinition, str(a.label))
          : e.moduleLoadLabware(mid(a), String(a.loadName), str(a.label), str(a.namespace), num(a.version)),
      ),
    module_load_labware_object: (e, a) => withoutDefinition(e.moduleLoadLabwareObject(mid(a), lid(a))),
    module_state: (e, a) => e.moduleState(mid(a)),
    temperature_set: (e, a) => e.temperatureSetTemperature(mid(a), num(a.celsius) ?? 0, a.wait !== false),
    temperature_await: (e, a) => e.temperatureAwait(mid(a), num(a.celsius) ?? 0),
    temperature_deactivate: (e, a) => e.temperatureDeactivate(mid(a)),
    magnetic_engage: (e, a) =>
      e.magneticEngage(mid(a), { height: num(a.height), offset: num(a.offset), heightFromBase: num(a.heightFromBase) }),
    magnetic_disengage: (e, a) => e.magneticDisengage(mid(a)),
    magnetic_calibrate: (e, a) => e.magneticCalibrate(mid(a)),
    thermocycler_open_lid: (e, a) => e.thermocyclerOpenLid(mid(a)),
    thermocycler_close_lid: (e, a) => e.thermocyclerCloseLid(mid(a)),
    thermocycler_set_block_temperature: (e, a) =>
      e.thermocyclerSetBlockTemperature(mid(a), num(a.temperature) ?? 0, pyNum(a.holdTimeSeconds), pyNum(a.holdTimeMinutes), num(a.rampRate)),
    thermocycler_set_lid_temperature: (e, a) => e.thermocyclerSetLidTemperature(mid(a), num(a.temperature) ?? 0),
    thermocycler_execute_profile: (e, a) =>
      e.thermocyclerExecuteProfile(mid(a), (a.steps as ProfileStep[]).map(plainStep), a.repetitions as PyNum, str(a.stepsText)),
    thermocycler_deactivate_lid: (e, a) => e.thermocyclerDeactivateLid(mid(a)),
    thermocycler_deactivate_block: (e, a) => e.thermocyclerDeactivateBlock(mid(a)),
    thermocycler_deactivate: (e, a) => e.thermocyclerDeactivate(mid(a)),
  };
}

function plainStep(step: ProfileStep): ProfileStep {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(step)) {
    const n = num(value);
    if (n !== null) out[key] = n;
  }
  return out as ProfileStep;
}

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
  };
}
