// The shapes every part of Labwright agrees on: what an analysis of a protocol produces and what a
// run reports. The HTTP layer, the CLI, the JSON runner and the Python sandbox all speak these,
// and everything here is plain data so it can cross a worker or process boundary unchanged.

import type { LabwareDefinition, MountName } from './definitions.ts';

export type ProtocolType = 'python' | 'json';

/** One uploaded file: its base name (no directories) and its bytes. */
export interface ProtocolFileData {
  readonly name: string;
  readonly data: Uint8Array;
}

/** A protocol as uploaded: the main file plus its support files (data, .py modules, labware). */
export interface ProtocolBundle {
  readonly protocolFile: ProtocolFileData;
  readonly supportFiles: readonly ProtocolFileData[];
  /**
   * The lab's labware library at the time of execution: searched after the protocol's own
   * definitions and the standard set. Absent: an empty library.
   */
  readonly labwareLibrary?: readonly LabwareDefinition[];
  /**
   * Runtime-parameter values the lab chose (`{variableName: value}`, beyond the original's upload):
   * used instead of the defaults. Absent or empty: every parameter has its default.
   */
  readonly runTimeParameterValues?: RunTimeParameterValues;
}

/** A runtime parameter's value as JSON carries it (a Python int, float, bool or str). */
export type RunTimeParameterValue = number | boolean | string;

/** Values given for a protocol's runtime parameters, by variable name. */
export type RunTimeParameterValues = Readonly<Record<string, RunTimeParameterValue>>;

/**
 * One runtime parameter a protocol defined (apiLevel 2.18's `add_parameters`), in robot-server 7's
 * `runTimeParameters` shape: a number parameter has `min`/`max` (and its values as floats), a
 * parameter with choices has `choices`, a bool parameter neither.
 */
export interface RunTimeParameter {
  displayName: string;
  variableName: string;
  description: string | null;
  /** The unit of a number parameter. */
  suffix: string | null;
  type: 'int' | 'float' | 'bool' | 'str';
  min?: number;
  max?: number;
  choices?: { displayName: string; value: RunTimeParameterValue }[];
  /** The value the analysis used: the lab's, else the default. */
  value: RunTimeParameterValue;
  default: RunTimeParameterValue;
}

/** Where a custom labware an execution loaded came from (beyond the original). */
export type CustomLabwareSource = 'protocol' | 'library';

/** One custom (non-`opentrons`) labware definition an execution loaded, and how it was asked for. */
export interface CustomLabwareUse {
  uri: string;
  /** `protocol`: a support file or a JSON protocol's own definitions; `library`: the lab's library. */
  source: CustomLabwareSource;
  /** The request as the protocol made it (null where it gave none), to tell later what it would find. */
  requested: { loadName: string; namespace: string | null; version: number | null };
  /** SHA-256 of the library definition's canonical JSON (library definitions; set by the caller that supplied the library). */
  sha256?: string;
}

/** `metadata` of the HTTP protocol resource (http-api.md §2.1): all three keys always present. */
export interface ProtocolMetadata {
  name: string | null;
  author: string | null;
  apiLevel: string | null;
}

export interface PipetteRequirement {
  mount: MountName;
  requestedAs: string;
  pipetteName: string;
  channels: number;
}

/**
 * What a labware stands on (apiLevel ≥ 2.15): a module, named by its model, or another labware
 * (an adapter, a stack), named by the label and URI of that labware's own requirement.
 */
export type StandsOn = { kind: 'module'; model: string } | { kind: 'labware'; label: string; uri: string };

export interface LabwareRequirement {
  label: string;
  uri: string;
  /** Slot number; labware on a module, an adapter or another labware reports that slot. */
  location: number;
  /** From 2.15, for labware that does not stand on the deck itself. */
  on?: StandsOn;
}

export interface ModuleRequirement {
  type: string;
  model: string;
  location: number;
}

export interface RequiredEquipment {
  pipettes: PipetteRequirement[];
  labware: LabwareRequirement[];
  modules: ModuleRequirement[];
}

/**
 * An analysis or run error in the original's shape (http-api.md §2.7). `lineNumber` and
 * `fileName` are omitted (not null) where the original omits them.
 */
export interface ProtocolErrorInfo {
  type: string;
  description: string;
  lineNumber?: number | null;
  fileName?: string | null;
}

/**
 * An error as robot software 7 reports it (an "error occurrence" without the id and time its
 * rendering adds): the error's class, its code in the Protocol Engine's catalogue (`"4000"`), its
 * text, details (`{class, args, traceback}` for a `PythonException`) and the errors it wraps.
 */
export interface ErrorTree {
  errorType: string;
  errorCode: string;
  detail: string;
  errorInfo: Record<string, unknown>;
  wrappedErrors: ErrorTree[];
}

/** One run-log entry, as the original's simulator records it, plus Labwright's extras. */
export interface RunLogEntry {
  /** Position in the run log, from 0. */
  index: number;
  /** Nesting depth: 0 for top-level commands, 1 for commands issued by another command, ... */
  level: number;
  /** The exact text of the original (python-protocol-api.md §10). */
  text: string;
  /** The original's command name, e.g. `command.ASPIRATE`. */
  name: string;
  /** Line in the protocol file that issued it (Python protocols; beyond the original). */
  line?: number | null;
  /** Modeled time at which the command starts, seconds from the start of the run. */
  startS: number;
  /** Modeled duration of the command itself (excluding nested commands), seconds. */
  durationS: number;
  /**
   * Records of the original's `opentrons` logger that `opentrons_simulate` prints under this
   * entry (robot software 7.5.0, apiLevel ≥ 2.12; absent when there are none).
   */
  logs?: LogRecord[];
}

