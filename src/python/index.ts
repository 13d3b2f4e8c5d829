// Placeholder until the Python sandbox lands (owned by the Python work).
import type { ExecutorService, PythonServiceOptions } from '../analysis/executor.ts';
import { failedAnalysis } from '../analysis/failures.ts';

export function createPythonService(_options: PythonServiceOptions): ExecutorService {
  return {
    execute: async () =>
      failedAnalysis('python', { type: 'RuntimeError', description: 'Python protocols are not available yet' }),
    close: async () => {},
  };
}
