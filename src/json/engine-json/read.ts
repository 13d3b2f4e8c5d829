// Reading a JSON protocol of schema 6, 7 or 8 as robot software 7.5.0 does before anything runs
// (json-protocols-v6-v8 §2): which documents take this path, the minimum header, the lenient
// models of each schema (unknown keys ignored, values coerced), `commandSchemaId`, schema 6's id
// references, and the robot type. A failure refuses the upload with the original's words.
import { ProtocolFilesInvalidError, ProtocolRobotTypeMismatchError } from '../../common/index.ts';
import { coerceInt, coerceStr, isObject } from './coerce.ts';

export type EngineSchemaVersion = 6 | 7 | 8;

export interface EngineJsonCommand {
  commandType: string;
  params: Record<string, unknown>;
  key?: string;
}

/** The parts of a document the translation reads (everything else is ignored, as by the original). */
export interface EngineJsonDoc {
  schemaVersion: EngineSchemaVersion;
  metadata: Record<string, unknown>;
  pipettes: Record<string, { name: string }>;
  labware: Record<string, { definitionId: string; displayName?: string | null }>;
  modules: Record<string, { model: string }>;
  liquids: Record<string, { displayName: string; description: string; displayColor?: string | null }>;
  labwareDefinitions: Record<string, Record<string, unknown>>;
  commands: EngineJsonCommand[];
}

const INVALID_DATA = 'Error 4006 INVALID_PROTOCOL_DATA';

function identificationError(message: string): ProtocolFilesInvalidError {
  return new ProtocolFilesInvalidError(`${INVALID_DATA} (FileIdentificationError): ${message}`);
}

function formatError(name: string): ProtocolFilesInvalidError {
  return new ProtocolFilesInvalidError(`${INVALID_DATA} (FileFormatValidationError): ${name} could not be read as a JSON protocol.`);
}

/** Python's `int()` of a schema version, as the 4.x reader takes it. */
function versionNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value)) return Number(value.trim());
  return null;
}

/**
 * Whether a document is read the robot software 7 way: a JSON protocol (it has `schemaVersion`
 * and `commands`) of schema 6 or later. Everything else keeps the 4.x reading and its errors.
 */
export function isEngineJsonDocument(data: Uint8Array): boolean {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(data));
  } catch {
    return false;
  }
  if (!isObject(doc) || !('commands' in doc) || !('schemaVersion' in doc)) return false;
  const version = versionNumber(doc.schemaVersion);
  return version !== null && version >= 6;
}

// ───────────────────────────── the lenient models (§2.2) ─────────────────────────────

/** One check of a model: false when pydantic would refuse the value. */
type Check = (value: unknown) => boolean;

const str: Check = (v) => coerceStr(v) !== null;
const optional = (check: Check): Check => (v) => v === undefined || v === null || check(v);
const literal = (expected: string | number): Check => (v) => v === expected;
const listOf = (check: Check): Check => (v) => Array.isArray(v) && v.every(check);
const mapOf = (check: Check): Check => (v) => isObject(v) && Object.values(v).every(check);
/** An object with these fields; other keys are ignored. */
const objectWith = (fields: Record<string, Check>): Check => (v) => isObject(v) && Object.entries(fields).every(([k, check]) => check(v[k]));
const required = (check: Check): Check => (v) => v !== undefined && v !== null && check(v);
const anyObject: Check = (v) => isObject(v);

const metadataModel = objectWith({
  protocolName: optional(str),
  author: optional(str),
  description: optional(str),
  category: optional(str),
  subcategory: optional(str),
  created: optional((v) => coerceInt(v) !== null),
  lastModified: optional((v) => coerceInt(v) !== null),
  tags: optional(listOf(str)),
});

const robotModel = objectWith({
  model: (v) => v === 'OT-2 Standard' || v === 'OT-3 Standard',
  deckId: required(str),
});

const commandModel = objectWith({ commandType: required((v) => typeof v === 'string'), params: required(anyObject), key: optional(str) });

const liquidModel = objectWith({ displayName: required(str), description: required(str), displayColor: optional(str) });

/** The engine's labware model: the parts a definition cannot do without. */
const labwareDefinitionModel = objectWith({
  wells: required(anyObject),
  ordering: required(listOf(listOf(str))),
  parameters: required(objectWith({ loadName: required(str), isTiprack: required((v) => typeof v === 'boolean') })),
  metadata: required(objectWith({ displayName: required(str) })),
  namespace: required(str),
  version: required((v) => coerceInt(v) !== null),
  dimensions: required(anyObject),
  cornerOffsetFromSlot: required(anyObject),
});

