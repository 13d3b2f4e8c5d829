// The protocol engine: one instance per protocol run. Pure and synchronous; definitions come in
// through a DefinitionsSource. Every Protocol API rule (defaults, validation, tip selection,
// run-log text, nesting) lives here once, shared by the JSON executor and the Python layer.
import type { LiquidWarning, RequiredEquipment, RunLogEntry, WellLiquidSummary } from '../analysis/types.ts';
import type { DefinitionsSource, ModuleSpec, PipetteSpec } from '../definitions/index.ts';
import { ulPerMm } from '../definitions/index.ts';
import { ProtocolApiError, keyError, pyError } from './errors.ts';
import { buildLabware, labwareInfo, nextTip, useTips, type LabwareState, type WellState } from './labware.ts';
import { LiquidLedger } from './ledger.ts';
import { delayParts, pyFloat, pyInt, pyNum, pyRepr, pyRound, pyValue } from './pyfloat.ts';
import { RunLog } from './runlog.ts';
import { TIMING } from './timing.ts';
import type {
  AnyLocationArg,
  DeckLocation,
  EngineOptions,
  LabwareDefinition,
  LabwareInfo,
  LocationArg,
  LocationRef,
  ModuleInfo,
  ModuleModel,
  ModuleState,
  MountName,
  PipetteInfo,
  PipetteState,
  Point,
  ProfileStep,
  PyNum,
  Target,
} from './types.ts';

export const MAX_SUPPORTED_VERSION: readonly [number, number] = [2, 11];
export const MIN_SUPPORTED_VERSION: readonly [number, number] = [2, 0];

interface Pip {
  id: string;
  mount: MountName;
  spec: PipetteSpec;
  requestedAs: string;
  tipRacks: string[];
  trashId: string;
  startingTip: { lw: LabwareState; well: WellState } | null;
  flowAsp: number;
  flowDisp: number;
  flowBlow: number;
  clearAsp: number;
  clearDisp: number;
  defaultSpeed: number;
  hasTip: boolean;
  currentVolume: number;
  /** Pipette max volume; the aspirate limit (see docs/notes/engine.md). */
  workingVolume: number;
  /** The attached tip's capacity (min of pipette max and tip well volume). */
  tipCapacity: number;
  tipLength: number;
  ready: boolean;
  lastTip: { lw: LabwareState; well: WellState } | null;
  z: number;
}

interface Mod {
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
  holdTime: number | null;
  totalCycleCount: number | null;
  totalStepCount: number | null;
}

interface CacheLoc {
  point: Point;
  ref: LocationRef;
  lw: LabwareState | null;
  well: WellState | null;
}

type DeckItem = { kind: 'labware'; lw: LabwareState } | { kind: 'module'; mod: Mod };

const MOUNTS: readonly MountName[] = ['left', 'right'];

export type MaxSpeedAxis = 'X' | 'Y' | 'Z' | 'A';
const PLACEHOLDER_ADDR = 0x7f5a3c000000;

const PICK_UP_TYPE_ERROR =
  'If specified, location should be an instance of types.Location (e.g. the return value from ' +
  'tiprack.wells()[0].top()) or a Well (e.g. tiprack.wells()[0]. However, it is a ';

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

function samePoint(a: Point, b: Point): boolean {
  const close = (x: number, y: number) => Math.abs(x - y) <= Math.max(1e-5 * Math.max(Math.abs(x), Math.abs(y)), 1e-8);
  return close(a.x, b.x) && close(a.y, b.y) && close(a.z, b.z);
}

function sameRef(a: LocationRef, b: LocationRef): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'well':
      return b.kind === 'well' && a.labwareId === b.labwareId && a.wellName === b.wellName;
    case 'labware':
      return b.kind === 'labware' && a.labwareId === b.labwareId;
    case 'slot':
      return b.kind === 'slot' && a.slot === b.slot;
    case 'module':
      return b.kind === 'module' && a.moduleId === b.moduleId;
    case 'none':
      return true;
  }
}

export class ProtocolEngine {
  readonly apiLevel: readonly [number, number];
  readonly isSimulating: boolean;
  private readonly defs: DefinitionsSource;
  private readonly custom: readonly LabwareDefinition[];
  private readonly log = new RunLog();
  private readonly ledger = new LiquidLedger();
  private readonly labware = new Map<string, LabwareState>();
  private readonly pipettes = new Map<string, Pip>();
  private readonly byMount: Record<MountName, Pip | null> = { left: null, right: null };
  private readonly modules = new Map<string, Mod>();
  private readonly deck = new Map<string, DeckItem>();
  private cache: CacheLoc | null = null;
  /** The mount that made the last move (the 2.10 per-mount planning origin). */
  private lastMount: MountName | null = null;
  /** `ctx.max_speeds` (mm/s per axis: X, Y, Z = left mount, A = right mount). */
  private maxSpeeds: Partial<Record<MaxSpeedAxis, number>> = {};
  private hasSpeedCaps = false;
  private highestZCache: number | null = null;
  private gantry: Point = { x: 0, y: 0, z: 0 };
  private nextId = 1;
  private paused = false;
  private railLights = false;
  /** Non-run-log warnings the original writes to its logger (tip rack mismatch, ...). */
  readonly logMessages: string[] = [];

  constructor(opts: EngineOptions) {
    const level = parseApiLevel(opts.apiLevel);
    if (level[0] > MAX_SUPPORTED_VERSION[0] || (level[0] === MAX_SUPPORTED_VERSION[0] && level[1] > MAX_SUPPORTED_VERSION[1])) {
      throw pyError(
        'RuntimeError',
        `API version ${level[0]}.${level[1]} is not supported by this robot software. Please either reduce your requested API version or update your robot.`,
      );
    }
    this.apiLevel = level;
    this.isSimulating = opts.isSimulating ?? true;
    this.defs = opts.definitions;
    this.custom = opts.customLabware ?? [];
    const trash = buildLabware('fixedTrash', this.defs.fixedTrash(), null, '12', null, '12', this.slotPoint('12'));
    this.labware.set(trash.id, trash);
    this.deck.set('12', { kind: 'labware', lw: trash });
  }

  // ───────────────────────────── versions ─────────────────────────────

  atLeast(major: number, minor: number): boolean {
    const [a, b] = this.apiLevel;
    return a > major || (a === major && b >= minor);
  }

  /** Raises APIVersionError for a member added after the protocol's apiLevel (spec §2). */
  requireVersion(qualifiedName: string, major: number, minor: number): void {
    if (!this.atLeast(major, minor)) {
      throw pyError(
        'APIVersionError',
        `${qualifiedName} was added in ${major}.${minor}, but your protocol requested version ${this.apiLevel[0]}.${this.apiLevel[1]}. You must increase your API version to ${major}.${minor} to use this functionality.`,
      );
    }
  }

  // ───────────────────────────── run log ─────────────────────────────

  /** The run log so far (live array: entries are appended as commands run). */
  get runLog(): readonly RunLogEntry[] {
    return this.log.entries;
  }

  get entryCount(): number {
    return this.log.entries.length;
  }

  /** Current nesting level (raised for good by an exception inside a logged command). */
  get level(): number {
    return this.log.level;
  }

  /** Modeled seconds since the start of the run. */
  get clock(): number {
    return this.log.clock;
  }

  /** Stamp later entries with this protocol line (Python protocols). */
  setSourceLine(line: number | null): void {
    this.log.line = line;
  }

  /**
   * Opens a logged parent command (e.g. `command.TRANSFER`, `Transferring ...`): entries until
   * the matching `endCommand` nest under it. On an exception, do not call `endCommand`.
   */
  beginCommand(name: string, text: string): number {
    return this.log.before(name, text).index;
  }

  endCommand(): void {
    this.log.after();
  }

  /** Spend modeled time outside any command model (e.g. a Python-side step). */
  advanceTime(seconds: number): void {
    this.log.advance(seconds);
  }

  // ───────────────────────────── deck and labware ─────────────────────────────

  private slotPoint(slot: string): Point {
    const s = this.defs.slots().get(slot);
    if (!s) throw pyError('ValueError', `Unknown slot: ${slot}`);
    return s.position;
  }

  /** Validates a deck key (`1`–`12`, int or digit string) and returns its slot string. */
  private slotKey(location: DeckLocation): string {
    const key = typeof location === 'number' ? String(location) : location;
    if (typeof location === 'number' ? !Number.isInteger(location) : !/^\d+$/.test(key)) {
      throw pyError('ValueError', `Unknown slot: ${key}`);
    }
    const norm = String(Number(key));
    if (!this.defs.slots().has(norm)) throw pyError('ValueError', `Unknown slot: ${key}`);
    return norm;
  }

  private itemRepr(item: DeckItem): string {
    if (item.kind === 'module') return item.mod.displayName;
    if (item.lw.id === 'fixedTrash' || item.lw.fixedTrash) return item.lw.displayName;
    return this.implRepr(item.lw.id);
  }

  private implRepr(id: string): string {
    let h = 0;
    for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    return `<opentrons.protocols.context.protocol_api.labware.LabwareImplementation object at 0x${(PLACEHOLDER_ADDR + (h & 0xffff) * 16).toString(16)}>`;
  }

  /** Slots a thermocycler covers besides its own. */
  private coveredBy(slot: string): Mod | null {
    for (const item of this.deck.values()) {
      if (item.kind !== 'module' || item.mod.model !== 'thermocyclerModuleV1') continue;
      const covers = item.mod.configuration === 'semi' ? ['7', '10'] : ['7', '8', '10', '11'];
      if (covers.includes(slot)) return item.mod;
    }
    return null;
  }

  private placeCheck(key: string, slot: string, newItemRepr: string, covering: readonly string[]): void {
    const existing = this.deck.get(slot);
    if (slot === '12' && existing?.kind === 'labware' && existing.lw.fixedTrash) return;
    if (slot === '12' && existing) throw pyError('ValueError', 'Deck location 12 is for fixed trash only');
    if (existing) throw pyError('ValueError', `Deck location ${key} already  has an item: ${this.itemRepr(existing)}`);
    for (const s of covering) {
      const tc = this.coveredBy(s);
      if (tc) throw pyError('ValueError', `Could not load ${newItemRepr} as deck location ${key} is obscured by ${tc.displayName}`);
    }
  }

