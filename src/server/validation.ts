// Request-body checks that reproduce the original's 422 lists. Its bodies are unions of models
// (one per session type, one per command shape), and pydantic reports every alternative's
// failures in order; these functions do the same, so clients get the errors they would have got.
import type { ErrorObject as AjvError } from 'ajv';
import { EMPTY_DATA_COMMANDS, PAYLOAD_COMMANDS } from '../runner/index.ts';
import type { ValidationIssue } from './errors.ts';

type Json = Record<string, unknown>;

function isDict(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const issue = (pointer: string, detail: string): ValidationIssue => ({ detail, source: { pointer } });

/** `<Class.member: 'value'>`, the repr pydantic prints for permitted enum values. */
function enumRepr(label: string, value: string): string {
  return `<${label}: '${value}'>`;
}

function permitted(reprs: readonly string[]): string {
  return `unexpected value; permitted: ${reprs.join(', ')}`;
}

/** Checks `body.data`; returns it when it is a dict, issues otherwise. */
function dataOf(body: unknown): { data: Json } | { issues: ValidationIssue[] } {
  if (body === undefined) return { issues: [issue('', 'field required')] };
  if (!isDict(body)) return { issues: [issue('', 'value is not a valid dict')] };
  if (!('data' in body) || body.data === undefined || body.data === null) {
    return { issues: [issue('/data', body.data === null ? 'none is not an allowed value' : 'field required')] };
  }
  if (!isDict(body.data)) return { issues: [issue('/data', 'value is not a valid dict')] };
  return { data: body.data };
}

// ---- POST /sessions --------------------------------------------------------------------------

interface SessionTypeAlternative {
  value: string;
  member: string;
  /** createParams is required (and must then be a dict with these required keys). */
  paramsRequired: boolean;
  requiredParams: readonly string[];
}

/** The original's session-create union, in its order (RS/service/session/models/session.py). */
const SESSION_TYPES: readonly SessionTypeAlternative[] = [
  { value: 'calibrationCheck', member: 'calibration_check', paramsRequired: true, requiredParams: [] },
  { value: 'tipLengthCalibration', member: 'tip_length_calibration', paramsRequired: true, requiredParams: ['mount'] },
  { value: 'deckCalibration', member: 'deck_calibration', paramsRequired: false, requiredParams: [] },
  { value: 'pipetteOffsetCalibration', member: 'pipette_offset_calibration', paramsRequired: true, requiredParams: ['mount'] },
  { value: 'protocol', member: 'protocol', paramsRequired: true, requiredParams: ['protocolId'] },
  { value: 'liveProtocol', member: 'live_protocol', paramsRequired: false, requiredParams: [] },
];

export const SESSION_TYPE_NAMES: readonly string[] = SESSION_TYPES.map((t) => t.value);

export type SessionCreateRequest =
  | { sessionType: 'protocol'; protocolId: string }
  | { sessionType: string; createParams: Json | null };

function checkSessionAlternative(alt: SessionTypeAlternative, data: Json): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (data.sessionType === undefined) issues.push(issue('/data/sessionType', 'field required'));
  else if (data.sessionType !== alt.value) {
    issues.push(issue('/data/sessionType', permitted([enumRepr(`SessionType.${alt.member}`, alt.value)])));
  }
  const params = data.createParams;
  if (params === undefined || params === null) {
    if (alt.paramsRequired) issues.push(issue('/data/createParams', params === null ? 'none is not an allowed value' : 'field required'));
  } else if (!isDict(params)) {
    issues.push(issue('/data/createParams', 'value is not a valid dict'));
  } else {
    for (const key of alt.requiredParams) {
      const v = params[key];
      if (v === undefined) issues.push(issue(`/data/createParams/${key}`, 'field required'));
      else if (v === null) issues.push(issue(`/data/createParams/${key}`, 'none is not an allowed value'));
      else if (key === 'protocolId' && typeof v !== 'string' && typeof v !== 'number') {
        issues.push(issue(`/data/createParams/${key}`, 'str type expected'));
      }
    }
  }
  return issues;
}

