// The messages a sandbox child may send its parent, as TypeBox schemas checked on receipt. The child
// runs untrusted code: its messages are whatever it chose to send, so the parent checks each one
// against these schemas instead of trusting the `ChildToParent` type annotation. The schemas are
// compiled once (TypeCompiler); a compile-time check below keeps them within `ChildToParent`, so a
// message that passes is one the type describes. Extra properties are allowed (and ignored), as
// the parent never reads them.
import { deserialize } from 'node:v8';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { TypeCheck } from '@sinclair/typebox/compiler';
import type { ChildToParent } from './messages.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const RunLogEntry = Type.Object({
  index: Type.Integer(),
  level: Type.Integer(),
  text: Type.String(),
  name: Type.String(),
  line: Type.Optional(Nullable(Type.Number())),
  startS: Type.Number(),
  durationS: Type.Number(),
  logs: Type.Optional(Type.Array(Type.Object({ level: Type.Literal('WARNING'), module: Type.String(), message: Type.String() }))),
});

const Mount = Type.Union([Type.Literal('left'), Type.Literal('right')]);
const Point = Type.Object({ x: Type.Number(), y: Type.Number(), z: Type.Number() });
const AxisSpeeds = Type.Object({ x: Type.Number(), y: Type.Number(), z: Type.Number() });
/** The fields every hardware action carries (src/engine/actions.ts). */
const ActionTiming = { seconds: Type.Number(), entryIndex: Nullable(Type.Integer()) };

const HardwareAction = Type.Union([
  Type.Object({ kind: Type.Literal('gantryMove'), mount: Mount, waypoints: Type.Array(Point), speeds: AxisSpeeds, ...ActionTiming }),
  Type.Object({ kind: Type.Literal('plungerMove'), mount: Mount, mm: Type.Number(), toMm: Type.Number(), speedMmPerS: Type.Number(), ...ActionTiming }),
  Type.Object({
    kind: Type.Literal('tipPress'),
    mount: Mount,
    presses: Type.Number(),
    distanceMm: Type.Number(),
    incrementMm: Type.Number(),
    speedMmPerS: Type.Number(),
    ...ActionTiming,
  }),
  Type.Object({ kind: Type.Literal('tipEject'), mount: Mount, speedMmPerS: Type.Number(), homesPlunger: Type.Boolean(), ...ActionTiming }),
  Type.Object({ kind: Type.Literal('home'), axes: Type.Union([Type.Literal('all'), Mount]), ...ActionTiming }),
  Type.Object({ kind: Type.Literal('plungerHome'), mount: Mount, ...ActionTiming }),
  Type.Object({
    kind: Type.Literal('moduleSetPoint'),
    moduleId: Type.String(),
    target: Type.Union([Type.Literal('temperature'), Type.Literal('lidTemperature'), Type.Literal('magnetHeight'), Type.Literal('lid')]),
    value: Type.Union([Type.Number(), Type.String(), Type.Null()]),
    ...ActionTiming,
  }),
  Type.Object({
    kind: Type.Literal('moduleWait'),
    moduleId: Type.String(),
    target: Type.Union([Type.Literal('temperature'), Type.Literal('lidTemperature')]),
    holdSeconds: Type.Number(),
    ...ActionTiming,
  }),
  Type.Object({
    kind: Type.Literal('thermocyclerProfile'),
    moduleId: Type.String(),
    steps: Type.Array(Type.Object({ temperature: Type.Number(), holdSeconds: Type.Number(), rampRate: Nullable(Type.Number()) })),
    repetitions: Type.Number(),
    ...ActionTiming,
  }),
  Type.Object({ kind: Type.Literal('magnetCalibrate'), moduleId: Type.String(), ...ActionTiming }),
  Type.Object({ kind: Type.Literal('delay'), ...ActionTiming }),
]);

const ProtocolErrorInfo = Type.Object({
  type: Type.String(),
  description: Type.String(),
  lineNumber: Type.Optional(Nullable(Type.Number())),
  fileName: Type.Optional(Nullable(Type.String())),
});