  private newId(prefix: string): string {
    return `${prefix}-${this.nextId++}`;
  }

  private findDefinition(loadName: string, namespace: string | null, version: number | null): LabwareDefinition {
    const r = this.defs.findLabware(loadName, namespace, version, this.custom);
    if (!r.ok) throw pyError(r.error.type, r.error.message);
    return r.definition;
  }

  loadLabware(
    loadName: string,
    location: DeckLocation,
    label: string | null = null,
    namespace: string | null = null,
    version: number | null = null,
  ): LabwareInfo {
    const def = this.findDefinition(loadName, namespace, version);
    return this.loadLabwareFromDefinition(def, location, label);
  }

  loadLabwareFromDefinition(definition: LabwareDefinition, location: DeckLocation, label: string | null = null): LabwareInfo {
    const slot = this.slotKey(location);
    const key = typeof location === 'number' ? String(location) : location;
    const id = this.newId('labware');
    this.placeCheck(key, slot, this.implRepr(id), [slot]);
    const lw = buildLabware(id, definition, label, slot, null, key, this.slotPoint(slot));
    this.labware.set(id, lw);
    this.deck.set(slot, { kind: 'labware', lw });
    this.highestZCache = null;
    return labwareInfo(lw);
  }

  /** `module.load_labware(name, label, namespace, version)`. */
  moduleLoadLabware(
    moduleId: string,
    loadName: string,
    label: string | null = null,
    namespace: string | null = null,
    version: number | null = null,
  ): LabwareInfo {
    const mod = this.mod(moduleId);
    if (!this.atLeast(2, 1) && (label !== null || namespace !== null || version !== null)) {
      this.logMessages.push('You have specified API 2.0, but you are using features only available in 2.1');
    }
    const def = this.findDefinition(loadName, namespace, version);
    return this.moduleLoadLabwareFromDefinition(mod.id, def, label);
  }

  moduleLoadLabwareFromDefinition(moduleId: string, definition: LabwareDefinition, label: string | null = null): LabwareInfo {
    const mod = this.mod(moduleId);
    if (mod.labwareId !== null) {
      const existing = this.labware.get(mod.labwareId);
      throw pyError('AssertionError', `${existing?.displayName ?? 'None'} is already on this module`);
    }
    if (mod.model === 'thermocyclerModuleV1' && mod.lid !== 'open') {
      throw pyError('AssertionError', 'Cannot place labware in closed module');
    }
    const id = this.newId('labware');
    const base = this.slotPoint(mod.slot);
    const off = mod.info.labwareOffset;
    if (mod.configuration === 'semi') {
      // ThermocyclerGeometry.labware_accessor: a new labware from the definition with its first
      // two columns cut from `ordering` (those wells no longer exist) and without the label.
      definition = { ...definition, ordering: definition.ordering.slice(2) };
      label = null;
    }
    const lw = buildLabware(id, definition, label, mod.slot, mod.id, mod.displayName, {
      x: base.x + off.x,
      y: base.y + off.y,
      z: base.z + off.z,
    });
    this.labware.set(id, lw);
    mod.labwareId = id;
    this.highestZCache = null;
    return labwareInfo(lw);
  }

  /**
   * `ModuleContext.load_labware_object(labware)` (spec §9.2): an already loaded labware becomes the
   * module's labware. As in 4.7.0 it keeps its own position and parent; only the module's checks
   * (one labware per module, thermocycler lid open) apply.
   */
  moduleLoadLabwareObject(moduleId: string, labwareId: string): LabwareInfo {
    const mod = this.mod(moduleId);
    const lw = this.lw(labwareId);
    if (mod.labwareId !== null) {
      const existing = this.labware.get(mod.labwareId);
      throw pyError('AssertionError', `${existing?.displayName ?? 'None'} is already on this module`);
    }
    if (mod.model === 'thermocyclerModuleV1' && mod.lid !== 'open') {
      throw pyError('AssertionError', 'Cannot place labware in closed module');
    }
    mod.labwareId = lw.id;
    this.highestZCache = null;
    return labwareInfo(lw);
  }

  /**
   * `labware.tip_length = x` (spec §6.3): 4.7.0 writes it into the labware's definition
   * parameters, so later pick-ups, drops and returns use it. Only this labware changes.
   */
  setTipLength(labwareId: string, length: number): LabwareInfo {
    const lw = this.lw(labwareId) as { def: LabwareDefinition; info: LabwareInfo | null };
    lw.def = { ...lw.def, parameters: { ...lw.def.parameters, tipLength: length } };
    lw.info = null;
    return this.labwareInfo(labwareId);
  }

  /** `del ctx.deck[slot]`. */
  clearSlot(location: DeckLocation): void {
    const slot = this.slotKey(location);
    const item = this.deck.get(slot);
    if (!item) return;
    this.deck.delete(slot);
    this.highestZCache = null;
    if (item.kind === 'labware') this.labware.delete(item.lw.id);
    else {
      // A labware given with load_labware_object lives in its own slot and stays there.
      const held = item.mod.labwareId ? this.labware.get(item.mod.labwareId) : undefined;
      if (held && held.moduleId === item.mod.id) this.labware.delete(held.id);
      this.modules.delete(item.mod.id);
    }
  }

  /** What `ctx.deck[slot]` holds. */
  deckItem(location: DeckLocation): { kind: 'labware'; labwareId: string } | { kind: 'module'; moduleId: string } | null {
    const item = this.deck.get(this.slotKey(location));
    if (!item) return null;
    return item.kind === 'labware' ? { kind: 'labware', labwareId: item.lw.id } : { kind: 'module', moduleId: item.mod.id };
  }

  /** `deck.position_for(slot)`: front-left corner of the slot. */
  slotPosition(location: DeckLocation): Point {
    return this.slotPoint(this.slotKey(location));
  }

  /** `ctx.deck.highest_z` (cached; every deck change clears it). */
  get highestZ(): number {
    if (this.highestZCache !== null) return this.highestZCache;
    let z = 0;
    for (const item of this.deck.values()) {
      if (item.kind === 'labware') z = Math.max(z, item.lw.highestZ);
      else {
        const mod = item.mod;
        z = Math.max(z, this.slotPoint(mod.slot).z + mod.spec.overallHeight);
        if (mod.labwareId) {
          const lw = this.labware.get(mod.labwareId);
          if (lw) z = Math.max(z, lw.highestZ);
        }
      }
    }
    this.highestZCache = z;
    return z;
  }

  labwareInfo(labwareId: string): LabwareInfo {
    return labwareInfo(this.lw(labwareId));
  }

  /** `ctx.loaded_labwares`: slot number → labware, sorted by slot (module labware under the module's slot). */
  loadedLabwares(): { slot: number; labwareId: string }[] {
    const out: { slot: number; labwareId: string }[] = [];
    for (const [slot, item] of this.deck) {
      if (item.kind === 'labware') out.push({ slot: Number(slot), labwareId: item.lw.id });
      else if (item.mod.labwareId) out.push({ slot: Number(slot), labwareId: item.mod.labwareId });
    }
    return out.sort((a, b) => a.slot - b.slot);
  }

  /** `ctx.fixed_trash`: whatever is in slot 12 now. */
  fixedTrash(): string {
    const item = this.deck.get('12');
    if (!item || item.kind !== 'labware') throw pyError('RuntimeError', 'Robot must have a trash container in 12');
    return item.lw.id;
  }

  private lw(labwareId: string): LabwareState {
    const lw = this.labware.get(labwareId);
    if (!lw) throw keyError(labwareId);
    return lw;
  }

  private wellOf(lw: LabwareState, wellName: string): WellState {
    const w = lw.byName.get(wellName);
    if (!w) throw keyError(wellName);
    return w;
  }

  // ───────────────────────────── tips on labware ─────────────────────────────

  /** `Labware.reset()`: every tip back. */
  labwareReset(labwareId: string): void {
    const lw = this.lw(labwareId);
    lw.hasTip.fill(1);
  }

  /** `Labware.next_tip(num_tips, starting_tip)` → well name or null. */
  labwareNextTip(labwareId: string, numTips = 1, startingWell: string | null = null): string | null {
    const lw = this.lw(labwareId);
    if (!lw.isTiprack) return null;
    const start = startingWell === null ? null : this.wellOf(lw, startingWell);
    return nextTip(lw, numTips, start)?.name ?? null;
  }

  /** `Labware.use_tips(start_well, num_channels)`. */
  labwareUseTips(labwareId: string, wellName: string, numChannels = 1): void {
    const lw = this.lw(labwareId);
    if (lw.isTiprack) useTips(lw, this.wellOf(lw, wellName), numChannels, 0);
  }

  /** `Labware.return_tips(start_well, num_channels)`. */
  labwareReturnTips(labwareId: string, wellName: string, numChannels = 1): void {
    const lw = this.lw(labwareId);
    if (lw.isTiprack) useTips(lw, this.wellOf(lw, wellName), numChannels, 1);
  }

  /** `Labware.previous_tip(num_tips)`: the last well of the last used run, or null. */
  labwarePreviousTip(labwareId: string, numTips = 1): string | null {
    const lw = this.lw(labwareId);
    if (!lw.isTiprack) return null;
    for (let ci = lw.columns.length - 1; ci >= 0; ci--) {
      const col = lw.columns[ci];
      let r = col.length - 1;
      while (r >= 0 && lw.hasTip[col[r]] === 1) r--;
      let run = 0;
      while (r - run >= 0 && lw.hasTip[col[r - run]] === 0) run++;
      if (run > 0 && run >= numTips) return lw.wells[col[r]].name;
    }
    return null;
  }

  wellHasTip(labwareId: string, wellName: string): boolean {
    const lw = this.lw(labwareId);
    const w = this.wellOf(lw, wellName);
    return lw.isTiprack && lw.hasTip[w.index] === 1;
  }

  setWellHasTip(labwareId: string, wellName: string, value: boolean): void {
    const lw = this.lw(labwareId);
    const w = this.wellOf(lw, wellName);
    if (lw.isTiprack) lw.hasTip[w.index] = value ? 1 : 0;
  }

  // ───────────────────────────── instruments ─────────────────────────────

