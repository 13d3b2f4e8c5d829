// What `analyze` and `simulate` share: read the protocols, run each in a fresh interpreter, hand
// each result back in order. It loads only the executors (no server, store or library unless
// --data-dir asks for the library), starts one interpreter per Python job and none ahead of need,
// and keeps the sandbox bundle and interpreter snapshot in the user's cache between runs. A Python
// job goes to the background helper when one is listening (helper-client.ts), else it runs here and
// the helper is started for the next run.
import { createProtocolService, detectProtocolKind } from '../service/index.ts';
import { DEFAULT_SANDBOX_LIMITS } from '../analysis/index.ts';
import type { Analysis, ProtocolBundle, RunTimeParameterValue } from '../analysis/index.ts';
import { connectHelper, startHelper } from './helper-client.ts';
import { ProtocolFilesInvalidError, ProtocolRobotTypeMismatchError } from '../common/index.ts';
import { readBundle } from './bundle.ts';
import { startProgress } from './progress.ts';

export interface ProtocolOptions {
  support: string[];
  labware: string[];
  json?: boolean;
  timeout: number;
  memory: number;
  dataDir?: string;
  /** `--rtp name=value`: runtime-parameter values in place of the defaults. */
  rtp?: Record<string, RunTimeParameterValue>;
}

/** One protocol's outcome: its analysis, or the upload-time refusal robot software 7 would give. */
export type FileOutcome =
  | { file: string; analysis: Analysis }
  | { file: string; refusal: ProtocolFilesInvalidError | ProtocolRobotTypeMismatchError };

/**
 * Analyses `files` one after another, each with the same support files and labware, and calls
 * `report` with each outcome as soon as it is known. Every file is read before any work starts,
 * so a missing one is a usage error (BundleReadError) rather than a late failure.
 */
export async function analyzeFiles(
  files: readonly string[],
  opts: ProtocolOptions,
  report: (outcome: FileOutcome) => void,
): Promise<void> {
  const limits = { timeoutMs: opts.timeout * 1000, memoryBytes: opts.memory * 2 ** 20 };
  // The helper runs jobs with the default limits only; other limits are this run's own.
  const defaultLimits = limits.timeoutMs === DEFAULT_SANDBOX_LIMITS.timeoutMs && limits.memoryBytes === DEFAULT_SANDBOX_LIMITS.memoryBytes;
  const helper = defaultLimits ? connectHelper() : Promise.resolve(null);
  const bundles: ProtocolBundle[] = [];
  for (const file of files) bundles.push({ ...(await readBundle(file, opts.support, opts.labware)), runTimeParameterValues: opts.rtp ?? {} });
  if (opts.dataDir !== undefined) {
    // Only now: the library lives in the data folder's database, which analyze otherwise never opens.
    const { librarySnapshot } = await import('./labware.ts');
    const library = (await librarySnapshot(opts.dataDir)).definitions;
    for (let i = 0; i < bundles.length; i++) bundles[i] = { ...bundles[i], labwareLibrary: library };
  }
  const service = createProtocolService({
    // No interpreter is kept warm: each Python job starts its own, none is left starting after the last.
    poolSize: 0,
    limits,
    sandboxFiles: 'user-cache',
  });
  const connection = await helper;
  let ranPythonHere = false;
  const execute = async (bundle: ProtocolBundle): Promise<Analysis> => {
    const python = detectProtocolKind(bundle) === 'python';
    if (python && connection !== null) {
      // Up to the job's own limit and a margin for the helper's queue; then this run's own interpreter.
      const analysis = await connection.analyze(bundle, limits.timeoutMs + 30_000);
      if (analysis !== null) {
        if (process.env.LABWRIGHT_DEBUG) process.stderr.write('labwright: analysed by the background helper\n');
        return analysis;
      }
    }
    if (python) ranPythonHere = true;
    return service.execute(bundle, { mode: 'analyze' });
  };
  try {
    for (const [index, bundle] of bundles.entries()) {
      const file = files[index];
      const progress = startProgress(`analysing ${bundle.protocolFile.name}`);
      try {
        report({ file, analysis: await execute(bundle) });
      } catch (err) {
        // One file: the refusal ends the command as it always has. Many: it is that file's outcome.
        if (files.length === 1 || !(err instanceof ProtocolFilesInvalidError || err instanceof ProtocolRobotTypeMismatchError)) throw err;
        report({ file, refusal: err });
      } finally {
        progress.stop();
      }
    }
  } finally {
    connection?.close();
    await service.close();
    // No helper served this run's Python: one starts now (its snapshot is there by now), for the next.
    if (ranPythonHere && defaultLimits) startHelper();
  }
}