const ErrorTree = Type.Recursive((Self) =>
  Type.Object({
    errorType: Type.String(),
    errorCode: Type.String(),
    detail: Type.String(),
    errorInfo: Type.Record(Type.String(), Type.Unknown()),
    wrappedErrors: Type.Array(Self),
  }),
);

const RequiredEquipment = Type.Object({
  pipettes: Type.Array(
    Type.Object({
      mount: Type.Union([Type.Literal('left'), Type.Literal('right')]),
      requestedAs: Type.String(),
      pipetteName: Type.String(),
      channels: Type.Number(),
    }),
  ),
  labware: Type.Array(
    Type.Object({
      label: Type.String(),
      uri: Type.String(),
      location: Type.Number(),
      on: Type.Optional(
        Type.Union([
          Type.Object({ kind: Type.Literal('module'), model: Type.String() }),
          Type.Object({ kind: Type.Literal('labware'), label: Type.String(), uri: Type.String() }),
        ]),
      ),
    }),
  ),
  modules: Type.Array(Type.Object({ type: Type.String(), model: Type.String(), location: Type.Number() })),
});

const LiquidWarning = Type.Object({
  kind: Type.Union([
    Type.Literal('aspirate-more-than-well-holds'),
    Type.Literal('dispense-over-well-capacity'),
    Type.Literal('aspirate-over-tip-capacity'),
  ]),
  commandIndex: Type.Number(),
  message: Type.String(),
  well: Type.Optional(Type.String()),
});

const WellLiquidSummary = Type.Object({
  labware: Type.String(),
  slot: Type.String(),
  well: Type.String(),
  volumeIn: Type.Number(),
  volumeOut: Type.Number(),
  finalVolume: Nullable(Type.Number()),
  capacity: Type.Number(),
});

const WellLiquidHistory = Type.Object({
  slot: Type.String(),
  well: Type.String(),
  events: Type.Array(Type.Object({ commandIndex: Type.Number(), change: Type.Number(), volume: Nullable(Type.Number()) })),
});

const CustomLabwareUse = Type.Object({
  uri: Type.String(),
  source: Type.Union([Type.Literal('protocol'), Type.Literal('library')]),
  requested: Type.Object({ loadName: Type.String(), namespace: Nullable(Type.String()), version: Nullable(Type.Number()) }),
  sha256: Type.Optional(Type.String()),
});

const AnalysisCommand = Type.Object({
  id: Type.String(),
  commandType: Type.String(),
  params: Type.Record(Type.String(), Type.Unknown()),
  status: Type.Union([Type.Literal('succeeded'), Type.Literal('failed')]),
  result: Type.Unknown(),
  error: Nullable(Type.Object({ errorType: Type.String(), detail: Type.String() })),
  errorCode: Type.Optional(Type.String()),
  startedAt: Type.Number(),
  completedAt: Type.Number(),
  parentId: Nullable(Type.String()),
});

const ParameterScalar = Type.Union([Type.Number(), Type.Boolean(), Type.String()]);

const RunTimeParameter = Type.Object({
  displayName: Type.String(),
  variableName: Type.String(),
  description: Nullable(Type.String()),
  suffix: Nullable(Type.String()),
  type: Type.Union([Type.Literal('int'), Type.Literal('float'), Type.Literal('bool'), Type.Literal('str')]),
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  choices: Type.Optional(Type.Array(Type.Object({ displayName: Type.String(), value: ParameterScalar }))),
  value: ParameterScalar,
  default: ParameterScalar,
});

const JobResult = Type.Object({
  stage: Type.Union([Type.Literal('parse'), Type.Literal('simulate'), Type.Literal('ok')]),
  rawMetadata: Nullable(Type.Record(Type.String(), Type.String())),
  reproducible: Type.Boolean(),
  apiLevel: Nullable(Type.String()),
  error: Nullable(ProtocolErrorInfo),
  errorOccurrences: Type.Optional(Type.Array(ErrorTree)),
  runLog: Type.Array(RunLogEntry),
  requiredEquipment: RequiredEquipment,
  warnings: Type.Array(LiquidWarning),
  liquids: Type.Array(WellLiquidSummary),
  liquidHistory: Type.Array(WellLiquidHistory),
  estimatedDurationSeconds: Type.Number(),
  customLabware: Type.Array(CustomLabwareUse),
  commands: Type.Array(AnalysisCommand),
  runTimeParameters: Type.Optional(Type.Array(RunTimeParameter)),
  valuesRefused: Type.Optional(Type.Boolean()),
  jobMs: Type.Optional(Type.Number()),
});

