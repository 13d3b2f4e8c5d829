// Runs a validated JSON protocol (schemas 3–5) through the engine, command by command, the way
// 4.7.0's execute_json_v3/v4/v5 translate each command into Protocol API calls.
import type { RunLogEntry } from '../common/index.ts';
import { ProtocolApiError, ProtocolEngine, delayPayload, pausePayload, pyFloat, pyRepr, wellPoint } from '../engine/index.ts';
import type { AnyCommand, LabwareDefinition, LocationArg, Point, WellArg } from '../engine/index.ts';
import { sharedDefinitions } from '../definitions/index.ts';
import { FloatLiteral, pyJsonLoads } from './pyjson.ts';
import { pyFormat } from './pyformat.ts';
import type { JsonCommand, JsonProtocolDoc, SchemaVersion } from './validate.ts';

const TC_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['thermocycler/setTargetBlockTemperature', 'thermocycler/awaitBlockTemperature'],
  ['thermocycler/setTargetLidTemperature', 'thermocycler/awaitLidTemperature'],
  ['thermocycler/runProfile', 'thermocycler/awaitProfileComplete'],
];

function runtimeError(message: string): ProtocolApiError {
  return new ProtocolApiError('RuntimeError', message);
}

function keyErr(key: unknown): ProtocolApiError {
  return new ProtocolApiError('KeyError', typeof key === 'string' ? `'${key}'` : pyRepr(key));
}

function get<T>(map: ReadonlyMap<string, T>, key: unknown): T {
  const v = typeof key === 'string' ? map.get(key) : undefined;
  if (v === undefined) throw keyErr(key);
  return v;
}

function param(params: Record<string, unknown>, key: string): unknown {
  if (!(key in params)) throw keyErr(key);
  return params[key];
}

function num(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new ProtocolApiError('TypeError', `'>' not supported between instances of '${v === null ? 'NoneType' : typeof v === 'string' ? 'str' : 'dict'}' and 'int'`);
}

/** The v4/v5 pre-run check of thermocycler set/await pairs (json-protocols.md §3.4). */
function checkCommandList(commands: readonly JsonCommand[]): void {
  if (commands.length === 0) throw new ProtocolApiError('IndexError', 'list index out of range');
  const setters = new Map(TC_PAIRS);
  const awaiters = new Map(TC_PAIRS.map(([s, a]) => [a, s] as const));
  const first = commands[0].command;
  const last = commands[commands.length - 1].command;
  if (awaiters.has(first)) throw runtimeError(`Unsupported behavior. Cannot ${first} as the first command of a protocol`);
  if (setters.has(last)) throw runtimeError(`Unsupported behavior. Cannot ${last} as the last command of a protocol`);
  commands.forEach((c, i) => {
    const awaiter = setters.get(c.command);
    if (awaiter !== undefined && commands[i + 1]?.command !== awaiter) {
      throw runtimeError(`Unsupported behavior. ${c.command} must be immediatelyfollowed by ${awaiter}`);
    }
    const setter = awaiters.get(c.command);
    if (setter !== undefined && commands[i - 1]?.command !== setter) {
      throw runtimeError(`Unsupported behavior. ${c.command} must be immediately preceded by ${setter}`);
    }
    if (c.command === 'thermocycler/setTargetBlockTemperature' && 'volume' in c.params) {
      throw runtimeError(
        'thermocycler/setTargetBlockTemperature does not support volume param. This may be implemented in a later version of the robot server',
      );
    }
  });
}

interface LoadedLabware {
  id: string;
  depth: (well: string) => number;
  fixedTrash: boolean;
  wells: ReadonlyMap<string, { top: Point; depth: number }>;
}

/** A prepared run: loads done, then `runCommand(i)` for each command in order. */
export class JsonRun {
  readonly engine: ProtocolEngine;
  readonly commands: readonly JsonCommand[];
  private readonly pipettes = new Map<string, string>();
  private readonly labware = new Map<string, LoadedLabware>();
  private readonly modules = new Map<string, string>();
  private markedDoc: JsonProtocolDoc | null = null;

