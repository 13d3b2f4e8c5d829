// The engine's public data shapes: everything that crosses the JS↔Python bridge is plain data.
// Ids name loaded things (labware, pipettes, modules); geometry is in deck millimetres.
import type { LabwareDefinition, ModuleModel, ModuleType, MountName, Point } from '../common/index.ts';

export type { LabwareDefinition, ModuleModel, ModuleType, MountName, Point, WellDefinition } from '../common/index.ts';

/**
 * A number whose Python type shows in run-log text. A plain JS number is a Python `int` when it is
 * integral and a `float` otherwise; `{ float: 2 }` is the Python float `2.0`.
 */
export type PyNum = number | { readonly float: number };

/** What a `Location`'s labware part refers to (opentrons.types.Location / LabwareLike). */
export type LocationRef =
  | { kind: 'well'; labwareId: string; wellName: string }
  | { kind: 'labware'; labwareId: string }
  | { kind: 'slot'; slot: string }
  /** `context`: Python's `str()` of a module context (7.5.0 prints it; a module geometry has none). */
  | { kind: 'module'; moduleId: string; context?: string }
  /** `text` is Python's `str(point)` when the caller has it (ints print without `.0`). */
  | { kind: 'none'; text?: string };

/** A Python `Location(point, labware)`. */
export interface LocationArg {
  kind: 'location';
  point: Point;
  ref: LocationRef;
}

/** A Python `Well` passed as a location (differs from `well.bottom()`: defaults apply). */
export interface WellArg {
  kind: 'well';
  labwareId: string;
  wellName: string;
}

/** A Python `Labware` object passed where the API accepts one (e.g. `pick_up_tip(rack)` fails). */
export interface LabwareArg {
  kind: 'labware';
  labwareId: string;
}

/** Anything else a protocol passed (a string, a number...): only its Python `str()` is needed. */
export interface OtherArg {
  kind: 'other';
  /** Python `str()` of the value, used in TypeError messages. */
  repr: string;
}

export type Target = LocationArg | WellArg;
export type AnyLocationArg = LocationArg | WellArg | LabwareArg | OtherArg;

/** Slot as the protocol gave it: `1`, `'1'`, `12`... */
export type DeckLocation = number | string;

export interface WellInfo {
  name: string;
  /** Top centre, bottom centre and centre in deck coordinates. */
  top: Point;
  bottom: Point;
  center: Point;
  depth: number;
  shape: 'circular' | 'rectangular';
  diameter: number | null;
  /** xDimension / yDimension for rectangular wells, else null. */
  length: number | null;
  width: number | null;
  maxVolume: number;
  /** `{well} of {labware display name}`. */
  displayName: string;
}

export interface LabwareInfo {
  labwareId: string;
  /** `{label or displayName} on {parent}` — the run-log name. */
  displayName: string;
  /** `name`: the label if given, else the load name. */
  name: string;
  label: string | null;
  loadName: string;
  namespace: string;
  version: number;
  uri: string;
  /** Slot string of the deck position (module's slot for labware on a module). */
  slot: string;
  /** Module the labware sits on, if any. */
  moduleId: string | null;
  /** Python `parent` display: the slot string, or the module's display string. */
  parentDisplay: string;
  parameters: Record<string, unknown>;
  quirks: string[];
  isTiprack: boolean;
  tipLength: number | null;
  magdeckEngageHeight: number | null;
  highestZ: number;
  /** Origin (front-left-bottom corner) in deck coordinates. */
  origin: Point;
  /** Well names in definition order (column by column). */
  wellNames: string[];
  /** Names grouped like `rows()` / `columns()` (rows sorted by letter, columns by number). */
  rows: string[][];
  columns: string[][];
  wells: WellInfo[];
  /** The whole definition, for `Labware._definition`-style reads. */
  definition: LabwareDefinition;
}

export interface PipetteInfo {
  pipetteId: string;
  mount: MountName;
  name: string;
  model: string;
  requestedAs: string;
  channels: number;
  type: 'single' | 'multi';
  displayName: string;
  minVolume: number;
  maxVolume: number;
  returnTipHeight: number;
  tipRackIds: string[];
  trashId: string;
}