  loadInstrument(
    instrumentName: string,
    mount: string,
    tipRackIds: readonly string[] | null = null,
    replace = false,
  ): PipetteInfo {
    const m = mount.toLowerCase();
    if (m !== 'left' && m !== 'right') {
      throw pyError(
        'ValueError',
        `If mount is specified as a string, it should be either'left' or 'right' (ignoring capitalization, which the system strips), not ${mount}`,
      );
    }
    const existing = this.byMount[m];
    if (existing && !replace) {
      throw pyError('RuntimeError', `Instrument already present in ${m} mount: ${existing.requestedAs}`);
    }
    const spec = this.defs.pipette(instrumentName);
    if (!spec) throw pyError('RuntimeError', `${instrumentName} is not a valid pipette name`);
    const racks = (tipRackIds ?? []).map((id) => this.lw(id));
    for (const rack of racks) {
      if (!rack.isTiprack) throw pyError('AssertionError', '');
      this.checkTipRackMatch(spec, rack);
    }
    const flows = spec.defaultFlowRates(this.apiLevel);
    const pip: Pip = {
      id: this.newId('pipette'),
      mount: m,
      spec,
      requestedAs: instrumentName,
      tipRacks: racks.map((r) => r.id),
      trashId: this.fixedTrash(),
      startingTip: null,
      flowAsp: flows.aspirate,
      flowDisp: flows.dispense,
      flowBlow: flows.blowOut,
      clearAsp: 1,
      clearDisp: 1,
      defaultSpeed: TIMING.gantrySpeed,
      hasTip: false,
      currentVolume: 0,
      workingVolume: spec.maxVolume,
      tipCapacity: spec.maxVolume,
      tipLength: 0,
      ready: false,
      lastTip: null,
      z: TIMING.mountHomeZ + spec.nozzleOffset[2],
    };
    if (existing) this.pipettes.delete(existing.id);
    this.pipettes.set(pip.id, pip);
    this.byMount[m] = pip;
    return this.pipetteInfo(pip.id);
  }

  private checkTipRackMatch(spec: PipetteSpec, rack: LabwareState): void {
    if (rack.def.namespace !== 'opentrons') return;
    const vol = rack.wells[0]?.maxVolume ?? 0;
    const size = Number(/^p(\d+)/.exec(spec.name)?.[1] ?? 0);
    const ok =
      size === 10 || size === 20 ? vol === 10 || vol === 20 : size === 50 || size === 300 ? vol === 200 || vol === 300 : vol === 1000;
    if (!ok) {
      this.logMessages.push(
        `The pipette ${spec.name} and its tiprack ${rack.def.parameters.loadName} in slot ${rack.slot} appear to be mismatched. Please check your protocol before running on the robot.`,
      );
    }
  }

  private pip(pipetteId: string): Pip {
    const p = this.pipettes.get(pipetteId);
    if (!p) throw keyError(pipetteId);
    return p;
  }

  pipetteInfo(pipetteId: string): PipetteInfo {
    const p = this.pip(pipetteId);
    return {
      pipetteId: p.id,
      mount: p.mount,
      name: p.spec.name,
      model: p.spec.model,
      requestedAs: p.requestedAs,
      channels: p.spec.channels,
      type: p.spec.channels > 1 ? 'multi' : 'single',
      displayName: p.spec.displayName,
      minVolume: p.spec.minVolume,
      maxVolume: p.spec.maxVolume,
      returnTipHeight: p.spec.returnTipHeight,
      tipRackIds: [...p.tipRacks],
      trashId: p.trashId,
    };
  }

  pipetteState(pipetteId: string): PipetteState {
    const p = this.pip(pipetteId);
    const upm = (action: 'aspirate' | 'dispense') => ulPerMm(p.spec.ulPerMm[action], p.spec.maxVolume);
    return {
      currentVolume: p.currentVolume,
      hasTip: p.hasTip,
      workingVolume: p.hasTip ? p.tipCapacity : p.spec.maxVolume,
      availableVolume: (p.hasTip ? p.tipCapacity : p.spec.maxVolume) - p.currentVolume,
      flowRate: { aspirate: p.flowAsp, dispense: p.flowDisp, blowOut: p.flowBlow },
      speed: {
        aspirate: round6(p.flowAsp / upm('aspirate')),
        dispense: round6(p.flowDisp / upm('dispense')),
        blowOut: round6(p.flowBlow / upm('dispense')),
      },
      wellBottomClearance: { aspirate: p.clearAsp, dispense: p.clearDisp },
      defaultSpeed: p.defaultSpeed,
      startingTip: p.startingTip ? { labwareId: p.startingTip.lw.id, wellName: p.startingTip.well.name } : null,
      tipRackIds: [...p.tipRacks],
      trashId: p.trashId,
      lastTipPickedUpFrom: p.lastTip ? { labwareId: p.lastTip.lw.id, wellName: p.lastTip.well.name } : null,
      tipLength: p.tipLength,
      readyToAspirate: p.ready,
    };
  }

  /** `ctx.loaded_instruments`: left first. */
  loadedInstruments(): { mount: MountName; pipetteId: string }[] {
    const out: { mount: MountName; pipetteId: string }[] = [];
    for (const m of MOUNTS) {
      const p = this.byMount[m];
      if (p) out.push({ mount: m, pipetteId: p.id });
    }
    return out;
  }

  /** `flow_rate.aspirate = v` etc.; each value must be a number > 0. */
  setFlowRate(pipetteId: string, rates: { aspirate?: number; dispense?: number; blowOut?: number }): void {
    const p = this.pip(pipetteId);
    for (const v of [rates.aspirate, rates.dispense, rates.blowOut]) {
      if (v !== undefined && !(typeof v === 'number' && v > 0)) {
        throw pyError('AssertionError', 'flow rate should be a numerical value in ul/s');
      }
    }
    if (rates.aspirate !== undefined) p.flowAsp = rates.aspirate;
    if (rates.dispense !== undefined) p.flowDisp = rates.dispense;
    if (rates.blowOut !== undefined) p.flowBlow = rates.blowOut;
  }

  /** `speed.aspirate = mm/s` etc.; stored as flow rates (ul/mm at the pipette's max volume). */
  setPlungerSpeed(pipetteId: string, speeds: { aspirate?: number; dispense?: number; blowOut?: number }): void {
    const p = this.pip(pipetteId);
    for (const v of [speeds.aspirate, speeds.dispense, speeds.blowOut]) {
      if (v !== undefined && !(typeof v === 'number' && v > 0)) {
        throw pyError('AssertionError', 'speed should be a numerical value in mm/s');
      }
    }
    const max = p.spec.maxVolume;
    if (speeds.aspirate !== undefined) p.flowAsp = round6(speeds.aspirate * ulPerMm(p.spec.ulPerMm.aspirate, max));
    if (speeds.dispense !== undefined) p.flowDisp = round6(speeds.dispense * ulPerMm(p.spec.ulPerMm.dispense, max));
    if (speeds.blowOut !== undefined) p.flowBlow = round6(speeds.blowOut * ulPerMm(p.spec.ulPerMm.dispense, max));
  }

  setWellBottomClearance(pipetteId: string, clearance: { aspirate?: number; dispense?: number }): void {
    const p = this.pip(pipetteId);
    if (clearance.aspirate !== undefined) p.clearAsp = clearance.aspirate;
    if (clearance.dispense !== undefined) p.clearDisp = clearance.dispense;
  }

  setDefaultSpeed(pipetteId: string, speed: number): void {
    this.pip(pipetteId).defaultSpeed = speed;
  }

  setTipRacks(pipetteId: string, tipRackIds: readonly string[]): void {
    this.pip(pipetteId).tipRacks = tipRackIds.map((id) => this.lw(id).id);
  }

  setTrashContainer(pipetteId: string, labwareId: string): void {
    this.pip(pipetteId).trashId = this.lw(labwareId).id;
  }

  /** `pipette.starting_tip = well` (or null). */
  setStartingTip(pipetteId: string, well: { labwareId: string; wellName: string } | null): void {
    const p = this.pip(pipetteId);
    if (well === null) p.startingTip = null;
    else {
      const lw = this.lw(well.labwareId);
      p.startingTip = { lw, well: this.wellOf(lw, well.wellName) };
    }
  }

  /** `pipette.reset_tipracks()`: every rack refilled, starting tip cleared. */
  resetTipracks(pipetteId: string): void {
    const p = this.pip(pipetteId);
    for (const id of p.tipRacks) this.labware.get(id)?.hasTip.fill(1);
    p.startingTip = null;
  }

  /** `next_available_tip(starting_tip, tip_racks, channels)` → rack and well, or null. */
  nextAvailableTip(pipetteId: string): { labwareId: string; wellName: string } | null {
    const r = this.findNextTip(this.pip(pipetteId));
    return r ? { labwareId: r.lw.id, wellName: r.well.name } : null;
  }

  private findNextTip(p: Pip): { lw: LabwareState; well: WellState } | null {
    const racks = p.tipRacks.map((id) => this.labware.get(id)).filter((x): x is LabwareState => x !== undefined);
    let startIdx = 0;
    let start: WellState | null = null;
    if (p.startingTip) {
      startIdx = racks.indexOf(p.startingTip.lw);
      if (startIdx < 0) return null;
      start = p.startingTip.well;
    }
    for (let i = startIdx; i < racks.length; i++) {
      const well = nextTip(racks[i], p.spec.channels, i === startIdx ? start : null);
      if (well) return { lw: racks[i], well };
    }
    return null;
  }

  // ───────────────────────────── locations ─────────────────────────────

  private locString(ref: LocationRef, point: Point): string {
    switch (ref.kind) {
      case 'well':
        return this.wellOf(this.lw(ref.labwareId), ref.wellName).displayName;
      case 'labware':
        return this.lw(ref.labwareId).displayName;
      case 'slot':
        return ref.slot;
      case 'module':
        return this.mod(ref.moduleId).displayName;
      case 'none':
        return ref.text ?? `(${pyFloat(point.x)}, ${pyFloat(point.y)}, ${pyFloat(point.z)})`;
    }
  }

