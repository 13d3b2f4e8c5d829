// JSON protocols of schemas 6, 7 and 8 (Protocol Designer 6–8), read and run as robot software
// 7.5.0 does: on the engine's commands, reported in robot-server 7's analysis shape.
export { executeEngineJson } from './execute.ts';
export { isEngineJsonDocument, readEngineJson } from './read.ts';
export type { EngineJsonDoc, EngineSchemaVersion } from './read.ts';
export { TranslationError, translateEngineJson } from './translate.ts';
