// JSON protocols: schemas 3–5 read, validated and run as robot software 4.7.0 does (this folder),
// schemas 6–8 as robot software 7.5.0 does (engine-json/). Both run on the engine's commands.
import type { ExecuteOptions, ProtocolExecutor } from '../analysis/index.ts';
import { failedAnalysis } from '../analysis/index.ts';
import type { Analysis, ProtocolBundle, ProtocolErrorInfo } from '../common/index.ts';
import { buildAnalysis, protocolMetadata } from '../analysis/index.ts';
import { ProtocolApiError } from '../engine/index.ts';
import { customLabwareFromFiles } from '../definitions/index.ts';
import { JsonRun } from './execute.ts';
import { readJsonProtocol } from './validate.ts';
import { executeEngineJson, isEngineJsonDocument } from './engine-json/index.ts';

export { readJsonProtocol, schemaViolation } from './validate.ts';
export type { JsonProtocolDoc, JsonCommand, SchemaVersion } from './validate.ts';
export { pyJsonLoads } from './pyjson.ts';

function errorInfo(err: unknown): ProtocolErrorInfo {
  if (err instanceof ProtocolApiError) return { type: err.pyType, description: err.message };
  // A defect of ours must still come back as an analysis error, never a crash.
  return { type: 'RuntimeError', description: err instanceof Error ? err.message : String(err) };
}

export const executeJsonProtocol: ProtocolExecutor = async (bundle: ProtocolBundle, options: ExecuteOptions): Promise<Analysis> => {
  if (isEngineJsonDocument(bundle.protocolFile.data)) return executeEngineJson(bundle, options);
  const parsed = readJsonProtocol(bundle.protocolFile.data, bundle.protocolFile.name);
  if (!parsed.ok) return failedAnalysis('json', parsed.error);
  const rawMetadata = parsed.doc.metadata;
  const metadata = protocolMetadata(rawMetadata, '2.8');
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
      const actionsStart = engine.hardwareActions?.length ?? 0;
      run.runCommand(i);
      if (options.step) {
        try {
          await options.step(run.entriesSince(start), engine.hardwareActions?.slice(actionsStart));
        } catch (reason) {
          throw new Interrupted(reason);
        }
      }
    }
  } catch (err) {
    if (err instanceof Interrupted) throw err.reason;
    error = errorInfo(err);
  }
  return buildAnalysis({ protocolType: 'json', metadata, rawMetadata, error, outcome: engine.outcome(error === null) });
};

/** A cancellation or a rejected `step`: propagated to the caller, never turned into an analysis. */
class Interrupted {
  constructor(readonly reason: unknown) {}
}