  private argRepr(arg: AnyLocationArg): string {
    switch (arg.kind) {
      case 'other':
        return arg.repr;
      case 'labware':
        return this.lw(arg.labwareId).displayName;
      case 'well':
        return this.wellOf(this.lw(arg.labwareId), arg.wellName).displayName;
      case 'location':
        return `Location(point=Point(x=${pyFloat(arg.point.x)}, y=${pyFloat(arg.point.y)}, z=${pyFloat(arg.point.z)}), labware=${arg.ref.kind === 'none' ? '' : this.locString(arg.ref, arg.point)})`;
    }
  }

  private toCache(point: Point, ref: LocationRef): CacheLoc {
    if (ref.kind === 'well') {
      const lw = this.lw(ref.labwareId);
      return { point, ref, lw, well: this.wellOf(lw, ref.wellName) };
    }
    if (ref.kind === 'labware') return { point, ref, lw: this.lw(ref.labwareId), well: null };
    return { point, ref, lw: null, well: null };
  }

  /** `ctx.location_cache` as plain data (null when empty). */
  locationCache(): LocationArg | null {
    return this.cache ? { kind: 'location', point: this.cache.point, ref: this.cache.ref } : null;
  }

  /** `ctx.location_cache = loc`: no mount is known, so from 2.10 no pipette plans from it. */
  setLocationCache(loc: LocationArg | null): void {
    this.cache = loc === null ? null : this.toCache(loc.point, loc.ref);
    this.lastMount = null;
  }

  /**
   * `ctx.max_speeds` after a change: the whole mapping (axes `X`, `Y`, `Z` = left mount, `A` =
   * right mount, mm/s). Only the modeled clock sees it; values must be > 0.
   */
  setMaxSpeeds(speeds: Readonly<Partial<Record<string, number>>>): void {
    const next: Partial<Record<MaxSpeedAxis, number>> = {};
    for (const [key, value] of Object.entries(speeds)) {
      const axis = key.toUpperCase();
      if (axis !== 'X' && axis !== 'Y' && axis !== 'Z' && axis !== 'A') throw keyError(key);
      if (value === undefined) continue;
      if (!(typeof value === 'number' && value > 0)) throw pyError('AssertionError', 'max speeds should be numerical values in mm/s');
      next[axis] = value;
    }
    this.maxSpeeds = next;
    this.hasSpeedCaps = Object.keys(next).length > 0;
  }

  get maxSpeedLimits(): Readonly<Partial<Record<MaxSpeedAxis, number>>> {
    return this.maxSpeeds;
  }

  /**
   * The highest point this pipette's critical point can reach (hardware `get_instrument_max_height`):
   * the mount's Z home for this pipette, minus the Z retract distance, plus the critical point's
   * offset (nozzle minus the attached tip's length).
   */
  private instrMaxHeight(p: Pip): number {
    return p.spec.homePosition - TIMING.zRetractDistance + (p.spec.nozzleOffset[2] - (p.hasTip ? p.tipLength : 0));
  }

  /** Where this pipette last moved to, as far as motion planning knows (per mount from 2.10). */
  private planningOrigin(p: Pip): CacheLoc | null {
    if (this.cache === null) return null;
    if (this.atLeast(2, 10) && this.lastMount !== p.mount) return null;
    return this.cache;
  }

  /** Moves the pipette (no run-log entry): thermocycler lid safety, height check, clock, cache. */
  private move(p: Pip, to: CacheLoc, opts: { forceDirect?: boolean; minimumZHeight?: number | null; speed?: number | null } = {}): void {
    const from = this.planningOrigin(p);
    if (this.hasClosedThermocycler()) {
      const onTc = (c: CacheLoc | null) => c?.lw?.moduleId != null && this.modules.get(c.lw.moduleId)?.model === 'thermocyclerModuleV1';
      const tcMod = to.lw?.moduleId ? this.modules.get(to.lw.moduleId) : undefined;
      const fromMod = from?.lw?.moduleId ? this.modules.get(from.lw.moduleId) : undefined;
      if ((onTc(to) && tcMod?.lid !== 'open') || (onTc(from) && fromMod?.lid !== 'open')) {
        this.cache = null;
        throw pyError('RuntimeError', 'Cannot move to labware loaded in Thermocycler when lid is not fully open.');
      }
    }
    const minZ = opts.minimumZHeight ?? 0;
    const sameWell = from !== null && from.well !== null && from.well === to.well && from.lw === to.lw;
    const direct = opts.forceDirect === true || (sameWell && !(minZ > 0));
    let travel = 0;
    if (!direct) travel = this.safeHeight(p, from, to, minZ);
    this.advanceMove(p, to.point, direct, travel, opts.speed ?? null);
    this.cache = to;
    this.lastMount = p.mount;
  }

  /** Arc height (planning.py `_build_safe_height`); raises LabwareHeightError like the original. */
  private safeHeight(p: Pip, from: CacheLoc | null, to: CacheLoc, minZ: number): number {
    const maxH = this.instrMaxHeight(p);
    let toSafety: number;
    let fromSafety = 0;
    if (from !== null && to.lw !== null && to.lw === from.lw) {
      toSafety = (to.well ? to.well.top.z : to.lw.highestZ) + TIMING.inLabwareArcMargin;
      fromSafety = (from.well ? from.well.top.z : to.lw.highestZ) + TIMING.inLabwareArcMargin;
      if (Math.max(toSafety, fromSafety) > maxH) {
        toSafety = maxH;
        fromSafety = 0;
      }
    } else {
      const tallest = this.highestZ;
      toSafety = tallest + TIMING.arcClearance;
      if (toSafety > maxH) {
        if (maxH >= tallest + TIMING.minimumArcMargin) toSafety = maxH;
        else {
          this.cache = null;
          throw pyError(
            'LabwareHeightError',
            `The ${this.tallestName(tallest)} has a total height of ${pyFloat(tallest)} mm, which is too tall for your current pipette configurations. The longest pipette on your robot can only be raised to ${pyFloat(maxH)} mm above the deck. This may be because the labware is incorrectly defined, incorrectly calibrated, or physically too tall. This could also be caused by the pipette and its tipracks being mismatched. Please check your protocol, labware definitions and calibrations.`,
          );
        }
      }
    }
    return Math.max(to.point.z, p.z, toSafety, fromSafety, minZ);
  }

  /** Spends the modeled time of a move: straight, or rise / travel / descend, under `max_speeds`. */
  private advanceMove(p: Pip, to: Point, direct: boolean, travel: number, speedArg: number | null): void {
    const speed = Math.min(speedArg ?? p.defaultSpeed, TIMING.gantrySpeed) || TIMING.gantrySpeed;
    const dx = Math.abs(to.x - this.gantry.x);
    const dy = Math.abs(to.y - this.gantry.y);
    const caps = this.maxSpeeds;
    const zCap = this.hasSpeedCaps ? caps[p.mount === 'left' ? 'Z' : 'A'] : undefined;
    let t: number;
    if (direct) {
      const dz = Math.abs(to.z - p.z);
      t = Math.sqrt(dx * dx + dy * dy + dz * dz) / speed;
      if (this.hasSpeedCaps) t = this.cappedTime(t, dx, dy, dz, zCap);
    } else {
      const rise = Math.max(0, travel - p.z);
      const fall = Math.max(0, travel - to.z);
      const zSpeed = zCap === undefined ? TIMING.zSpeed : Math.min(TIMING.zSpeed, zCap);
      let xy = Math.sqrt(dx * dx + dy * dy) / speed;
      if (this.hasSpeedCaps) xy = this.cappedTime(xy, dx, dy, 0, undefined);
      t = (rise + fall) / zSpeed + xy;
    }
    this.log.advance(t);
    this.gantry = to;
    p.z = to.z;
  }

  /** A move's time when no axis may exceed its `max_speeds` cap. */
  private cappedTime(t: number, dx: number, dy: number, dz: number, zCap: number | undefined): number {
    const { X, Y } = this.maxSpeeds;
    let out = t;
    if (X !== undefined) out = Math.max(out, dx / X);
    if (Y !== undefined) out = Math.max(out, dy / Y);
    if (zCap !== undefined) out = Math.max(out, dz / zCap);
    return out;
  }

  /**
   * What the LabwareHeightError names: the first deck item (slot order) as tall as the deck's
   * highest point; a module with labware names its labware.
   */
  private tallestName(tallest: number): string {
    const slots = [...this.deck.keys()].sort((a, b) => Number(a) - Number(b));
    for (const slot of slots) {
      const item = this.deck.get(slot);
      if (!item) continue;
      if (item.kind === 'labware') {
        if (item.lw.highestZ === tallest) return this.itemRepr(item);
        continue;
      }
      const lw = item.mod.labwareId ? this.labware.get(item.mod.labwareId) : undefined;
      const z = lw ? lw.highestZ : this.slotPoint(item.mod.slot).z + item.mod.spec.overallHeight;
      if (z === tallest) return lw ? lw.displayName : item.mod.displayName;
    }
    return 'labware';
  }

  private hasClosedThermocycler(): boolean {
    for (const m of this.modules.values()) if (m.model === 'thermocyclerModuleV1' && m.lid !== 'open') return true;
    return false;
  }

  private wellTop(lw: LabwareState, w: WellState, z = 0): CacheLoc {
    return { point: z === 0 ? w.top : { x: w.top.x, y: w.top.y, z: w.top.z + z }, ref: { kind: 'well', labwareId: lw.id, wellName: w.name }, lw, well: w };
  }

  private wellBottom(lw: LabwareState, w: WellState, z: number): CacheLoc {
    return { point: { x: w.top.x, y: w.top.y, z: w.top.z - w.depth + z }, ref: { kind: 'well', labwareId: lw.id, wellName: w.name }, lw, well: w };
  }

  private fromTarget(loc: LocationArg): CacheLoc {
    return this.toCache(loc.point, loc.ref);
  }

  private checkTakesLiquid(c: CacheLoc, action: 'aspirate' | 'dispense'): void {
    if (!this.atLeast(2, 11)) return;
    switch (c.ref.kind) {
      case 'well':
        if (c.lw?.isTiprack) throw pyError('RuntimeError', `Cannot ${action} a tiprack`);
        return;
      case 'none':
        throw pyError('AttributeError', "'NoneType' object has no attribute 'parent'");
      case 'slot':
        throw pyError('AttributeError', "'str' object has no attribute 'parent'");
      default:
        throw pyError('AttributeError', "'str' object has no attribute 'is_tiprack'");
    }
  }

