// One entry point for executing any protocol: detects its kind and hands it to the JSON executor
// (in-process, synchronous engine) or the Python service (sandboxed interpreters).
import { detectProtocolKind } from './detect.ts';
import type { ExecuteOptions, ExecutorService, PythonServiceOptions } from './executor.ts';
import { DEFAULT_SANDBOX_LIMITS } from './executor.ts';
import type { Analysis, ProtocolBundle } from './types.ts';
import { executeJsonProtocol } from '../json/index.ts';
import { createPythonService } from '../python/index.ts';
import { zipProtocolAnalysis } from './failures.ts';

export type * from './types.ts';
export type * from './executor.ts';
export { DEFAULT_SANDBOX_LIMITS } from './executor.ts';
export { detectProtocolKind } from './detect.ts';

export type ProtocolService = ExecutorService;

export function createProtocolService(options: Partial<PythonServiceOptions> = {}): ProtocolService {
  let python: ExecutorService | null = null;
  const pythonService = (): ExecutorService => {
    python ??= createPythonService({
      poolSize: options.poolSize ?? 1,
      limits: options.limits ?? DEFAULT_SANDBOX_LIMITS,
    });
    return python;
  };
  const execute = async (bundle: ProtocolBundle, opts: ExecuteOptions): Promise<Analysis> => {
    switch (detectProtocolKind(bundle)) {
      case 'zip':
        return zipProtocolAnalysis();
      case 'json':
        return executeJsonProtocol(bundle, opts);
      case 'python':
        return pythonService().execute(bundle, opts);
    }
  };
  return {
    execute,
    async close() {
      await python?.close();
    },
  };
}
