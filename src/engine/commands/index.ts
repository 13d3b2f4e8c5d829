// The engine's command set: definitions, the catalogue, and the shapes of commands and records.
export { COMMANDS, commandTypes, lookupCommand } from './catalogue.ts';
export type { CommandType, KnownCommand } from './catalogue.ts';
export type { AnyCommand, CommandContext, CommandDefinition, CommandError, CommandRecord, CommandStatus } from './command.ts';
export { reportCommands, withoutFloatMarkers } from './report.ts';
