// JSON protocols (schemas 3–5): reading, validation and execution through the engine.
import type { ExecuteOptions, ProtocolExecutor } from '../analysis/executor.ts';
import { failedAnalysis } from '../analysis/failures.ts';
import type { Analysis, ProtocolBundle, ProtocolErrorInfo, ProtocolMetadata } from '../analysis/types.ts';
import { ProtocolApiError, pyRepr, reportCommands } from '../engine/index.ts';
import { customLabwareFromFiles } from '../definitions/index.ts';
import { JsonRun } from './execute.ts';
import { readJsonProtocol } from './validate.ts';

export { readJsonProtocol, schemaViolation } from './validate.ts';
export type { JsonProtocolDoc, JsonCommand, SchemaVersion } from './validate.ts';
export { pyJsonLoads } from './pyjson.ts';

/** Python `str(value)` for metadata values; empty or missing → null. */
function metaString(v: unknown): string | null {
  if (v === undefined || v === null || v === '' || v === false) return v === false ? 'False' : null;
  if (typeof v === 'string') return v;
  return pyRepr(v);
}

function metadataOf(raw: Record<string, unknown>): ProtocolMetadata {
  return {
    name: metaString(raw.protocolName ?? raw['protocol-name']),
    author: metaString(raw.author),
    apiLevel: '2.8',
  };
}

function errorInfo(err: unknown): ProtocolErrorInfo {
  if (err instanceof ProtocolApiError) return { type: err.pyType, description: err.message };
  // A defect of ours must still come back as an analysis error, never a crash.
  return { type: 'RuntimeError', description: err instanceof Error ? err.message : String(err) };
}

export const executeJsonProtocol: ProtocolExecutor = async (bundle: ProtocolBundle, options: ExecuteOptions): Promise<Analysis> => {
  const parsed = readJsonProtocol(bundle.protocolFile.data, bundle.protocolFile.name);
  if (!parsed.ok) return failedAnalysis('json', parsed.error);
  const rawMetadata = parsed.doc.metadata;
  const metadata = metadataOf(rawMetadata);
  const signal = options.signal;
  let run: JsonRun;
  try {
    run = new JsonRun(
      parsed.doc,
      parsed.schemaVersion,
      parsed.text,
      options.mode === 'analyze',
      customLabwareFromFiles(bundle.supportFiles),
      bundle.labwareLibrary ?? [],
    );
  } catch (err) {
    return { ...failedAnalysis('json', errorInfo(err)), metadata, rawMetadata };
  }
  const engine = run.engine;
  let error: ProtocolErrorInfo | null = null;
  try {
    run.load();
    for (let i = 0; i < run.commands.length; i++) {
      if (signal?.aborted) throw new Interrupted(signal.reason);
      const start = engine.entryCount;
      run.runCommand(i);
      if (options.step) {
        try {
          await options.step(run.entriesSince(start));
        } catch (reason) {
          throw new Interrupted(reason);
        }
      }
    }
  } catch (err) {
    if (err instanceof Interrupted) throw err.reason;
    error = errorInfo(err);
  }
  const runLog = engine.runLog as Analysis['runLog'];
  return {
    ok: error === null,
    protocolType: 'json',
    metadata,
    rawMetadata,
    requiredEquipment: error === null ? engine.requiredEquipment() : { pipettes: [], labware: [], modules: [] },
    errors: error === null ? [] : [error],
    warnings: [...engine.liquidWarnings],
    commandCount: runLog.length,
    estimatedDurationSeconds: engine.clock,
    runLog: [...runLog],
    liquids: engine.liquidSummary(),
    liquidHistory: engine.liquidHistory(),
    customLabware: engine.customLabwareUses(),
    commands: reportCommands(engine.commands),
  };
};

/** A cancellation or a rejected `step`: propagated to the caller, never turned into an analysis. */
class Interrupted {
  constructor(readonly reason: unknown) {}
}
