// The analysis contract every executor shares: the Analysis and run-log shapes (from shared/),
// the executor signature, and the builders both languages use to report what they ran.
export type * from '../common/index.ts';
export type * from './executor.ts';
export type { CompletedAnalysis, ErrorOccurrence, RobotServerCommand } from './robot-server.ts';
export { DEFAULT_SANDBOX_LIMITS } from './executor.ts';
export { failedAnalysis, zipProtocolAnalysis } from './failures.ts';
export { buildAnalysis, EMPTY_OUTCOME, protocolMetadata } from './build.ts';
export { completedAnalysis, robotServerCommands } from './robot-server.ts';