  constructor(
    private readonly doc: JsonProtocolDoc,
    private readonly schemaVersion: SchemaVersion,
    private readonly text: string,
    isSimulating: boolean,
    customLabware: readonly LabwareDefinition[] = [],
    private readonly labwareLibrary: readonly LabwareDefinition[] = [],
  ) {
    // A live run (not simulating) hands each command's hardware actions to the robot backend.
    const recordHardwareActions = !isSimulating;
    this.engine = new ProtocolEngine({ apiLevel: '2.8', definitions: sharedDefinitions(), customLabware, labwareLibrary, isSimulating, recordHardwareActions });
    this.commands = doc.commands;
  }

  /** Loads pipettes, modules and labware, then (v4/v5) checks the command list. */
  load(): void {
    const e = this.engine;
    for (const [id, p] of Object.entries(this.doc.pipettes)) {
      this.pipettes.set(id, e.loadInstrument(p.name, p.mount).pipetteId);
    }
    if (this.schemaVersion >= 4 && this.doc.modules) {
      const mods = Object.entries(this.doc.modules).sort(([, a], [, b]) => {
        const ka = a.slot + a.model;
        const kb = b.slot + b.model;
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      });
      for (const [id, m] of mods) {
        const info = m.slot === 'span7_8_10_11' ? e.loadModule(m.model) : e.loadModule(m.model, m.slot);
        this.modules.set(id, info.moduleId);
      }
    }
    for (const [id, l] of Object.entries(this.doc.labware)) {
      const def = this.definitionFor(l.definitionId);
      const label = l.displayName ?? null;
      const moduleId = this.schemaVersion >= 4 ? this.modules.get(l.slot) : undefined;
      const info =
        moduleId !== undefined ? e.moduleLoadLabwareFromDefinition(moduleId, def, label) : e.loadLabwareFromDefinition(def, l.slot, label);
      const wells = new Map(info.wells.map((w) => [w.name, { top: w.top, depth: w.depth }]));
      this.labware.set(id, {
        id: info.labwareId,
        depth: (name) => get(wells, name).depth,
        fixedTrash: info.quirks.includes('fixedTrash'),
        wells,
      });
    }
    if (this.schemaVersion >= 4) checkCommandList(this.commands);
  }

  /**
   * The protocol's own definition for a labware, or else the library's definition whose URI is
   * the definition id (Protocol Designer names definitions by URI, so a document may leave out
   * a definition the lab keeps in its library). Neither: the original's KeyError.
   */
  private definitionFor(definitionId: string): LabwareDefinition {
    const own = Object.hasOwn(this.doc.labwareDefinitions, definitionId)
      ? (this.doc.labwareDefinitions[definitionId] as LabwareDefinition)
      : undefined;
    const def = own ?? this.labwareLibrary.find((d) => `${d.namespace}/${d.parameters.loadName}/${d.version}` === definitionId);
    if (def === undefined) throw keyErr(definitionId);
    if (def.namespace !== 'opentrons') {
      this.engine.noteCustomLabware({
        uri: `${def.namespace}/${def.parameters.loadName}/${def.version}`,
        source: own === undefined ? 'library' : 'protocol',
        requested: own === undefined
          ? { loadName: def.parameters.loadName, namespace: def.namespace, version: def.version }
          : { loadName: def.parameters.loadName, namespace: null, version: null },
      });
    }
    return def;
  }

  private pipette(params: Record<string, unknown>): string {
    return get(this.pipettes, param(params, 'pipette'));
  }

  private well(params: Record<string, unknown>): { lw: LoadedLabware; well: string; arg: WellArg } {
    const lw = get(this.labware, param(params, 'labware'));
    const well = param(params, 'well');
    if (typeof well !== 'string' || !lw.wells.has(well)) throw keyErr(well);
    return { lw, well, arg: { kind: 'well', labwareId: lw.id, wellName: well } };
  }

  /** `well.bottom(offset)`, or `well.top()` for the fixed trash (offset ignored). */
  private offsetLocation(params: Record<string, unknown>): LocationArg {
    const { lw, well } = this.well(params);
    const w = get(lw.wells, well);
    const ref = { kind: 'well' as const, labwareId: lw.id, wellName: well };
    if (lw.fixedTrash) return { kind: 'location', point: w.top, ref };
    const offset = num(param(params, 'offsetFromBottomMm'));
    return { kind: 'location', point: wellPoint(w, 'bottom', { x: 0, y: 0, z: offset }), ref };
  }