  // ───────────────────────────── liquid handling ─────────────────────────────

  aspirate(pipetteId: string, volume: number | null = null, location: AnyLocationArg | null = null, rate = 1): void {
    const p = this.pip(pipetteId);
    let dest: CacheLoc;
    if (location === null) {
      if (!this.cache) {
        throw pyError(
          'RuntimeError',
          'If aspirate is called without an explicit location, another method that moves to a location (such as move_to or dispense) must previously have been called so the robot knows where it is.',
        );
      }
      dest = this.cache;
    } else if (location.kind === 'well') {
      const lw = this.lw(location.labwareId);
      dest = this.wellBottom(lw, this.wellOf(lw, location.wellName), p.clearAsp);
    } else if (location.kind === 'location') {
      dest = this.fromTarget(location);
    } else {
      throw pyError('TypeError', `location should be a Well or Location, but it is ${this.argRepr(location)}`);
    }
    this.checkTakesLiquid(dest, 'aspirate');
    if (p.currentVolume === 0) {
      if (!this.atLeast(2, 3) || !p.ready) {
        if (dest.well && dest.lw) this.move(p, this.wellTop(dest.lw, dest.well));
        if (!p.hasTip) throw pyError('NoTipAttachedError', 'Cannot perform PREPARE_ASPIRATE without a tip attached');
        this.log.advance(0.3);
        p.ready = true;
      }
      this.move(p, dest);
    } else if (!this.cache || !samePoint(dest.point, this.cache.point) || !sameRef(dest.ref, this.cache.ref)) {
      this.move(p, dest);
    }
    const vol = volume ? volume : (p.hasTip ? p.tipCapacity : p.spec.maxVolume) - p.currentVolume;
    const flow = rate * p.flowAsp;
    const entry = this.log.before(
      'command.ASPIRATE',
      'Aspirating ' + pyFloat(vol) + ' uL from ' + (dest.well ? dest.well.displayName : this.locString(dest.ref, dest.point)) + ' at ' + pyFloat(flow) + ' uL/sec',
    );
    if (!p.hasTip) throw pyError('NoTipAttachedError', 'Cannot perform ASPIRATE without a tip attached');
    const after = p.currentVolume + vol;
    if (after > p.workingVolume + 1e-9) throw pyError('AssertionError', 'Cannot aspirate more than pipette max volume');
    if (after > p.tipCapacity + 1e-9) this.ledger.tipOverCapacity(after, p.tipCapacity, entry.index, dest.well?.displayName);
    if (vol > 0) {
      this.log.advance(vol / flow);
      this.ledgerOp(p, dest, vol, entry.index, true);
    }
    p.currentVolume = after;
    this.log.after();
  }

  dispense(pipetteId: string, volume: number | null = null, location: AnyLocationArg | null = null, rate = 1): void {
    const p = this.pip(pipetteId);
    let dest: CacheLoc;
    if (location === null) {
      if (!this.cache) {
        throw pyError(
          'RuntimeError',
          'If dispense is called without an explicit location, another method that moves to a location (such as move_to or aspirate) must previously have been called so the robot knows where it is.',
        );
      }
      dest = this.cache;
      this.checkTakesLiquid(dest, 'dispense');
    } else {
      if (location.kind === 'well') {
        const lw = this.lw(location.labwareId);
        const w = this.wellOf(lw, location.wellName);
        dest = lw.fixedTrash ? this.wellTop(lw, w) : this.wellBottom(lw, w, p.clearDisp);
      } else if (location.kind === 'location') {
        dest = this.fromTarget(location);
      } else {
        throw pyError('TypeError', `location should be a Well or Location, but it is ${this.argRepr(location)}`);
      }
      this.checkTakesLiquid(dest, 'dispense');
      this.move(p, dest);
    }
    const vol = volume ? volume : p.currentVolume;
    const flow = rate * p.flowDisp;
    const entry = this.log.before(
      'command.DISPENSE',
      'Dispensing ' + pyFloat(vol) + ' uL into ' + (dest.well ? dest.well.displayName : this.locString(dest.ref, dest.point)) + ' at ' + pyFloat(flow) + ' uL/sec',
    );
    if (!p.hasTip) throw pyError('NoTipAttachedError', 'Cannot perform DISPENSE without a tip attached');
    const dispensed = Math.min(vol, p.currentVolume);
    if (dispensed > 0) {
      this.log.advance(dispensed / flow);
      this.ledgerOp(p, dest, dispensed, entry.index, false);
    }
    p.currentVolume -= dispensed;
    if (p.currentVolume < 1e-12) p.currentVolume = 0;
    this.log.after();
  }

  /** Ledger bookkeeping for one plunger action, across the channels' wells. */
  private ledgerOp(p: Pip, dest: CacheLoc, vol: number, index: number, aspirate: boolean): void {
    const lw = dest.lw;
    const well = dest.well;
    if (!lw || !well || lw.fixedTrash || lw.isTiprack) return;
    const channels = p.spec.channels;
    if (channels === 1) {
      if (aspirate) this.ledger.aspirate(lw, well, vol, index);
      else this.ledger.dispense(lw, well, vol, index);
      return;
    }
    const col = lw.columns[well.column];
    if (lw.centerMultichannel || col.length < channels) {
      // Every channel enters the same well (reservoirs) or the column is short: all in this well.
      if (aspirate) this.ledger.aspirate(lw, well, vol * channels, index);
      else this.ledger.dispense(lw, well, vol * channels, index);
      return;
    }
    const step = col.length >= channels * 2 ? 2 : 1;
    for (let c = 0, r = well.rowInColumn; c < channels && r < col.length; c++, r += step) {
      const w = lw.wells[col[r]];
      if (aspirate) this.ledger.aspirate(lw, w, vol, index);
      else this.ledger.dispense(lw, w, vol, index);
    }
  }

  mix(pipetteId: string, repetitions: PyNum = 1, volume: number | null = null, location: AnyLocationArg | null = null, rate = 1): void {
    const p = this.pip(pipetteId);
    if (!p.hasTip) throw pyError('NoTipAttachedError', 'Pipette has no tip. Aborting mix()');
    const shown = volume ? volume : p.tipCapacity - p.currentVolume;
    this.log.before('command.MIX', `Mixing ${pyNum(repetitions)} times with a volume of ${pyFloat(shown)} ul`);
    this.aspirate(pipetteId, volume, location, rate);
    const reps = pyValue(repetitions);
    for (let i = 1; i < reps; i++) {
      this.dispense(pipetteId, volume, null, rate);
      this.aspirate(pipetteId, volume, null, rate);
    }
    this.dispense(pipetteId, volume, null, rate);
    this.log.after();
  }

  blowOut(pipetteId: string, location: AnyLocationArg | null = null): void {
    const p = this.pip(pipetteId);
    let loc: CacheLoc;
    if (location === null) {
      if (!this.cache) {
        throw pyError(
          'RuntimeError',
          'If blow out is called without an explicit location, another method that moves to a location (such as move_to or dispense) must previously have been called so the robot knows where it is.',
        );
      }
      loc = this.cache;
    } else if (location.kind === 'well') {
      const lw = this.lw(location.labwareId);
      if (lw.isTiprack) this.logMessages.push('Blow_out being performed on a tiprack. Please re-check your code');
      loc = this.wellTop(lw, this.wellOf(lw, location.wellName));
      this.move(p, loc);
    } else if (location.kind === 'location') {
      loc = this.fromTarget(location);
      this.move(p, loc);
    } else {
      throw pyError('TypeError', `location should be a Well or Location, but it is ${this.argRepr(location)}`);
    }
    const entry = this.log.before('command.BLOW_OUT', 'Blowing out at ' + this.locString(loc.ref, loc.point));
    if (!p.hasTip) throw pyError('NoTipAttachedError', 'Cannot perform BLOWOUT without a tip attached');
    this.log.advance(TIMING.blowOutS);
    // What is left in the tip ends up where the blow-out happens.
    if (p.currentVolume > 0) this.ledgerOp(p, loc, p.currentVolume, entry.index, false);
    p.currentVolume = 0;
    p.ready = false;
    this.log.after();
  }

  touchTip(
    pipetteId: string,
    location: AnyLocationArg | null = null,
    radius = 1.0,
    vOffset = -1.0,
    speed = 60.0,
  ): void {
    const p = this.pip(pipetteId);
    this.log.before('command.TOUCH_TIP', 'Touching tip');
    if (!p.hasTip) throw pyError('NoTipAttachedError', 'Pipette has no tip to touch_tip()');
    const min = this.atLeast(2, 4) ? 1 : 20;
    const s = Math.min(80, Math.max(min, speed));
    let lw: LabwareState;
    let w: WellState;
    if (location === null) {
      if (!this.cache) throw pyError('RuntimeError', 'No valid current location cache present');
      if (!this.cache.well || !this.cache.lw) {
        throw pyError('TypeError', `location should be a Well, but it is ${this.cache.lw ? this.cache.lw.displayName : this.locString(this.cache.ref, this.cache.point)}`);
      }
      lw = this.cache.lw;
      w = this.cache.well;
    } else if (location.kind === 'well') {
      lw = this.lw(location.labwareId);
      w = this.wellOf(lw, location.wellName);
    } else {
      throw pyError('TypeError', `location should be a Well, but it is ${this.argRepr(location)}`);
    }
    if (lw.touchTipDisabled) {
      this.log.after();
      return;
    }
    this.move(p, this.atLeast(2, 4) ? this.wellTop(lw, w, vOffset) : this.wellTop(lw, w));
    const halfX = ((w.diameter ?? w.xDim ?? 0) / 2) * radius;
    const halfY = ((w.diameter ?? w.yDim ?? 0) / 2) * radius;
    let path = 0;
    let at = { x: 0, y: 0 };
    for (const e of this.touchTipEdges(p, lw, w)) {
      const to = { x: e[0] * halfX, y: e[1] * halfY };
      path += Math.hypot(to.x - at.x, to.y - at.y);
      at = to;
    }
    this.log.advance(path / s);
    this.cache = this.wellTop(lw, w, vOffset);
    this.log.after();
  }