const common = {
  metadata: required(metadataModel),
  robot: required(robotModel),
  labwareDefinitions: required(mapOf(labwareDefinitionModel)),
  commands: required(listOf(commandModel)),
  designerApplication: optional(anyObject),
};

const MODELS: Record<EngineSchemaVersion, Check> = {
  6: objectWith({
    ...common,
    $otSharedSchema: literal('#/protocol/schemas/6'),
    schemaVersion: literal(6),
    pipettes: required(mapOf(objectWith({ name: required(str) }))),
    labware: required(mapOf(objectWith({ definitionId: required(str), displayName: optional(str) }))),
    modules: optional(mapOf(objectWith({ model: required(str) }))),
    liquids: optional(mapOf(liquidModel)),
    commandAnnotations: optional(listOf(objectWith({ commandIds: required(listOf(str)), annotationType: required(str) }))),
  }),
  7: objectWith({
    ...common,
    $otSharedSchema: literal('#/protocol/schemas/7'),
    schemaVersion: literal(7),
    liquids: optional(mapOf(liquidModel)),
    commandAnnotations: optional(listOf(objectWith({ commandIds: required(listOf(str)), annotationType: required(str) }))),
  }),
  8: objectWith({
    ...common,
    $otSharedSchema: literal('#/protocol/schemas/8'),
    schemaVersion: literal(8),
    liquids: required(mapOf(liquidModel)),
    commandAnnotations: required(listOf(objectWith({ commandKeys: required(listOf(str)), annotationType: required(str) }))),
    liquidSchemaId: literal('opentronsLiquidSchemaV1'),
    labwareDefinitionSchemaId: literal('opentronsLabwareSchemaV2'),
    // Robot software 7.5.0 admits only this one (8.x adds V9); the commands are not checked against it.
    commandSchemaId: literal('opentronsCommandSchemaV8'),
    commandAnnotationSchemaId: literal('opentronsCommandAnnotationSchemaV1'),
  }),
};

/** Schema 6 only: every id a command names must be declared in its map. */
function undeclaredReference(doc: Record<string, unknown>): boolean {
  const maps: [string, string][] = [
    ['pipetteId', 'pipettes'],
    ['labwareId', 'labware'],
    ['moduleId', 'modules'],
    ['liquidId', 'liquids'],
  ];
  return (doc.commands as EngineJsonCommand[]).some((command) =>
    maps.some(([param, map]) => {
      const id = command.params[param];
      if (id === undefined) return false;
      const declared = (doc[map] ?? {}) as Record<string, unknown>;
      return typeof id !== 'string' || !Object.hasOwn(declared, id);
    }),
  );
}

/**
 * Reads a document of schema 6 or later, or throws what the upload is refused with:
 * `ProtocolFilesInvalidError` (422 `ProtocolFilesInvalid`) or `ProtocolRobotTypeMismatchError`.
 */
export function readEngineJson(data: Uint8Array, name: string): EngineJsonDoc {
  const doc = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(data)) as Record<string, unknown>;
  if ('ordering' in doc && 'wells' in doc) {
    throw new ProtocolFilesInvalidError(`${INVALID_DATA} (RoleAnalysisError): "${name}" is not a valid protocol file.`);
  }
  const header = doc.robot;
  if (!('metadata' in doc) || !isObject(header) || !('model' in header)) throw identificationError(`${name} is not a valid JSON protocol.`);
  if (!isObject(doc.metadata) || typeof doc.schemaVersion !== 'number' || !Number.isInteger(doc.schemaVersion)) {
    throw identificationError(`${name} is not a valid JSON protocol.`);
  }
  if (header.model !== 'OT-2 Standard' && header.model !== 'OT-3 Standard') throw identificationError(`${name} is not a valid JSON protocol.`);
  const version = doc.schemaVersion;
  // Schemas past 8 meet the legacy model, which refuses them.
  if (version !== 6 && version !== 7 && version !== 8) throw formatError(name);
  if (!MODELS[version](doc)) throw formatError(name);
  if (version === 6 && undeclaredReference(doc)) throw formatError(name);
  if (header.model === 'OT-3 Standard') throw new ProtocolRobotTypeMismatchError();
  return {
    schemaVersion: version,
    metadata: doc.metadata,
    pipettes: (doc.pipettes ?? {}) as EngineJsonDoc['pipettes'],
    labware: (doc.labware ?? {}) as EngineJsonDoc['labware'],
    modules: (doc.modules ?? {}) as EngineJsonDoc['modules'],
    liquids: (doc.liquids ?? {}) as EngineJsonDoc['liquids'],
    labwareDefinitions: doc.labwareDefinitions as EngineJsonDoc['labwareDefinitions'],
    commands: doc.commands as EngineJsonCommand[],
  };
}