  /** 4.7 sets all three flow rates to the command's `flowRate` before each liquid handling step. */
  private flowRate(pipetteId: string, params: Record<string, unknown>): AnyCommand {
    const rate = num(param(params, 'flowRate'));
    if (!(rate > 0)) throw runtimeError('Positive flowRate param required');
    return { commandType: 'labwright/setFlowRate', params: { pipetteId, aspirate: rate, dispense: rate, blowOut: rate } };
  }

  private module(params: Record<string, unknown>): string {
    return get(this.modules, param(params, 'module'));
  }

  /** Runs one command of the document: its engine commands, in order. */
  runCommand(index: number): void {
    for (const command of this.translate(index)) this.engine.run(command);
  }

  /**
   * The engine commands one document command stands for, as 4.7.0's execute_json_v3/v4/v5 call
   * the Protocol API. Lookups (pipette, labware, well, module) fail here, before anything runs.
   */
  translate(index: number): AnyCommand[] {
    const { command, params } = this.commands[index];
    switch (command) {
      case 'aspirate':
      case 'dispense': {
        const pipetteId = this.pipette(params);
        const location = this.offsetLocation(params);
        const volume = num(param(params, 'volume'));
        return [this.flowRate(pipetteId, params), { commandType: command, params: { pipetteId, volume, location } }];
      }
      case 'airGap': {
        if (this.schemaVersion === 3) throw runtimeError('Unsupported command type airGap');
        const pipetteId = this.pipette(params);
        const { lw, well } = this.well(params);
        const volume = num(param(params, 'volume'));
        const rate = this.flowRate(pipetteId, params);
        const w = get(lw.wells, well);
        const height = num(param(params, 'offsetFromBottomMm')) - w.depth;
        const location: LocationArg = { kind: 'location', point: wellPoint(w, 'top', { x: 0, y: 0, z: height }), ref: { kind: 'well', labwareId: lw.id, wellName: well } };
        return [
          rate,
          { commandType: 'labwright/moveTo', params: { pipetteId, location } },
          { commandType: 'labwright/airGap', params: { pipetteId, volume, height } },
        ];
      }
      case 'blowout': {
        const pipetteId = this.pipette(params);
        const { arg } = this.well(params);
        return [this.flowRate(pipetteId, params), { commandType: 'blowout', params: { pipetteId, location: arg } }];
      }
      case 'touchTip': {
        const pipetteId = this.pipette(params);
        const { lw, well, arg } = this.well(params);
        const vOffset = num(param(params, 'offsetFromBottomMm')) - lw.depth(well);
        return [{ commandType: 'touchTip', params: { pipetteId, location: arg, radius: 1.0, vOffset, speed: 60.0 } }];
      }
      case 'pickUpTip':
      case 'dropTip': {
        const pipetteId = this.pipette(params);
        return [{ commandType: command, params: { pipetteId, location: this.well(params).arg } }];
      }
      case 'moveToSlot': {
        const pipetteId = this.pipette(params);
        const slot = String(param(params, 'slot'));
        let corner: Point;
        try {
          corner = this.engine.slotPosition(slot);
        } catch {
          throw new ProtocolApiError('ValueError', `Invalid "slot" for "moveToSlot": ${slot}`);
        }
        const off = (params.offset ?? { x: 0, y: 0, z: 0 }) as Point;
        const location: LocationArg = { kind: 'location', point: { x: corner.x + off.x, y: corner.y + off.y, z: corner.z + off.z }, ref: { kind: 'slot', slot } };
        return [{ commandType: 'labwright/moveTo', params: { pipetteId, location, ...this.moveOptions(params) } }];
      }
      case 'moveToWell': {
        const pipetteId = this.pipette(params);
        const { lw, well } = this.well(params);
        const w = get(lw.wells, well);
        const off = (params.offset ?? { x: 0, y: 0, z: 0 }) as Point;
        const location: LocationArg = { kind: 'location', point: wellPoint(w, 'bottom', off), ref: { kind: 'well', labwareId: lw.id, wellName: well } };
        return [{ commandType: 'labwright/moveTo', params: { pipetteId, location, ...this.moveOptions(params) } }];
      }
      case 'delay': {
        const wait = param(params, 'wait');
        const message = typeof params.message === 'string' ? params.message : null;
        // The message is formatted with the original's payload (`str.format`), as its run log does.
        if (wait === true) {
          const msg = message || 'Pausing until user resumes';
          const payload = pausePayload(msg);
          return [{ commandType: 'waitForResume', params: { message: pyFormat(msg, { text: payload.text, userMessage: msg }) } }];
        }
        if (typeof wait === 'number') {
          let msg = message;
          if (msg) {
            const payload = delayPayload(wait, 0, msg);
            msg = pyFormat(msg, { text: payload.text, minutes: pyFloat(payload.minutes), seconds: pyFloat(payload.seconds) });
          }
          return [{ commandType: 'waitForDuration', params: { seconds: wait, minutes: 0, message: msg } }];
        }
        throw new ProtocolApiError('ValueError', 'Delay must be true, or a number');
      }
      case 'magneticModule/engageMagnet': {
        const moduleId = this.module(params);
        return [{ commandType: 'magneticModule/engage', params: { moduleId, heightFromBase: num(param(params, 'engageHeight')) } }];
      }
      case 'magneticModule/disengageMagnet':
        return [{ commandType: 'magneticModule/disengage', params: { moduleId: this.module(params) } }];
      case 'temperatureModule/setTargetTemperature':
        return [{ commandType: command, params: { moduleId: this.module(params), celsius: num(param(params, 'temperature')), wait: false } }];
      case 'temperatureModule/awaitTemperature':
        return [{ commandType: 'temperatureModule/waitForTemperature', params: { moduleId: this.module(params), celsius: num(param(params, 'temperature')) } }];
      case 'thermocycler/setTargetBlockTemperature':
      case 'thermocycler/setTargetLidTemperature':
        return [{ commandType: command, params: { moduleId: this.module(params), celsius: num(param(params, 'temperature')) } }];
      case 'thermocycler/awaitBlockTemperature':
      case 'thermocycler/awaitLidTemperature':
      case 'thermocycler/awaitProfileComplete':
        // 4.7's set-point commands already wait; the await commands only check the module.
        this.module(params);
        return [];
      case 'temperatureModule/deactivate':
      case 'thermocycler/openLid':
      case 'thermocycler/closeLid':
      case 'thermocycler/deactivateBlock':
      case 'thermocycler/deactivateLid':
        return [{ commandType: command, params: { moduleId: this.module(params) } }];
      case 'thermocycler/runProfile': {
        const moduleId = this.module(params);
        const profile = param(params, 'profile') as { temperature: number; holdTime: number }[];
        const steps = profile.map((p) => ({ temperature: p.temperature, hold_time_seconds: p.holdTime }));
        return [{ commandType: command, params: { moduleId, profile: steps, repetitions: 1, stepsText: this.profileRepr(index) } }];
      }
      default:
        throw runtimeError(`Unsupported command type ${command}`);
    }
  }

  private moveOptions(params: Record<string, unknown>): { forceDirect: boolean; minimumZHeight: number | null } {
    return { forceDirect: params.forceDirect === true, minimumZHeight: (params.minimumZHeight as number | undefined) ?? null };
  }

  /** Python's repr of the built steps list, keeping `70.0` as a float the way Python's json reads it. */
  private profileRepr(index: number): string {
    if (this.markedDoc === null) {
      const r = pyJsonLoads(this.text, true);
      this.markedDoc = r.ok ? (r.value as JsonProtocolDoc) : this.doc;
    }
    const profile = (this.markedDoc.commands[index]?.params.profile ?? []) as { temperature: unknown; holdTime: unknown }[];
    const v = (x: unknown) => (x instanceof FloatLiteral ? pyFloat(x.value) : pyRepr(x));
    return `[${profile.map((p) => `{'temperature': ${v(p.temperature)}, 'hold_time_seconds': ${v(p.holdTime)}}`).join(', ')}]`;
  }

  entriesSince(start: number): RunLogEntry[] {
    return this.engine.runLog.slice(start);
  }
}