const StartPhases = Type.Object({
  pyodideLoaded: Type.Number(),
  packageInstalled: Type.Number(),
  engineWarmed: Type.Number(),
  pythonWarmed: Type.Number(),
});

export const ChildMessageSchema = Type.Union([
  Type.Object({ type: Type.Literal('ready'), phases: Type.Optional(StartPhases) }),
  Type.Object({ type: Type.Literal('snapshot'), bytes: Type.Uint8Array() }),
  Type.Object({ type: Type.Literal('parsed'), rawMetadata: Type.Record(Type.String(), Type.String()), apiLevel: Type.String() }),
  Type.Object({ type: Type.Literal('step'), entries: Type.Array(RunLogEntry), actions: Nullable(Type.Array(HardwareAction)) }),
  Type.Object({ type: Type.Literal('wait'), seconds: Type.Number() }),
  Type.Object({ type: Type.Literal('result'), result: JobResult }),
  Type.Object({ type: Type.Literal('fatal'), message: Type.String() }),
]);

// Every message the schema admits is a `ChildToParent`: this line stops compiling if they drift.
type Admitted = Static<typeof ChildMessageSchema>;
const _withinType: (m: Admitted) => ChildToParent = (m) => m;
void _withinType;

interface MessageCheckers {
  all: TypeCheck<typeof ChildMessageSchema>;
  /** Each message kind's own checker, to name the field that is wrong in a malformed message. */
  byType: Map<string, { Errors(value: unknown): { First(): { path: string; message: string } | undefined } }>;
}
let checkers: MessageCheckers | null = null;
/** Compiled on the first message: a CLI run whose job goes to its background helper never needs them. */
function messageCheckers(): MessageCheckers {
  checkers ??= {
    all: TypeCompiler.Compile(ChildMessageSchema),
    byType: new Map(ChildMessageSchema.anyOf.map((member) => [member.properties.type.const, TypeCompiler.Compile(member)])),
  };
  return checkers;
}

/** A message from a sandbox child that does not have the shape of any message the parent expects. */
export class MalformedChildMessageError extends Error {
  override readonly name = 'MalformedChildMessageError';
}

/** The longest description of a malformed message (its values come from untrusted code). */
const MAX_DETAIL_CHARS = 200;

/**
 * A `resultBytes` message read back into the `result` it carries (the same deserializer the IPC
 * channel applies to every message, so no new kind of value can arrive); anything else as it is.
 * Bytes that do not deserialize stay a `resultBytes` message, which the schema refuses.
 */
function withResultRead(message: unknown): unknown {
  if (typeof message !== 'object' || message === null) return message;
  const { type, bytes } = message as { type?: unknown; bytes?: unknown };
  if (type !== 'resultBytes' || !(bytes instanceof Uint8Array)) return message;
  try {
    return { type: 'result', result: deserialize(bytes) as unknown };
  } catch {
    return message;
  }
}

/** Returns the message typed when it has an expected shape; throws `MalformedChildMessageError` otherwise. */
export function checkChildMessage(received: unknown): ChildToParent {
  const message = withResultRead(received);
  if (messageCheckers().all.Check(message)) return message;
  const kind =
    typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string'
      ? `'${(message as { type: string }).type}'`
      : 'without a type';
  const first = findFirstProblem(message);
  const detail = first === null ? '' : `: ${first}`;
  throw new MalformedChildMessageError(`malformed message ${kind} from the sandbox${detail}`.slice(0, MAX_DETAIL_CHARS));
}

/** Where a union member with the message's own `type` fails, which names the field that is wrong. */
function findFirstProblem(message: unknown): string | null {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  const checker = typeof type === 'string' ? messageCheckers().byType.get(type) : undefined;
  if (checker === undefined) return 'unknown message type';
  const error = checker.Errors(message).First();
  return error === undefined ? null : `${error.path || '/'} ${error.message}`;
}
