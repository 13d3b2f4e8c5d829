// Placeholder until the JSON executor lands (owned by the engine/JSON work).
import type { ProtocolExecutor } from '../analysis/executor.ts';
import { failedAnalysis } from '../analysis/failures.ts';

export const executeJsonProtocol: ProtocolExecutor = async () =>
  failedAnalysis('json', { type: 'RuntimeError', description: 'JSON protocols are not available yet' });