  /**
   * Edge points of `touch_tip` as unit offsets from the well centre (util.py `build_edges`):
   * right, left, back, front below 2.4; from 2.4 the centre comes between left and back, and one
   * side is skipped where the pipette's other nozzle could hit a neighbour: the left pipette in
   * the last column of labware in slot 3/6/9 or beside a module on its right skips the right edge;
   * the right pipette in the first column beside a module on its left skips the left edge.
   */
  private touchTipEdges(p: Pip, lw: LabwareState, w: WellState): [number, number][] {
    const right: [number, number] = [1, 0];
    const left: [number, number] = [-1, 0];
    const center: [number, number] = [0, 0];
    const back: [number, number] = [0, 1];
    const front: [number, number] = [0, -1];
    if (!this.atLeast(2, 4)) return [right, left, back, front];
    const lastCol = w.column === lw.columns.length - 1;
    const firstCol = w.column === 0;
    const slot = Number(lw.slot);
    const neighbour = (delta: number): boolean => {
      const sameRow = Math.floor((slot - 1) / 3) === Math.floor((slot - 1 + delta) / 3);
      const item = sameRow ? this.deck.get(String(slot + delta)) : undefined;
      return item?.kind === 'module';
    };
    if (p.mount === 'left' && lastCol && (['3', '6', '9'].includes(lw.slot) || neighbour(1))) return [left, center, back, front];
    if (p.mount === 'right' && firstCol && neighbour(-1)) return [right, center, back, front];
    return [right, left, center, back, front];
  }

  airGap(pipetteId: string, volume: number | null = null, height: number | null = null): void {
    const p = this.pip(pipetteId);
    this.log.before('command.AIR_GAP', 'Air gap');
    if (!p.hasTip) throw pyError('NoTipAttachedError', 'Pipette has no tip. Aborting air_gap');
    const h = height ?? 5;
    const c = this.cache;
    if (!c || !c.well || !c.lw) throw pyError('RuntimeError', 'No previous Well cached to perform air gap');
    this.move(p, this.wellTop(c.lw, c.well, h));
    this.aspirate(pipetteId, volume, null, 1);
    this.log.after();
  }

  moveTo(
    pipetteId: string,
    location: AnyLocationArg,
    opts: { forceDirect?: boolean; minimumZHeight?: number | null; speed?: number | null; publish?: boolean } = {},
  ): void {
    const p = this.pip(pipetteId);
    const publish = opts.publish ?? true;
    if (publish) {
      const text =
        location.kind === 'location' ? this.locString(location.ref, location.point) : this.argRepr(location);
      this.log.before('command.MOVE_TO', 'Moving to ' + text);
    }
    if (location.kind !== 'location') {
      const cls = location.kind === 'well' ? 'Well' : location.kind === 'labware' ? 'Labware' : 'object';
      throw pyError('AttributeError', `'${cls}' object has no attribute 'point'`);
    }
    this.move(p, this.fromTarget(location), opts);
    if (publish) this.log.after();
  }

  pickUpTip(pipetteId: string, location: AnyLocationArg | null = null, presses: number | null = null, increment: number | null = null): void {
    const p = this.pip(pipetteId);
    let lw: LabwareState;
    let w: WellState;
    if (location === null) {
      const found = this.findNextTip(p);
      if (!found) throw pyError('OutOfTipsError', '');
      lw = found.lw;
      w = found.well;
    } else if (location.kind === 'well') {
      lw = this.lw(location.labwareId);
      w = this.wellOf(lw, location.wellName);
    } else if (location.kind === 'location' && location.ref.kind === 'labware') {
      lw = this.lw(location.ref.labwareId);
      const t = lw.isTiprack ? nextTip(lw, p.spec.channels, null) : null;
      if (!t) throw pyError('OutOfTipsError', '');
      w = t;
    } else if (location.kind === 'location' && location.ref.kind === 'well') {
      lw = this.lw(location.ref.labwareId);
      w = this.wellOf(lw, location.ref.wellName);
    } else {
      throw pyError('TypeError', PICK_UP_TYPE_ERROR + this.argRepr(location));
    }
    if (!lw.isTiprack) throw pyError('AssertionError', `${lw.displayName} is not a tiprack`);
    this.checkTipRackMatch(p.spec, lw);
    this.log.before('command.PICK_UP_TIP', 'Picking up tip from ' + w.displayName);
    this.move(p, this.wellTop(lw, w));
    if (p.hasTip) throw pyError('TipAttachedError', 'Cannot pick up tip with a tip attached');
    const n = presses ?? p.spec.pickUpPresses;
    this.log.advance(TIMING.pickUpTipS + Math.max(0, n - 1) * 0.5 + (increment ?? 0) * 0);
    const overlap = p.spec.tipOverlap[`${lw.def.namespace}/${lw.def.parameters.loadName}/${lw.def.version}`] ?? p.spec.tipOverlap.default ?? 0;
    p.hasTip = true;
    p.currentVolume = 0;
    p.tipLength = (lw.def.parameters.tipLength ?? p.spec.fallbackTipLength) - overlap;
    p.tipCapacity = Math.min(p.spec.maxVolume, w.maxVolume);
    p.workingVolume = p.spec.maxVolume;
    p.z = w.top.z;
    useTips(lw, w, p.spec.channels, 0);
    p.lastTip = { lw, well: w };
    this.log.after();
  }

  dropTip(pipetteId: string, location: AnyLocationArg | null = null, homeAfter = true): void {
    const p = this.pip(pipetteId);
    let target: CacheLoc;
    if (location === null) {
      const trash = this.lw(p.trashId);
      target = this.wellTop(trash, trash.wells[0]);
    } else if (location.kind === 'well') {
      const lw = this.lw(location.labwareId);
      const w = this.wellOf(lw, location.wellName);
      if (lw.fixedTrash) target = this.wellTop(lw, w);
      else if (!this.atLeast(2, 2)) target = this.wellBottom(lw, w, 10);
      else {
        if (!lw.isTiprack) throw pyError('AssertionError', '');
        target = this.wellTop(lw, w, -p.spec.returnTipHeight * (lw.def.parameters.tipLength ?? 0));
      }
    } else if (location.kind === 'location') {
      if (location.ref.kind !== 'well') {
        throw pyError(
          'TypeError',
          'If a location is specified as a types.Location (for instance, as the result of a call to tiprack.wells()[0].top()) it must be a location relative to a well, since that is where a tip is dropped. The passed location, however, is in reference to ' +
            (location.ref.kind === 'none' ? 'None' : this.locString(location.ref, location.point)),
        );
      }
      target = this.fromTarget(location);
    } else {
      throw pyError('TypeError', PICK_UP_TYPE_ERROR + this.argRepr(location));
    }
    this.log.before('command.DROP_TIP', 'Dropping tip into ' + (target.well ? target.well.displayName : this.locString(target.ref, target.point)));
    this.move(p, target);
    if (!p.hasTip) throw pyError('NoTipAttachedError', 'Cannot perform DROPTIP without a tip attached');
    this.log.advance(TIMING.dropTipS + (homeAfter ? TIMING.plungerHomeS : 0));
    if (!this.atLeast(2, 2) && target.lw?.isTiprack && target.well) useTips(target.lw, target.well, p.spec.channels, 1);
    p.hasTip = false;
    p.currentVolume = 0;
    p.ready = false;
    p.tipLength = 0;
    p.tipCapacity = p.spec.maxVolume;
    p.lastTip = null;
    this.log.after();
  }

  returnTip(pipetteId: string, homeAfter = true): void {
    const p = this.pip(pipetteId);
    this.log.before('command.RETURN_TIP', 'Returning tip');
    if (!p.hasTip) this.logMessages.push('Pipette has no tip to return');
    const last = p.lastTip;
    if (!last) throw pyError('TypeError', 'Last tip location should be a Well but it is: None');
    const target = this.atLeast(2, 3)
      ? this.wellTop(last.lw, last.well, -p.spec.returnTipHeight * (last.lw.def.parameters.tipLength ?? 0))
      : this.wellBottom(last.lw, last.well, 10);
    this.dropTip(pipetteId, { kind: 'location', point: target.point, ref: target.ref }, homeAfter);
    this.log.after();
  }

  /** `pipette.home()`: logged, homes this mount's Z and plunger. */
  homePipette(pipetteId: string): void {
    const p = this.pip(pipetteId);
    this.log.before('command.HOME', `Homing pipette plunger on mount ${p.mount}`);
    this.log.advance(TIMING.homePipetteS);
    p.z = TIMING.mountHomeZ + p.spec.nozzleOffset[2] - (p.hasTip ? p.tipLength : 0);
    this.log.after();
  }

  /** `pipette.home_plunger()`: not logged. */
  homePlunger(pipetteId: string): void {
    this.pip(pipetteId);
    this.log.advance(TIMING.plungerHomeS);
  }

  // ───────────────────────────── protocol-level commands ─────────────────────────────

  /** `ctx.comment(msg)`; `msg` is the already-formatted text (the caller applies Python's `str.format`). */
  comment(msg: string): void {
    this.log.before('command.COMMENT', msg);
    this.log.after();
  }

  pause(msg: string | null = null): void {
    this.log.before('command.PAUSE', msg ? `Pausing robot operation: ${msg}` : 'Pausing robot operation');
    this.paused = true;
    this.log.after();
  }

  resume(): void {
    this.log.before('command.RESUME', 'Resuming robot operation');
    this.paused = false;
    this.log.after();
  }

  /** True after `pause()` until `resume()` (the runner decides what a pause means). */
  get isPaused(): boolean {
    return this.paused;
  }

  delay(seconds = 0, minutes = 0, msg: string | null = null): void {
    const { m, s } = delayParts(seconds, minutes);
    let text = `Delaying for ${pyInt(m)} minutes and ${pyFloat(s)} seconds`;
    if (msg) text += `. ${msg}`;
    this.log.before('command.DELAY', text);
    this.log.advance(seconds + minutes * 60);
    this.log.after();
  }