export function validateSessionCreate(body: unknown): { ok: true; value: SessionCreateRequest } | { ok: false; issues: ValidationIssue[] } {
  const found = dataOf(body);
  if ('issues' in found) return { ok: false, issues: found.issues };
  const { data } = found;
  const issues: ValidationIssue[] = [];
  for (const alt of SESSION_TYPES) {
    const altIssues = checkSessionAlternative(alt, data);
    if (altIssues.length === 0) {
      const params = isDict(data.createParams) ? data.createParams : null;
      if (alt.value === 'protocol' && params !== null) {
        // pydantic's str field accepts numbers and makes them strings.
        return { ok: true, value: { sessionType: 'protocol', protocolId: String(params.protocolId) } };
      }
      return { ok: true, value: { sessionType: alt.value, createParams: params } };
    }
    issues.push(...altIssues);
  }
  return { ok: false, issues };
}

// ---- POST /sessions/{id}/commands/execute ----------------------------------------------------

export interface CommandRequest {
  command: string;
  /** The payload as validated: `{}` for the empty-data commands (extra keys are dropped). */
  data: Json;
}

const EMPTY_NAMES = new Set(EMPTY_DATA_COMMANDS.map((c) => c.name));
const EMPTY_PERMITTED = permitted(EMPTY_DATA_COMMANDS.map((c) => enumRepr(c.label, c.name)));

export function validateCommand(body: unknown): { ok: true; value: CommandRequest } | { ok: false; issues: ValidationIssue[] } {
  const found = dataOf(body);
  if ('issues' in found) return { ok: false, issues: found.issues };
  const { data } = found;
  const command = data.command;
  const payload = data.data;
  const payloadIssue = (): ValidationIssue | null => {
    if (payload === undefined) return issue('/data/data', 'field required');
    if (payload === null) return issue('/data/data', 'none is not an allowed value');
    if (!isDict(payload)) return issue('/data/data', 'value is not a valid dict');
    return null;
  };
  const issues: ValidationIssue[] = [];

  // Alternative 1: the commands without a payload.
  const emptyIssues: ValidationIssue[] = [];
  if (command === undefined) emptyIssues.push(issue('/data/command', 'field required'));
  else if (typeof command !== 'string' || !EMPTY_NAMES.has(command)) emptyIssues.push(issue('/data/command', EMPTY_PERMITTED));
  const p = payloadIssue();
  if (p) emptyIssues.push(p);
  if (emptyIssues.length === 0) return { ok: true, value: { command: command as string, data: {} } };
  issues.push(...emptyIssues);

  // The others, each with its own payload model.
  for (const def of PAYLOAD_COMMANDS) {
    const altIssues: ValidationIssue[] = [];
    if (command === undefined) altIssues.push(issue('/data/command', 'field required'));
    else if (command !== def.name) altIssues.push(issue('/data/command', permitted([enumRepr(def.label, def.name)])));
    const pi = payloadIssue();
    if (pi) altIssues.push(pi);
    else if (isDict(payload)) {
      for (const key of def.required) {
        if (payload[key] === undefined) altIssues.push(issue(`/data/data/${key}`, 'field required'));
      }
    }
    if (altIssues.length === 0) return { ok: true, value: { command: def.name, data: isDict(payload) ? payload : {} } };
    issues.push(...altIssues);
  }
  return { ok: false, issues };
}

// ---- Fastify/ajv validation errors ------------------------------------------------------------

const PY_TYPE_MESSAGES: Record<string, string> = {
  object: 'value is not a valid dict',
  array: 'value is not a valid list',
  integer: 'value is not a valid integer',
  number: 'value is not a valid float',
  string: 'str type expected',
  boolean: 'value could not be parsed to a boolean',
};

/** Maps ajv's errors (from Fastify's schema validation) to the original's issue list. */
export function issuesFromAjv(errors: readonly AjvError[], context: string): ValidationIssue[] {
  return errors.map((e) => {
    let path = e.instancePath;
    let detail = e.message ?? 'invalid value';
    if (e.keyword === 'required') {
      path = `${path}/${String((e.params as { missingProperty?: string }).missingProperty)}`;
      detail = 'field required';
    } else if (e.keyword === 'type') {
      const t = String((e.params as { type?: string }).type);
      detail = PY_TYPE_MESSAGES[t] ?? detail;
    } else if (e.keyword === 'enum') {
      const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues ?? [];
      detail = `value is not a valid enumeration member; permitted: ${allowed.map((v) => `'${String(v)}'`).join(', ')}`;
    }
    const name = path.replace(/^\//, '');
    if (context === 'querystring') return { detail, source: { parameter: name } };
    if (context === 'headers') return { detail, source: { header: name.toLowerCase() } };
    if (context === 'params') return { detail };
    return { detail, source: { pointer: path } };
  });
}
