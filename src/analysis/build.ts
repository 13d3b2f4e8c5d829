// Building an Analysis, once for both protocol languages: the 4.x metadata rule, then what the
// engine reports at the end of an execution.
import { pyRepr } from '../engine/index.ts';
import type { Analysis, ErrorTree, ExecutionOutcome, ProtocolErrorInfo, ProtocolMetadata, ProtocolType, RequiredEquipment } from '../common/index.ts';

const NO_EQUIPMENT: RequiredEquipment = { pipettes: [], labware: [], modules: [] };

/** Python's `str(value)` of a metadata value; empty or missing is null (http-api.md §2.1). */
function metadataText(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  return typeof value === 'string' ? value : pyRepr(value);
}

/** `metadata` of the protocol resource: `protocolName` (or `protocol-name`), `author`, the level. */
export function protocolMetadata(raw: Readonly<Record<string, unknown>> | null, apiLevel: string | null): ProtocolMetadata {
  return {
    name: metadataText(raw?.protocolName ?? raw?.['protocol-name']),
    author: metadataText(raw?.author),
    apiLevel,
  };
}

export interface AnalysisParts {
  protocolType: ProtocolType;
  metadata: ProtocolMetadata;
  rawMetadata: Record<string, unknown> | null;
  error: ProtocolErrorInfo | null;
  /** The error as robot software 7 reports it (Python protocols, spec Part D). */
  errorOccurrences?: ErrorTree[];
  outcome: ExecutionOutcome;
  /** False when the protocol read the clock or randomness (or was stopped by a limit). */
  reproducible?: boolean;
  /** The runtime-parameter values given with the bundle were refused; `error` says why. */
  valuesRefused?: boolean;
}

/** The analysis of an execution that got as far as the engine. Equipment only when it succeeded. */
export function buildAnalysis({ protocolType, metadata, rawMetadata, error, errorOccurrences, outcome, reproducible = true, valuesRefused = false }: AnalysisParts): Analysis {
  return {
    ok: error === null,
    protocolType,
    metadata,
    rawMetadata,
    requiredEquipment: error === null ? outcome.requiredEquipment : NO_EQUIPMENT,
    errors: error === null ? [] : [error],
    warnings: outcome.warnings,
    commandCount: outcome.runLog.length,
    estimatedDurationSeconds: outcome.estimatedDurationSeconds,
    runLog: outcome.runLog,
    liquids: outcome.liquids,
    liquidHistory: outcome.liquidHistory,
    customLabware: outcome.customLabware,
    commands: outcome.commands,
    ...(error !== null && errorOccurrences !== undefined && errorOccurrences.length > 0 ? { errorOccurrences } : {}),
    ...(outcome.runTimeParameters !== undefined && outcome.runTimeParameters.length > 0 ? { runTimeParameters: outcome.runTimeParameters } : {}),
    ...(valuesRefused ? { runTimeParameterValuesRefused: true } : {}),
    ...(reproducible ? {} : { reproducible: false }),
  };
}

/** What an execution that never started an engine reports (a limit hit before the protocol loaded). */
export const EMPTY_OUTCOME: ExecutionOutcome = {
  runLog: [],
  requiredEquipment: NO_EQUIPMENT,
  warnings: [],
  liquids: [],
  liquidHistory: [],
  estimatedDurationSeconds: 0,
  customLabware: [],
  commands: [],
};
