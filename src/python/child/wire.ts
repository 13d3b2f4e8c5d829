// The Python bridge's request envelope, checked before anything is done with it. Python sends one
// of three kinds: an engine command (`{commandType, params, line}`, its params checked by the
// command's own schema), a read of a named view (`{view, args}`), or one of the few requests to
// the host itself that are not about the engine's state (`{request, args}`).
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { DEPRECATED_MEMBERS, PyNumber } from '../../engine/index.ts';

const Params = Type.Record(Type.String(), Type.Unknown());

export const CommandRequest = Type.Object({
  commandType: Type.String(),
  params: Params,
  /** The protocol line that issued the command (stamped on its run-log entries). */
  line: Type.Union([Type.Integer(), Type.Null()]),
});

export const ViewRequest = Type.Object({ view: Type.String(), args: Params });

/** The protocol was parsed: its metadata and API level (the engine starts here). */
const ParsedRequest = Type.Object({
  request: Type.Literal('parsed'),
  args: Type.Object({ metadata: Type.Record(Type.String(), Type.String()), apiLevel: Type.String() }),
});

/** `time.sleep`: `counted` sleeps count as compute time even in a live run (threads). */
const SleepRequest = Type.Object({
  request: Type.Literal('sleep'),
  args: Type.Object({ seconds: Type.Union([Type.Number(), Type.Null()]), counted: Type.Boolean() }),
});

const IsSimulatingRequest = Type.Object({ request: Type.Literal('is_simulating'), args: Type.Object({}) });

/** `labware.get_labware_definition(load_name, namespace, version)`: a lookup, nothing is loaded. */
const LabwareDefinitionRequest = Type.Object({
  request: Type.Literal('get_labware_definition'),
  args: Type.Object({
    loadName: Type.String(),
    namespace: Type.Union([Type.String(), Type.Null()]),
    version: Type.Union([PyNumber, Type.Null()]),
  }),
});

const LoadNamesRequest = Type.Object({ request: Type.Literal('all_labware_load_names'), args: Type.Object({}) });

/** A Python value with its type name and `str()` (runtime parameters' rules are Python's `isinstance`). */
const PyValue = Type.Object({ type: Type.String(), value: Type.Unknown(), text: Type.String() });
const MaybePyValue = Type.Union([PyValue, Type.Null()]);

/** `ParameterContext.add_int/add_float/add_bool/add_str` (runtime parameters, 2.18): no state of the run, no run-log entry. */
const AddParameterRequest = Type.Object({
  request: Type.Literal('add_parameter'),
  args: Type.Object({
    type: Type.Union([Type.Literal('int'), Type.Literal('float'), Type.Literal('bool'), Type.Literal('str')]),
    displayName: PyValue,
    variableName: PyValue,
    default: PyValue,
    minimum: MaybePyValue,
    maximum: MaybePyValue,
    choices: Type.Union([Type.Array(Type.Object({ display_name: MaybePyValue, value: MaybePyValue })), Type.Null()]),
    description: MaybePyValue,
    unit: MaybePyValue,
  }),
});

/** After `add_parameters`: the lab's values in place of the defaults, and every parameter's value for `ctx.params`. */
const ParameterValuesRequest = Type.Object({ request: Type.Literal('parameter_values'), args: Type.Object({}) });

/**
 * A deprecated member that still works was used: robot software 7.5.0 logs a line the simulator
 * prints under the run log (spec A.4.5). Not a change of the run's state: a logger record.
 */
const DeprecationWarningRequest = Type.Object({
  request: Type.Literal('deprecation_warning'),
  args: Type.Object({ member: Type.Union(DEPRECATED_MEMBERS.map((name) => Type.Literal(name))) }),
});

export const HostRequest = Type.Union([
  ParsedRequest,
  SleepRequest,
  IsSimulatingRequest,
  LabwareDefinitionRequest,
  LoadNamesRequest,
  AddParameterRequest,
  ParameterValuesRequest,
  DeprecationWarningRequest,
]);

export const BridgeRequest = Type.Union([CommandRequest, ViewRequest, HostRequest]);

export type CommandRequest = Static<typeof CommandRequest>;
export type ViewRequest = Static<typeof ViewRequest>;
export type HostRequest = Static<typeof HostRequest>;
export type BridgeRequest = Static<typeof BridgeRequest>;

const check = TypeCompiler.Compile(BridgeRequest);

/** A request the bridge does not know: a mistake of our Python package, never of a protocol. */
export class BridgeRequestError extends Error {
  override readonly name = 'BridgeRequestError';
}

/** Parses and checks one request's JSON text. */
export function parseRequest(text: string): BridgeRequest {
  const value: unknown = JSON.parse(text);
  if (!check.Check(value)) {
    const first = check.Errors(value).First();
    throw new BridgeRequestError(`bad bridge request${first ? ` at ${first.path || '/'}: ${first.message}` : ''}`);
  }
  return value;
}
