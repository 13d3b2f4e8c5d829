// One entry point for executing any protocol: detects its kind and hands it to the JSON executor
// (in-process, synchronous engine) or the Python service (sandboxed interpreters). It sits above
// both executors, which sit above the analysis contract they share.
import { DEFAULT_SANDBOX_LIMITS, failedAnalysis, zipProtocolAnalysis } from '../analysis/index.ts';
import { undefinedParameterError } from '../engine/index.ts';
import type { Analysis, ExecuteOptions, ExecutorService, ProtocolBundle, PythonServiceOptions } from '../analysis/index.ts';
import { executeJsonProtocol } from '../json/index.ts';
import { createPythonService, type PythonService } from '../python/index.ts';
import { detectProtocolKind } from './detect.ts';

export { detectProtocolKind } from './detect.ts';

export interface ProtocolService extends ExecutorService {
  /**
   * Starts the Python service's interpreters now instead of at the first Python protocol; resolves
   * when the first one is ready.
   */
  warmPython?(): Promise<void>;
}

export function createProtocolService(options: Partial<PythonServiceOptions> = {}): ProtocolService {
  let python: PythonService | null = null;
  const pythonService = (): PythonService => {
    python ??= createPythonService({
      poolSize: options.poolSize ?? 1,
      limits: options.limits ?? DEFAULT_SANDBOX_LIMITS,
      sandboxFiles: options.sandboxFiles,
    });
    return python;
  };
  const execute = async (bundle: ProtocolBundle, opts: ExecuteOptions): Promise<Analysis> => {
    switch (detectProtocolKind(bundle)) {
      case 'zip':
        return zipProtocolAnalysis();
      case 'json': {
        // A JSON protocol defines no runtime parameters: any value given names an unknown one.
        const refusal = undefinedParameterError(bundle.runTimeParameterValues ?? {});
        if (refusal !== null) {
          return { ...failedAnalysis('json', { type: refusal.pyType, description: refusal.message }), runTimeParameterValuesRefused: true };
        }
        return executeJsonProtocol(bundle, opts);
      }
      case 'python':
        return pythonService().execute(bundle, opts);
    }
  };
  return {
    execute,
    warmPython: () => pythonService().firstReady,
    async close() {
      await python?.close();
    },
  };
}
export { analysisKey, engineFingerprint } from './analysis-key.ts';
