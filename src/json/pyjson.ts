// A JSON scanner that behaves like CPython's `json` module where it shows: its error messages
// and positions (for `JSONDecodeError`), and int-vs-float literals (`70` vs `70.0`), which shows
// in run-log text built from `repr()`. The fast path uses JSON.parse; this runs only on failure
// or when float literals matter.

export interface PyJsonError {
  msg: string;
  pos: number;
  lineno: number;
  colno: number;
}

/** An integral number written with a fraction or exponent (`70.0`), i.e. a Python float. */
export class FloatLiteral {
  constructor(readonly value: number) {}
}

class DecodeError extends Error {
  constructor(
    readonly msg: string,
    readonly pos: number,
  ) {
    super(msg);
  }
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;

function skipWs(s: string, i: number): number {
  while (i < s.length && WS.has(s[i])) i++;
  return i;
}

class Scanner {
  constructor(
    private readonly s: string,
    private readonly markFloats: boolean,
  ) {}

  value(i: number): [unknown, number] {
    const s = this.s;
    const c = s[i];
    if (c === '"') return this.string(i + 1);
    if (c === '{') return this.object(i + 1);
    if (c === '[') return this.array(i + 1);
    if (c === 'n' && s.startsWith('null', i)) return [null, i + 4];
    if (c === 't' && s.startsWith('true', i)) return [true, i + 4];
    if (c === 'f' && s.startsWith('false', i)) return [false, i + 5];
    NUMBER.lastIndex = i;
    const m = i < s.length ? NUMBER.exec(s) : null;
    if (m) {
      const n = Number(m[0]);
      const isFloat = m[1] !== undefined || m[2] !== undefined;
      return [this.markFloats && isFloat && Number.isInteger(n) ? new FloatLiteral(n) : n, i + m[0].length];
    }
    if (c === 'N' && s.startsWith('NaN', i)) return [NaN, i + 3];
    if (c === 'I' && s.startsWith('Infinity', i)) return [Infinity, i + 8];
    if (c === '-' && s.startsWith('-Infinity', i)) return [-Infinity, i + 9];
    throw new DecodeError('Expecting value', i);
  }

  string(start: number): [string, number] {
    const s = this.s;
    let out = '';
    let i = start;
    for (;;) {
      if (i >= s.length) throw new DecodeError('Unterminated string starting at', start - 1);
      const c = s[i];
      if (c === '"') return [out, i + 1];
      if (c === '\\') {
        const e = s[i + 1];
        if (e === undefined) throw new DecodeError('Unterminated string starting at', start - 1);
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u') {
          const hex = s.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new DecodeError('Invalid \\uXXXX escape', i + 1);
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else {
          throw new DecodeError(`Invalid \\escape: ${pyStrRepr(e)}`, i);
        }
      } else if (c < ' ') {
        throw new DecodeError('Invalid control character at', i);
      } else {
        out += c;
        i++;
      }
    }
  }

  object(start: number): [Record<string, unknown>, number] {
    const s = this.s;
    const obj: Record<string, unknown> = {};
    let i = skipWs(s, start);
    if (s[i] === '}') return [obj, i + 1];
    if (s[i] !== '"') throw new DecodeError('Expecting property name enclosed in double quotes', i);
    for (;;) {
      const [key, afterKey] = this.string(i + 1);
      i = skipWs(s, afterKey);
      if (s[i] !== ':') throw new DecodeError("Expecting ':' delimiter", i);
      i = skipWs(s, i + 1);
      const [v, afterV] = this.value(i);
      obj[key] = v;
      i = skipWs(s, afterV);
      if (s[i] === '}') return [obj, i + 1];
      if (s[i] !== ',') throw new DecodeError("Expecting ',' delimiter", i);
      i = skipWs(s, i + 1);
      if (s[i] !== '"') throw new DecodeError('Expecting property name enclosed in double quotes', i);
    }
  }

  array(start: number): [unknown[], number] {
    const s = this.s;
    const arr: unknown[] = [];
    let i = skipWs(s, start);
    if (s[i] === ']') return [arr, i + 1];
    for (;;) {
      const [v, afterV] = this.value(i);
      arr.push(v);
      i = skipWs(s, afterV);
      if (s[i] === ']') return [arr, i + 1];
      if (s[i] !== ',') throw new DecodeError("Expecting ',' delimiter", i);
      i = skipWs(s, i + 1);
    }
  }
}

function pyStrRepr(c: string): string {
  return c === "'" ? `"'"` : `'${c}'`;
}

function position(s: string, pos: number): { lineno: number; colno: number } {
  let lineno = 1;
  let lastNl = -1;
  for (let i = 0; i < pos && i < s.length; i++) {
    if (s.charCodeAt(i) === 10) {
      lineno++;
      lastNl = i;
    }
  }
  return { lineno, colno: pos - lastNl };
}

/** Python `json.loads(text)`: the value, or the JSONDecodeError it would raise. */
export function pyJsonLoads(text: string, markFloats = false): { ok: true; value: unknown } | { ok: false; error: PyJsonError } {
  try {
    if (text.startsWith('\ufeff')) throw new DecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', 0);
    const sc = new Scanner(text, markFloats);
    const [value, end] = sc.value(skipWs(text, 0));
    const e = skipWs(text, end);
    if (e !== text.length) throw new DecodeError('Extra data', e);
    return { ok: true, value };
  } catch (err) {
    if (!(err instanceof DecodeError)) throw err;
    return { ok: false, error: { msg: err.msg, pos: err.pos, ...position(text, err.pos) } };
  }
}