/** Live pipette state for property reads (`current_volume`, `has_tip`, flow rates, ...). */
export interface PipetteState {
  currentVolume: number;
  hasTip: boolean;
  /** Working volume for the attached tip (pipette max without a tip). */
  workingVolume: number;
  availableVolume: number;
  flowRate: { aspirate: number; dispense: number; blowOut: number };
  /** Plunger speeds in mm/s matching the flow rates. */
  speed: { aspirate: number; dispense: number; blowOut: number };
  wellBottomClearance: { aspirate: number; dispense: number };
  defaultSpeed: number;
  startingTip: { labwareId: string; wellName: string } | null;
  tipRackIds: string[];
  trashId: string;
  lastTipPickedUpFrom: { labwareId: string; wellName: string } | null;
  tipLength: number;
  readyToAspirate: boolean;
}

export interface ModuleInfo {
  moduleId: string;
  model: ModuleModel;
  type: ModuleType;
  slot: string;
  /** `{Module display name} on {slot}` as of the protocol's apiLevel. */
  displayName: string;
  /** The class name of the Python context: TemperatureModuleContext, MagneticModuleContext, ThermocyclerContext. */
  contextClass: 'TemperatureModuleContext' | 'MagneticModuleContext' | 'ThermocyclerContext' | 'HeaterShakerContext';
  labwareOffset: Point;
  configuration: 'full' | 'semi' | null;
}

export type ModuleState =
  | {
      kind: 'temperature';
      temperature: number;
      target: number | null;
      status: 'holding at target' | 'cooling' | 'heating' | 'idle';
    }
  | { kind: 'magnetic'; height: number; status: 'engaged' | 'disengaged' }
  | {
      kind: 'thermocycler';
      lidPosition: 'open' | 'closed';
      blockTemperature: number;
      blockTarget: number | null;
      lidTemperature: number;
      lidTarget: number | null;
      holdTime: number | null;
      totalCycleCount: number | null;
      currentCycleIndex: number | null;
      totalStepCount: number | null;
      currentStepIndex: number | null;
    }
  | {
      kind: 'heaterShaker';
      currentTemperature: number;
      targetTemperature: number | null;
      currentSpeed: number;
      targetSpeed: number | null;
      temperatureStatus: 'holding at target' | 'cooling' | 'heating' | 'idle';
      speedStatus: 'holding at target' | 'idle';
      labwareLatchStatus: 'idle_open' | 'idle_closed' | 'idle_unknown';
    };

/** One thermocycler profile step as `execute_profile` takes it. */
export interface ProfileStep {
  temperature?: number;
  hold_time_seconds?: number;
  hold_time_minutes?: number;
  ramp_rate?: number;
}

export interface EngineOptions {
  /** `"2.8"` or `[2, 8]`. */
  apiLevel: string | readonly [number, number];
  definitions: import('../definitions/index.ts').DefinitionsSource;
  /** Custom labware supplied with the upload, searched before the standard set. */
  customLabware?: readonly LabwareDefinition[];
  /** The lab's labware library, searched after the standard set. */
  labwareLibrary?: readonly LabwareDefinition[];
  /** `ctx.is_simulating()`. */
  isSimulating?: boolean;
  /** Keep each command's hardware actions (runs hand them to a RobotBackend; analyses need not). */
  recordHardwareActions?: boolean;
  /** Keep every state update, in order, and each command's with its record (tests replay them). */
  recordStateUpdates?: boolean;
  /**
   * JSON protocols of schemas 6–8: loads keep the ids the protocol gives, and commands in the
   * Protocol Engine's form report its errors and results (see src/engine/protocol-engine.ts).
   */
  protocolEngine?: boolean;
  /** The fixed trash in slot 12 as labware `fixedTrash` before anything runs (default true; JSON schema 8: false). */
  preloadFixedTrash?: boolean;
  /** The protocol's liquids (JSON v6–8 `liquids`), which `loadLiquid` may name. */
  liquids?: readonly EngineLiquid[];
}

/** A liquid a protocol declares (JSON v6–8). */
export interface EngineLiquid {
  id: string;
  displayName: string;
  description: string;
  displayColor: string | null;
}
