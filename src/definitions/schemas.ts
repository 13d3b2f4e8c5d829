// JSON-schema validation of labware definitions (schema 2) and JSON protocols (schemas 3–5),
// compiled once with ajv from the package's own schema files.
import { createRequire } from 'node:module';
import type { Ajv, ValidateFunction, ErrorObject } from 'ajv';
import { readSharedJson } from './read.ts';

// ajv is loaded on the first validation, not with this module: most CLI runs validate nothing.
const requireHere = createRequire(import.meta.url);

export interface SchemaCheck {
  valid: boolean;
  /** First violation as `{instancePath} {message}`, e.g. `/parameters/loadName must match pattern "^[a-z0-9._]+$"`. */
  error: string | null;
  /** JSON pointer of the first violation (`''` for the document itself), or null when valid. */
  errorPath: string | null;
  /** The first violation's message alone, e.g. `must match pattern "^[a-z0-9._]+$"`. */
  errorMessage: string | null;
}

let ajv: Ajv | null = null;
let labwareValidator: ValidateFunction | null = null;
const protocolValidators = new Map<number, ValidateFunction>();

function instance(): Ajv {
  if (ajv === null) {
    // strict off: the Opentrons schemas use keywords (e.g. `volume` beside `properties`) that
    // strict mode refuses, and the original validates them with plain draft-07 semantics.
    const { Ajv: AjvClass } = requireHere('ajv') as typeof import('ajv');
    ajv = new AjvClass({ strict: false, allErrors: false });
    ajv.addSchema(readSharedJson('labware', 'schemas', '2.json') as object, 'opentronsLabwareSchemaV2');
  }
  return ajv;
}

function describe(errors: ErrorObject[] | null | undefined): Omit<SchemaCheck, 'valid'> {
  if (!errors || errors.length === 0) return { error: null, errorPath: null, errorMessage: null };
  const e = errors[0];
  // A missing property is reported at its parent by ajv; point at the property itself.
  const missing = e.keyword === 'required' ? (e.params as { missingProperty?: string }).missingProperty : undefined;
  const errorPath = missing === undefined ? e.instancePath : `${e.instancePath}/${missing}`;
  const errorMessage = e.message ?? 'is invalid';
  return { error: `${e.instancePath || '/'} ${errorMessage}`, errorPath, errorMessage };
}

const VALID: Omit<SchemaCheck, 'valid'> = { error: null, errorPath: null, errorMessage: null };

export function validateLabwareDefinition(def: unknown): SchemaCheck {
  const a = instance();
  labwareValidator ??= a.getSchema('opentronsLabwareSchemaV2') ?? null;
  if (labwareValidator === null) throw new Error('labware schema 2 failed to compile');
  const valid = labwareValidator(def) as boolean;
  return { valid, ...(valid ? VALID : describe(labwareValidator.errors)) };
}

export function validateProtocolDocument(schemaVersion: 3 | 4 | 5, doc: unknown): SchemaCheck {
  let v = protocolValidators.get(schemaVersion);
  if (!v) {
    v = instance().compile(readSharedJson('protocol', 'schemas', `${schemaVersion}.json`) as object);
    protocolValidators.set(schemaVersion, v);
  }
  const valid = v(doc) as boolean;
  return { valid, ...(valid ? VALID : describe(v.errors)) };
}