  /** `ctx.home()`: not logged; clears the location cache. */
  home(): void {
    this.log.advance(TIMING.homeAllS);
    this.cache = null;
    this.lastMount = null;
    for (const p of this.pipettes.values()) p.z = TIMING.mountHomeZ + p.spec.nozzleOffset[2] - (p.hasTip ? p.tipLength : 0);
  }

  setRailLights(on: boolean): void {
    this.railLights = on;
  }

  get railLightsOn(): boolean {
    return this.railLights;
  }

  // ───────────────────────────── modules ─────────────────────────────

  loadModule(moduleName: string, location: DeckLocation | null = null, configuration: string | null = null): ModuleInfo {
    if (configuration !== null && !this.atLeast(2, 4)) {
      throw pyError(
        'APIVersionError',
        `You have specified API ${this.apiLevel[0]}.${this.apiLevel[1]}, but you areusing thermocycler parameters only available in 2.4`,
      );
    }
    const model = this.defs.resolveModule(moduleName);
    if (!model) throw pyError('ValueError', this.defs.moduleNameError(moduleName));
    const v2 = this.defs.module(model, false);
    if (!v2) throw pyError('ValueError', this.defs.moduleNameError(moduleName));
    let slot: string;
    if (location === null) {
      if (model !== 'thermocyclerModuleV1') {
        throw pyError('AssertionError', `${v2.typeDisplay}s do not have default location, you must specify a slot`);
      }
      slot = '7';
    } else {
      const key = typeof location === 'number' ? String(location) : location;
      const s = this.defs.slots().get(/^\d+$/.test(key) ? String(Number(key)) : key);
      if (!s) {
        throw pyError(
          'ValueError',
          `slot ${key} could not be found,valid deck slots are: [${[...this.defs.slots().keys()].map((k) => `'${k}'`).join(', ')}]`,
        );
      }
      if (!s.compatibleModuleTypes.includes(v2.type)) {
        throw pyError('AssertionError', `A ${v2.typeDisplay} cannot be loaded into slot ${key}`);
      }
      slot = s.id;
    }
    const useV1 = !this.atLeast(2, 3);
    const spec = this.defs.module(model, useV1);
    if (!spec) {
      throw pyError(
        'NoSuchModuleError',
        `API version ${this.apiLevel[0]}.${this.apiLevel[1]} does not support the module ${v2.displayName}. Please use at least version 2.3 to use this module.`,
      );
    }
    let config: 'full' | 'semi' | null = null;
    if (configuration !== null) {
      const c = configuration.toLowerCase();
      if (c !== 'full' && c !== 'semi') throw pyError('AttributeError', `${configuration} not available`);
      config = model === 'thermocyclerModuleV1' ? c : null;
    }
    const displayName = `${spec.displayName} on ${slot}`;
    const covering = model === 'thermocyclerModuleV1' ? (config === 'semi' ? ['7', '10'] : ['7', '8', '10', '11']) : [slot];
    const existing = this.deck.get(slot);
    if (existing) throw pyError('ValueError', `Deck location ${slot} already  has an item: ${this.itemRepr(existing)}`);
    for (const s of covering) {
      const tc = this.coveredBy(s);
      if (tc) throw pyError('ValueError', `Could not load ${displayName} as deck location ${slot} is obscured by ${tc.displayName}`);
    }
    let off = { ...spec.labwareOffset };
    const xf = spec.slotXTransform[slot];
    if (xf && !useV1) off = { ...off, x: xf[0] * off.x + xf[1] };
    if (config === 'semi') off = { ...off, x: off.x - 23.28 };
    const id = this.newId('module');
    const isTc = model === 'thermocyclerModuleV1';
    const info: ModuleInfo = {
      moduleId: id,
      model,
      type: spec.type,
      slot,
      displayName,
      contextClass: spec.type === 'magneticModuleType' ? 'MagneticModuleContext' : spec.type === 'temperatureModuleType' ? 'TemperatureModuleContext' : 'ThermocyclerContext',
      labwareOffset: off,
      configuration: config,
    };
    const mod: Mod = {
      id,
      model,
      spec,
      slot,
      displayName,
      configuration: config,
      labwareId: null,
      info,
      temperature: isTc ? TIMING.ambientC : 0,
      target: null,
      physTemp: TIMING.ambientC,
      reachAt: 0,
      height: 0,
      lid: 'open',
      lidTemp: TIMING.ambientC,
      lidTarget: null,
      lidPhys: TIMING.ambientC,
      holdTime: null,
      totalCycleCount: null,
      totalStepCount: null,
    };
    this.modules.set(id, mod);
    this.deck.set(slot, { kind: 'module', mod });
    this.highestZCache = null;
    return info;
  }

  private mod(moduleId: string): Mod {
    const m = this.modules.get(moduleId);
    if (!m) throw keyError(moduleId);
    return m;
  }

  moduleInfo(moduleId: string): ModuleInfo {
    return this.mod(moduleId).info;
  }

  /** The labware on a module, or null. */
  moduleLabware(moduleId: string): string | null {
    return this.mod(moduleId).labwareId;
  }

  /** `ctx.loaded_modules`: in load order. */
  loadedModules(): { slot: number; moduleId: string }[] {
    return [...this.modules.values()].map((m) => ({ slot: Number(m.slot), moduleId: m.id }));
  }

  moduleState(moduleId: string): ModuleState {
    const m = this.mod(moduleId);
    if (m.spec.type === 'temperatureModuleType') {
      const status =
        m.target === null ? 'idle' : Math.abs(m.temperature - m.target) <= 0.7 ? 'holding at target' : m.temperature < m.target ? 'heating' : 'cooling';
      return { kind: 'temperature', temperature: m.temperature, target: m.target, status };
    }
    if (m.spec.type === 'magneticModuleType') {
      return { kind: 'magnetic', height: m.height, status: m.height > 0 ? 'engaged' : 'disengaged' };
    }
    return {
      kind: 'thermocycler',
      lidPosition: m.lid,
      blockTemperature: m.temperature,
      blockTarget: m.target,
      lidTemperature: m.lidTemp,
      lidTarget: m.lidTarget,
      holdTime: m.holdTime,
      totalCycleCount: m.totalCycleCount,
      currentCycleIndex: m.totalCycleCount,
      totalStepCount: m.totalStepCount,
      currentStepIndex: m.totalStepCount,
    };
  }

  private expect(moduleId: string, type: ModuleSpec['type']): Mod {
    const m = this.mod(moduleId);
    if (m.spec.type !== type) {
      const [name, cls] =
        type === 'magneticModuleType'
          ? ['Magnetic Module', 'MagneticModuleContext']
          : type === 'temperatureModuleType'
            ? ['Temperature Module', 'TemperatureModuleContext']
            : ['Thermocycler Module', 'ThermocyclerContext'];
      throw pyError('RuntimeError', `${name} does not match ${cls} interface`);
    }
    return m;
  }

  /** Starts a modeled ramp of the block / temperature module to `target`; returns its duration. */
  private ramp(m: Mod, target: number, heat: number, cool: number): number {
    const now = this.log.clock;
    const from = now >= m.reachAt ? m.physTemp : m.physTemp; // the previous ramp is taken as done
    const dt = target >= from ? (target - from) / heat : (from - target) / cool;
    m.physTemp = target;
    m.reachAt = now + dt;
    return dt;
  }

  private waitUntil(t: number): void {
    const dt = t - this.log.clock;
    if (dt > 0) this.log.advance(dt);
  }

  /** Temperature module `set_temperature` (blocking) or `start_set_temperature` (`wait=false`, 2.3). */
  temperatureSetTemperature(moduleId: string, celsius: number, wait = true): void {
    const m = this.expect(moduleId, 'temperatureModuleType');
    this.log.before(
      'command.TEMPDECK_SET_TEMP',
      `Setting Temperature Module temperature to ${pyFloat(pyRound(celsius, 0))} °C (rounded off to nearest integer)`,
    );
    if (!wait) this.requireVersion('TemperatureModuleContext.start_set_temperature', 2, 3);
    this.ramp(m, celsius, TIMING.tempModuleHeatRate, TIMING.tempModuleCoolRate);
    m.target = celsius;
    m.temperature = celsius;
    if (wait) this.waitUntil(m.reachAt);
    this.log.after();
  }

  temperatureAwait(moduleId: string, celsius: number): void {
    const m = this.expect(moduleId, 'temperatureModuleType');
    this.log.before(
      'command.TEMPDECK_AWAIT_TEMP',
      `Waiting for Temperature Module to reach temperature ${pyFloat(pyRound(celsius, 0))} °C (rounded off to nearest integer)`,
    );
    this.requireVersion('TemperatureModuleContext.await_temperature', 2, 3);
    this.waitUntil(m.reachAt);
    this.log.after();
  }

  temperatureDeactivate(moduleId: string): void {
    const m = this.expect(moduleId, 'temperatureModuleType');
    this.log.before('command.TEMPDECK_DEACTIVATE', 'Deactivating Temperature Module');
    m.target = null;
    m.temperature = TIMING.ambientC;
    m.physTemp = TIMING.ambientC;
    m.reachAt = this.log.clock;
    this.log.after();
  }

  /** Magnetic module `engage(height, offset, height_from_base)` (spec §9.4). */
  magneticEngage(moduleId: string, opts: { height?: number | null; offset?: number | null; heightFromBase?: number | null } = {}): void {
    const m = this.expect(moduleId, 'magneticModuleType');
    this.log.before('command.MAGDECK_ENGAGE', 'Engaging Magnetic Module');
    const gen2 = m.model === 'magneticModuleV2';
    let h: number;
    if (opts.height != null) h = opts.height;
    else if (opts.heightFromBase != null && this.atLeast(2, 2)) h = opts.heightFromBase + (gen2 ? 2.5 : 5);
    else {
      const lw = m.labwareId ? this.labware.get(m.labwareId) : undefined;
      const p = lw?.def.parameters;
      const eh = p && p.isMagneticModuleCompatible === true && typeof p.magneticModuleEngageHeight === 'number' ? p.magneticModuleEngageHeight : null;
      if (eh === null) {
        throw pyError(
          'ValueError',
          `Currently loaded labware ${lw?.displayName ?? 'None'} does not have a known engage height; please specify explicitly with the height param`,
        );
      }
      h = eh;
      if (this.atLeast(2, 3) && lw) {
        const mm = ['biorad_96_wellplate_200ul_pcr', 'nest_96_wellplate_100ul_pcr_full_skirt', 'usascientific_96_wellplate_2.4ml_deep'].includes(
          lw.def.parameters.loadName,
        );
        if (!gen2 && !mm) h = h * 2;
        if (gen2 && mm) h = h / 2;
      }
      if (opts.offset) h += opts.offset;
    }
    const max = gen2 ? 25 : 45;
    if (!(h >= 0 && h <= max)) {
      throw pyError('ValueError', `Invalid engage height for ${m.model}: ${pyNumLoose(h)} mm. Must be 0 - ${max} mm`);
    }
    m.height = h;
    this.log.advance(TIMING.magnetMoveS);
    this.log.after();
  }

