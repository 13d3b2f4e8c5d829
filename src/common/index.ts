// The bottom layer: what every other folder may use and which uses nothing of theirs.
export { ProtocolFilesInvalidError, ProtocolRobotTypeMismatchError, ResourceNotFoundError } from './errors.ts';
export type * from './definitions.ts';
export type * from './analysis.ts';
export {
  compiledCliEntry,
  computeSourceKey,
  IN_USE_MS,
  KEEP_OTHER_KEYS,
  keyFolder,
  markUsed,
  publishFiles,
  publishFolder,
  sourceKey,
  sweepStaleKeys,
  temporaryBuildFolder,
  userCacheRoot,
  writeFileAtomic,
} from './user-cache.js';
