// The bottom layer: what every other folder may use and which uses nothing of theirs.
export { ResourceNotFoundError } from './errors.ts';
export type * from './definitions.ts';
export type * from './analysis.ts';
