// What every command is: a type name, params with a runtime schema, and an implementation that
// reads the run's state and changes it through state updates (state-update.ts). The engine wraps each execution in a CommandRecord (status,
// result or error as data, modeled start and end, run-log entries, hardware actions), so both
// protocol languages and every consumer see one history of what ran.
import type { Static, TSchema } from '@sinclair/typebox';
import type { HardwareAction } from '../actions.ts';
import type { PyErrorType } from '../errors.ts';
import type { EngineState } from '../state.ts';
import type { StateUpdate } from '../state-update.ts';

/** What an implementation gets: the run's state, and a way to run child commands (parents only). */
export interface CommandContext {
  readonly state: EngineState;
  /** Runs a child command under the current one; throws its error as the child's own exception. */
  runChild(command: AnyCommand): unknown;
}

export interface CommandDefinition<TType extends string, TParams extends TSchema, TResult> {
  readonly commandType: TType;
  readonly params: TParams;
  execute(params: Static<TParams>, context: CommandContext): TResult;
  /**
   * How the command appears in an analysis, where it differs from what ran: a load's result is
   * the new item's id, not everything the engine answers its caller. Default: params and result.
   */
  report?(params: Static<TParams>, result: TResult): { params: Record<string, unknown>; result: unknown };
}

export function defineCommand<TType extends string, TParams extends TSchema, TResult>(
  definition: CommandDefinition<TType, TParams, TResult>,
): CommandDefinition<TType, TParams, TResult> {
  return definition;
}

/** A command as data: `{commandType, params}`, what the adapters send. */
export interface AnyCommand {
  commandType: string;
  params: Record<string, unknown>;
}

/** A failed command's error: the Python class a protocol could catch, and its message. */
export interface CommandError {
  errorType: PyErrorType | string;
  detail: string;
  /** A failed engine command's code in the engine's catalogue (absent for Python-layer errors). */
  errorCode?: string;
  /** A coded Python error's details (`errorInfo` of its occurrence; absent when it has none). */
  errorInfo?: Record<string, string>;
}

export type CommandStatus = 'succeeded' | 'failed';

/** One executed command, in the order the engine ran them. */
export interface CommandRecord {
  /** `command-<n>`, numbered from 1 in execution order. */
  id: string;
  commandType: string;
  params: Record<string, unknown>;
  status: CommandStatus;
  result: unknown;
  error: CommandError | null;
  /** Modeled seconds since the start of the run. */
  startedAt: number;
  completedAt: number;
  /** The command this one ran under (children of transfer, distribute, consolidate). */
  parentId: string | null;
  /** Run-log entries it wrote: indexes `[firstEntry, firstEntry + entryCount)` of the run log. */
  firstEntry: number;
  entryCount: number;
  /** Hardware actions it asked for, when the run records them (see EngineOptions). */
  actions: HardwareAction[] | null;
  /** The state updates it applied (its children's included), when the run records them. */
  stateUpdates: StateUpdate[] | null;
}

/** A slot as the Protocol Engine writes it in a location (always text: `'1'`), for `report`s. */
export function slotAsText<T extends object>(location: T): T {
  return 'slotName' in location ? { ...location, slotName: String(location.slotName) } : location;
}
