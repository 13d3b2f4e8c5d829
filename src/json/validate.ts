// Reading a JSON protocol up to the point where it can run (json-protocols.md §1): decoding,
// the labware-instead-of-protocol refusal, schema version rules and schema validation.
import { validateLabwareDefinition, validateProtocolDocument } from '../definitions/index.ts';
import type { ProtocolErrorInfo } from '../common/index.ts';
import { pyJsonLoads } from './pyjson.ts';

export type SchemaVersion = 3 | 4 | 5;

export type ParsedProtocol =
  | { ok: true; doc: JsonProtocolDoc; schemaVersion: SchemaVersion; text: string }
  | { ok: false; error: ProtocolErrorInfo };

export interface JsonCommand {
  command: string;
  params: Record<string, unknown>;
}

export interface JsonProtocolDoc {
  schemaVersion: number;
  metadata: Record<string, unknown>;
  pipettes: Record<string, { mount: string; name: string }>;
  labwareDefinitions: Record<string, unknown>;
  labware: Record<string, { slot: string; definitionId: string; displayName?: string }>;
  modules?: Record<string, { slot: string; model: string }>;
  commands: JsonCommand[];
}

const LABWARE_AS_PROTOCOL =
  'The file you are trying to open is a JSON labware definition, and therefore can not be opened here. Please try uploading a JSON protocol file instead.';
const CORRUPTED = 'This may be a corrupted file or a JSON file that is not an Opentrons JSON protocol.';

function runtime(description: string): { ok: false; error: ProtocolErrorInfo } {
  return { ok: false, error: { type: 'RuntimeError', description } };
}

function decodeUtf8(data: Uint8Array): { ok: true; text: string } | { ok: false; error: ProtocolErrorInfo } {
  try {
    // ignoreBOM keeps a leading BOM in the text, as Python's decode('utf-8') does (json then refuses it).
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(data) };
  } catch {
    const bad = firstBadUtf8(data);
    return {
      ok: false,
      error: {
        type: 'UnicodeDecodeError',
        description: `'utf-8' codec can't decode byte 0x${data[bad.pos].toString(16).padStart(2, '0')} in position ${bad.pos}: ${bad.reason}`,
      },
    };
  }
}

function firstBadUtf8(data: Uint8Array): { pos: number; reason: string } {
  let i = 0;
  while (i < data.length) {
    const b = data[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0) return { pos: i, reason: 'invalid start byte' };
    for (let k = 1; k <= need; k++) {
      if (i + k >= data.length) return { pos: i, reason: 'unexpected end of data' };
      if ((data[i + k] & 0xc0) !== 0x80) return { pos: i, reason: 'invalid continuation byte' };
    }
    i += need + 1;
  }
  return { pos: 0, reason: 'invalid start byte' };
}

/** Python `int(value)` for the schema version key. */
function pyInt(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value)) return Number(value.trim());
  return null;
}

function truthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

export function readJsonProtocol(data: Uint8Array, fileName: string): ParsedProtocol {
  const decoded = decodeUtf8(data);
  if (!decoded.ok) return decoded;
  const text = decoded.text;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
    if (text.startsWith('\ufeff')) throw new SyntaxError('BOM');
  } catch {
    let r: ReturnType<typeof pyJsonLoads>;
    try {
      r = pyJsonLoads(text);
    } catch {
      return { ok: false, error: { type: 'RecursionError', description: 'maximum recursion depth exceeded while decoding a JSON document' } };
    }
    if (r.ok) doc = r.value;
    else {
      return {
        ok: false,
        error: { type: 'JSONDecodeError', description: r.error.msg, lineNumber: r.error.lineno, fileName },
      };
    }
  }
  if (validateLabwareDefinition(doc).valid) return runtime(LABWARE_AS_PROTOCOL);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    // Python would fail on `doc.get(...)`: a list/str/number has no `.get`.
    const t = Array.isArray(doc) ? 'list' : typeof doc === 'string' ? 'str' : typeof doc === 'number' ? (Number.isInteger(doc) ? 'int' : 'float') : typeof doc === 'boolean' ? 'bool' : 'NoneType';
    return { ok: false, error: { type: 'AttributeError', description: `'${t}' object has no attribute 'get'` } };
  }
  const obj = doc as Record<string, unknown>;
  let version: number;
  if (truthy(obj.schemaVersion)) {
    const v = pyInt(obj.schemaVersion);
    if (v === null) {
      const repr = typeof obj.schemaVersion === 'string' ? `'${obj.schemaVersion}'` : JSON.stringify(obj.schemaVersion);
      return { ok: false, error: { type: 'ValueError', description: `invalid literal for int() with base 10: ${repr}` } };
    }
    version = v;
  } else if (truthy(obj['protocol-schema'])) {
    const legacy = obj['protocol-schema'];
    if (legacy === '1.0.0') version = 1;
    else if (legacy === '2.0.0') version = 2;
    else return runtime(`No such schema version: "${String(legacy)}". Did you mean "1.0.0" or "2.0.0"?`);
  } else {
    return runtime('Could not determine schema version for protocol. Make sure there is a version number under "schemaVersion"');
  }
  if (version <= 2) {
    return runtime(
      `JSON protocol version ${version} is deprecated. Please upload your protocol into Protocol Designer and save it to migrate the protocol to a later version. This error might mean a labware definition was specified instead of a protocol.`,
    );
  }
  if (version > 5) {
    return runtime(
      `The protocol you are trying to open is a JSONv${version} protocol and is not supported by your current robot server version. Please update your OT-2 App and robot server to the latest version and try again.`,
    );
  }
  const sv = version as SchemaVersion;
  if (!validateProtocolDocument(sv, doc).valid) return runtime(CORRUPTED);
  return { ok: true, doc: doc as JsonProtocolDoc, schemaVersion: sv, text };
}

/** The first JSON-schema violation, for logs and the CLI's verbose mode. */
export function schemaViolation(doc: unknown, version: SchemaVersion): string | null {
  return validateProtocolDocument(version, doc).error;
}
