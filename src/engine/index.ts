// The protocol engine's public surface (see docs/notes/engine.md for the contract).
export { ProtocolEngine, MAX_SUPPORTED_VERSION, MIN_SUPPORTED_VERSION } from './engine.ts';
export { ProtocolApiError, pyError } from './errors.ts';
export type { PyErrorType } from './errors.ts';
export { pyFloat, pyInt, pyNum, pyRepr, pyRound, delayParts } from './pyfloat.ts';
export { TIMING } from './timing.ts';
export type * from './types.ts';