  magneticDisengage(moduleId: string): void {
    const m = this.expect(moduleId, 'magneticModuleType');
    this.log.before('command.MAGDECK_DISENGAGE', 'Disengaging Magnetic Module');
    m.height = 0;
    this.log.advance(TIMING.magnetMoveS);
    this.log.after();
  }

  magneticCalibrate(moduleId: string): void {
    this.expect(moduleId, 'magneticModuleType');
    this.log.before('command.MAGDECK_CALIBRATE', 'Calibrating Magnetic Module');
    this.log.advance(TIMING.magnetMoveS * 2);
    this.log.after();
  }

  /** Before a lid move the first loaded pipette retracts and moves above the trash (published). */
  private tcClearanceMove(): void {
    const p = this.byMount.left ?? this.byMount.right;
    if (!p) {
      this.logMessages.push('Cannot assure a safe gantry position to avoid colliding with the lid of the Thermocycler Module.');
      return;
    }
    const trash = this.labware.get('fixedTrash') ?? this.lw(this.fixedTrash());
    const top = trash.wells[0].top;
    const z = TIMING.mountHomeZ + p.spec.nozzleOffset[2] - (p.hasTip ? p.tipLength : 0);
    const point = { x: top.x, y: top.y, z };
    this.log.before('command.MOVE_TO', `Moving to (${pyFloat(point.x)}, ${pyFloat(point.y)}, ${pyFloat(point.z)})`);
    const dx = point.x - this.gantry.x;
    const dy = point.y - this.gantry.y;
    this.log.advance(Math.max(0, z - p.z) / TIMING.zSpeed + Math.sqrt(dx * dx + dy * dy) / p.defaultSpeed);
    this.gantry = point;
    p.z = z;
    this.cache = { point, ref: { kind: 'none' }, lw: null, well: null };
    this.lastMount = p.mount;
    this.log.after();
  }

  thermocyclerOpenLid(moduleId: string): 'open' {
    const m = this.expect(moduleId, 'thermocyclerModuleType');
    this.log.before('command.THERMOCYCLER_OPEN', 'Opening Thermocycler lid');
    this.tcClearanceMove();
    m.lid = 'open';
    this.log.advance(TIMING.tcLidMoveS);
    this.log.after();
    return 'open';
  }

  thermocyclerCloseLid(moduleId: string): 'closed' {
    const m = this.expect(moduleId, 'thermocyclerModuleType');
    this.log.before('command.THERMOCYCLER_CLOSE', 'Closing Thermocycler lid');
    this.tcClearanceMove();
    m.lid = 'closed';
    this.log.advance(TIMING.tcLidMoveS);
    this.log.after();
    return 'closed';
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
    const m = this.expect(moduleId, 'thermocyclerModuleType');
    let text = `Setting Thermocycler well block temperature to ${pyFloat(pyRound(temperature, 2))} °C`;
    const sec = holdTimeSeconds === null ? 0 : pyValue(holdTimeSeconds);
    const min = holdTimeMinutes === null ? 0 : pyValue(holdTimeMinutes);
    if (sec || min) {
      // Python arithmetic: total = (s or 0) + (m or 0) * 60; s = total % 60; m = (total - s) / 60.
      const secF = sec !== 0 && holdTimeSeconds !== null && isFloatNum(holdTimeSeconds);
      const minF = min !== 0 && holdTimeMinutes !== null && isFloatNum(holdTimeMinutes);
      const total = sec + min * 60;
      const totalIsFloat = secF || minF;
      const s = pyMod(total, 60);
      const mm = (total - s) / 60;
      text += ' with a hold time of ';
      if (mm > 0) text += `${pyFloat(mm)} minutes and `;
      text += `${totalIsFloat ? pyFloat(s) : pyInt(s)} seconds`;
    }
    this.log.before('command.THERMOCYCLER_SET_BLOCK_TEMP', text);
    const ramp = this.ramp(m, temperature, rampRate ?? TIMING.tcBlockHeatRate, rampRate ?? TIMING.tcBlockCoolRate);
    m.target = temperature;
    m.temperature = temperature;
    const hold = sec + min * 60;
    m.holdTime = hold || null;
    this.log.advance(ramp + hold);
    this.log.after();
  }

  thermocyclerSetLidTemperature(moduleId: string, temperature: number): void {
    const m = this.expect(moduleId, 'thermocyclerModuleType');
    this.log.before('command.THERMOCYCLER_SET_LID_TEMP', `Setting Thermocycler lid temperature to ${pyFloat(pyRound(temperature, 2))} °C`);
    const from = m.lidPhys;
    const dt = temperature >= from ? (temperature - from) / TIMING.tcLidHeatRate : (from - temperature) / TIMING.tcLidCoolRate;
    m.lidPhys = temperature;
    m.lidTarget = temperature;
    m.lidTemp = temperature;
    this.log.advance(dt);
    this.log.after();
  }

  /**
   * `execute_profile(steps, repetitions, block_max_volume)`. `stepsRepr` is Python's `str(steps)`
   * when the caller has it (the Python layer); otherwise it is built from `steps`.
   */
  thermocyclerExecuteProfile(moduleId: string, steps: readonly ProfileStep[], repetitions: PyNum, stepsRepr: string | null = null): void {
    const m = this.expect(moduleId, 'thermocyclerModuleType');
    this.log.before(
      'command.THERMOCYCLER_EXECUTE_PROFILE',
      `Thermocycler starting ${pyNum(repetitions)} repetitions of cycle composed of the following steps: ${stepsRepr ?? pyRepr(steps)}`,
    );
    const reps = pyValue(repetitions);
    if (reps <= 0) throw pyError('ValueError', 'repetitions must be a positive integer');
    for (const s of steps) {
      if (s.temperature === undefined || s.temperature === null) {
        throw pyError('ValueError', 'temperature must be defined for each step in cycle');
      }
      if (s.hold_time_minutes == null && s.hold_time_seconds == null) {
        throw pyError('ValueError', 'either hold_time_minutes or hold_time_seconds must bedefined for each step in cycle');
      }
    }
    let t = 0;
    for (let r = 0; r < reps; r++) {
      for (const s of steps) {
        const temp = s.temperature as number;
        t += this.ramp(m, temp, s.ramp_rate ?? TIMING.tcBlockHeatRate, s.ramp_rate ?? TIMING.tcBlockCoolRate);
        t += (s.hold_time_seconds ?? 0) + (s.hold_time_minutes ?? 0) * 60;
        m.target = temp;
        m.temperature = temp;
      }
    }
    m.totalCycleCount = reps;
    m.totalStepCount = steps.length;
    this.log.advance(t);
    this.log.after();
  }

  thermocyclerDeactivateLid(moduleId: string): void {
    const m = this.expect(moduleId, 'thermocyclerModuleType');
    this.log.before('command.THERMOCYCLER_DEACTIVATE_LID', 'Deactivating Thermocycler lid heating');
    m.lidTarget = null;
    m.lidTemp = TIMING.ambientC;
    m.lidPhys = TIMING.ambientC;
    this.log.after();
  }

  thermocyclerDeactivateBlock(moduleId: string): void {
    const m = this.expect(moduleId, 'thermocyclerModuleType');
    this.log.before('command.THERMOCYCLER_DEACTIVATE_BLOCK', 'Deactivating Thermocycler well block heating');
    m.target = null;
    m.temperature = TIMING.ambientC;
    m.physTemp = TIMING.ambientC;
    m.holdTime = null;
    this.log.after();
  }

  thermocyclerDeactivate(moduleId: string): void {
    const m = this.expect(moduleId, 'thermocyclerModuleType');
    this.log.before('command.THERMOCYCLER_DEACTIVATE', 'Deactivating Thermocycler');
    m.target = null;
    m.temperature = TIMING.ambientC;
    m.physTemp = TIMING.ambientC;
    m.lidTarget = null;
    m.lidTemp = TIMING.ambientC;
    m.lidPhys = TIMING.ambientC;
    m.holdTime = null;
    this.log.after();
  }

  // ───────────────────────────── results ─────────────────────────────

  /** Required equipment in the original's shape (http-api.md §2.1). */
  requiredEquipment(): RequiredEquipment {
    const pipettes = this.loadedInstruments().map(({ mount, pipetteId }) => {
      const p = this.pip(pipetteId);
      return { mount, requestedAs: p.requestedAs, pipetteName: p.spec.name, channels: p.spec.channels };
    });
    const labware = this.loadedLabwares().map(({ slot, labwareId }) => {
      const lw = this.lw(labwareId);
      const d = lw.def;
      return {
        label: lw.label ?? d.parameters.loadName,
        uri: `${d.namespace}/${d.parameters.loadName}/${d.version}`,
        location: slot,
      };
    });
    const modules = [...this.modules.values()]
      .map((m) => ({ type: m.spec.type, model: m.model, location: Number(m.slot) }))
      .sort((a, b) => a.location - b.location);
    return { pipettes, labware, modules };
  }

  get liquidWarnings(): readonly LiquidWarning[] {
    return this.ledger.warnings;
  }

  liquidSummary(): WellLiquidSummary[] {
    return this.ledger.summary();
  }
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function isFloatNum(n: PyNum): boolean {
  return typeof n !== 'number' || !Number.isInteger(n);
}

/** Python's `%` for floats (sign follows the divisor). */
function pyMod(a: number, b: number): number {
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

function pyNumLoose(x: number): string {
  return Number.isInteger(x) ? pyInt(x) : pyFloat(x);
}

export { ProtocolApiError };
