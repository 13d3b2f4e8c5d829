// The lab's labware library: validation, storage rules and what an analysis needs from it.
export { LabwareLibrary, summaryOf } from './library.ts';
export type { AddedLabware, LabwareSummary, LibrarySnapshot } from './library.ts';
export { InvalidLabwareError, LabwareConflictError, LabwareNotFoundError } from './errors.ts';
export { staleReason, withLibraryHashes } from './staleness.ts';
export { canonicalJson, contentHash } from './canonical.ts';
