// The protocol engine's public surface (see docs/notes/engine.md for the contract).
export { ProtocolEngine, MAX_SUPPORTED_VERSION, MIN_SUPPORTED_VERSION } from './engine.ts';
export { GENERAL_ERROR_CODE, ProtocolApiError, pyError } from './errors.ts';
export type { PyErrorType } from './errors.ts';
export { pyFloat, pyInt, pyNum, pyRepr, pyRound, delayParts } from './pyfloat.ts';
export { TIMING } from './timing.ts';
export { delayPayload, pausePayload } from './protocol.ts';
export type * from './types.ts';
export { TransferPlan } from './transfer.ts';
export type { ComplexMode, ComplexOptions } from './transfer.ts';
export { EngineView } from './view.ts';
export { COMMANDS, commandTypes, lookupCommand, reportCommands, withoutFloatMarkers } from './commands/index.ts';
export type { AnyCommand, CommandError, CommandRecord, CommandStatus, CommandType } from './commands/index.ts';
// The params' schema pieces, for adapters that check requests of their own (the Python bridge's views).
export { DeckSlot, Id, Maybe, PyNumber, WellRef, plain } from './commands/params.ts';
export { FEATURES, featuresAt, LEVEL_OF_4_7, MEMBERS, versionErrorText } from './versions.ts';
export type { ApiLevel, FeatureName, Gate, MemberName } from './versions.ts';
export { REMOVED } from './removals.ts';
export { DEPRECATED_MEMBERS } from './log-records.ts';
export type { DeprecatedMember } from './log-records.ts';
export { ADDED_IN_2_15_NAMES } from './labware-movement.ts';
export type { AddedIn215 } from './labware-movement.ts';
export type { RemovedName } from './removals.ts';
export type { HardwareAction, AxisSpeeds, ProfileStepAction } from './actions.ts';
export { wellPoint } from './locations.ts';
export { RunTimeParameters, undefinedParameterError } from './parameters.ts';
export type { ParameterRequest, ParameterType, ParameterValueOut, PyChoice, PyValue } from './parameters.ts';