/** A logger record as robot software 7.5.0's simulator prints it: `{level} ({module}): {message}`. */
export interface LogRecord {
  level: 'WARNING';
  /** The Python module that logged it (`instrument`, `legacy_module_core`, `command_executor`, …). */
  module: string;
  message: string;
}

export type LiquidWarningKind =
  | 'aspirate-more-than-well-holds'
  | 'dispense-over-well-capacity'
  | 'aspirate-over-tip-capacity';

/** A liquid-ledger warning (beyond the original; never an error). */
export interface LiquidWarning {
  kind: LiquidWarningKind;
  /** Index of the run-log entry that caused it. */
  commandIndex: number;
  message: string;
  /** e.g. `A1 of Corning 96 Well Plate 360 µL Flat on 1`, when a well is involved. */
  well?: string;
}

/** Per-well summary of the liquid ledger (beyond the original). */
export interface WellLiquidSummary {
  labware: string;
  slot: string;
  well: string;
  volumeIn: number;
  volumeOut: number;
  /** Net volume at the end, when the well's starting content is known (else null). */
  finalVolume: number | null;
  capacity: number;
}

/** One well's liquid movements in order, from the ledger (beyond the original). */
export interface WellLiquidHistory {
  slot: string;
  well: string;
  events: {
    /** Index of the run-log entry (the aspirate or dispense). */
    commandIndex: number;
    /** µL in (positive) or out (negative). */
    change: number;
    /** Content after the event, when the well's starting content is known (else null). */
    volume: number | null;
  }[];
}

export interface Analysis {
  ok: boolean;
  protocolType: ProtocolType;
  metadata: ProtocolMetadata;
  /** The protocol's own metadata object (Python: the literal dict; JSON: the `metadata` object). */
  rawMetadata: Record<string, unknown> | null;
  requiredEquipment: RequiredEquipment;
  errors: ProtocolErrorInfo[];
  warnings: LiquidWarning[];
  commandCount: number;
  estimatedDurationSeconds: number;
  runLog: RunLogEntry[];
  liquids: WellLiquidSummary[];
  /** Every well's movements in order (absent in analyses stored before it existed). */
  liquidHistory?: WellLiquidHistory[];
  /** Custom labware loaded and where each came from (absent in analyses stored before it existed). */
  customLabware?: CustomLabwareUse[];
  /** The engine's commands in execution order (absent in analyses stored before it existed). */
  commands?: AnalysisCommand[];
  /**
   * Python protocols: the errors as robot software 7 reports them in an analysis (spec Part D:
   * at apiLevel ≥ 2.14 the three shapes of D.2, below one ExceptionInProtocolError; none up to
   * 2.11). Absent for JSON protocols and analyses stored before it existed.
   */
  errorOccurrences?: ErrorTree[];
  /** The runtime parameters the protocol defined, with the values used (absent in analyses stored before it existed). */
  runTimeParameters?: RunTimeParameter[];
  /**
   * True when the runtime-parameter values given with the bundle were refused (a name the protocol
   * does not define, a wrong type, out of range, not a choice); `errors` holds why.
   */
  runTimeParameterValuesRefused?: boolean;
  /** JSON protocols of schemas 6–8: what robot-server 7 reports beside the commands (absent otherwise). */
  engineRun?: EngineRunReport;
  /**
   * False when another execution of the same files may give another analysis: the protocol read
   * the clock or randomness, or a limit of the sandbox stopped it. Absent: reproducible.
   */
  reproducible?: boolean;
}

/** What the Protocol Engine held at the end of a JSON v6–8 analysis, in robot-server 7's shapes. */
export interface EngineEquipment {
  labware: { id: string; loadName: string; definitionUri: string; location: Record<string, unknown> | 'offDeck'; offsetId: null; displayName: string | null }[];
  pipettes: { id: string; pipetteName: string; mount: string }[];
  modules: { id: string; model: string; location: { slotName: string }; serialNumber: string }[];
  liquids: { id: string; displayName: string; description: string; displayColor: string | null }[];
}

export interface EngineRunReport {
  schemaVersion: number;
  equipment: EngineEquipment;
  /**
   * `internal-error` when the protocol failed before any command ran (its commands could not be
   * translated): robot-server 7 reports that error under this id, with no commands and no equipment.
   */
  errorId: 'internal-error' | null;
}

/** One executed engine command as an analysis keeps it (plain data; see docs/commands.md). */
export interface AnalysisCommand {
  /** `command-<n>` in execution order. */
  id: string;
  /** The protocol's key for the command (JSON v6–8); absent: the id serves. */
  key?: string;
  commandType: string;
  params: Record<string, unknown>;
  status: 'succeeded' | 'failed';
  result: unknown;
  /** The Python class a protocol could catch, and its message. */
  error: { errorType: string; detail: string } | null;
  /** A failed engine command: its error's code in the Protocol Engine's catalogue. */
  errorCode?: string;
  /** Modeled seconds since the start of the run. */
  startedAt: number;
  completedAt: number;
  /** The command this one ran under (the steps of a transfer, a mix), or null. */
  parentId: string | null;
}

/** What the engine reports at the end of an execution, whichever language drove it. */
export interface ExecutionOutcome {
  runLog: RunLogEntry[];
  requiredEquipment: RequiredEquipment;
  warnings: LiquidWarning[];
  liquids: WellLiquidSummary[];
  liquidHistory: WellLiquidHistory[];
  estimatedDurationSeconds: number;
  customLabware: CustomLabwareUse[];
  commands: AnalysisCommand[];
  /** The runtime parameters defined (Python protocols; absent: none). */
  runTimeParameters?: RunTimeParameter[];
}
