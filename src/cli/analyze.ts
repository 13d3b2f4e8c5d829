// What `analyze` and `simulate` share: read the protocols, run each in a fresh interpreter, hand
// each result back in order. It loads only the executors (no server, store or library unless
// --data-dir asks for the library), starts one interpreter per Python job and none ahead of need,
// and keeps the sandbox bundle and interpreter snapshot in the user's cache between runs.
import { createProtocolService } from '../service/index.ts';
import type { Analysis, ProtocolBundle, RunTimeParameterValue } from '../analysis/index.ts';
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
    limits: { timeoutMs: opts.timeout * 1000, memoryBytes: opts.memory * 2 ** 20 },
    sandboxFiles: 'user-cache',
  });
  try {
    for (const [index, bundle] of bundles.entries()) {
      const file = files[index];
      const progress = startProgress(`analysing ${bundle.protocolFile.name}`);
      try {
        report({ file, analysis: await service.execute(bundle, { mode: 'analyze' }) });
      } catch (err) {
        // One file: the refusal ends the command as it always has. Many: it is that file's outcome.
        if (files.length === 1 || !(err instanceof ProtocolFilesInvalidError || err instanceof ProtocolRobotTypeMismatchError)) throw err;
        report({ file, refusal: err });
      } finally {
        progress.stop();
      }
    }
  } finally {
    await service.close();
  }
}
