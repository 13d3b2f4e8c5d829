// Python number formatting (CPython 3.7 repr/str) for run-log text: float repr with its
// exponent thresholds, int-vs-float tracking, banker's round on the exact binary value.
import type { PyNum } from './types.ts';

/** Python `repr(float(x))`: shortest round-trip digits, `.0` for integral values, `1e-05` style exponents. */
export function pyFloat(x: number): string {
  if (Number.isInteger(x)) {
    if (Math.abs(x) < 1e16) return Object.is(x, -0) ? '-0.0' : `${x}.0`;
  } else if (Number.isNaN(x)) {
    return 'nan';
  } else if (!Number.isFinite(x)) {
    return x > 0 ? 'inf' : '-inf';
  }
  const ax = Math.abs(x);
  // In [1e-4, 1e16) JS and Python both print fixed notation with the same shortest digits.
  if (ax >= 1e-4 && ax < 1e16) return String(x);
  const e = x.toExponential();
  const i = e.indexOf('e');
  const mant = e.slice(0, i);
  const sign = e[i + 1];
  const digits = e.slice(i + 2);
  return `${mant}e${sign}${digits.length < 2 ? '0' + digits : digits}`;
}

/** Python `str(int)`. */
export function pyInt(x: number): string {
  return Number.isInteger(x) ? (Math.abs(x) < 1e21 ? x.toFixed(0) : BigInt(x).toString()) : String(Math.trunc(x));
}

export function isPyFloat(n: PyNum): boolean {
  return typeof n !== 'number' || !Number.isInteger(n);
}

export function pyValue(n: PyNum): number {
  return typeof n === 'number' ? n : n.float;
}

/** `str()` of a PyNum: ints without a point, floats as Python repr. */
export function pyNum(n: PyNum): string {
  return typeof n === 'number' ? (Number.isInteger(n) ? pyInt(n) : pyFloat(n)) : pyFloat(n.float);
}

/** Python `round(x, ndigits)` on a float: round-half-even on the exact binary value; returns a float. */
export function pyRound(x: number, ndigits: number): number {
  if (!Number.isFinite(x)) return x;
  if (ndigits === 0) {
    const f = Math.floor(x);
    const diff = x - f;
    if (diff > 0.5) return f + 1;
    if (diff < 0.5) return f;
    return f % 2 === 0 ? f : f + 1;
  }
  if (Math.abs(x) >= 1e15) return x;
  // toFixed works on the exact binary value but breaks exact ties upward; detect those ties.
  const near = Number(x.toFixed(ndigits));
  const wide = x.toFixed(Math.min(100, ndigits + 30));
  const tail = wide.slice(wide.indexOf('.') + 1 + ndigits);
  if (tail[0] === '5' && /^50*$/.test(tail)) {
    // An exact tie: the truncated digits are the lower candidate; keep them if the last is even.
    const truncated = wide.slice(0, wide.indexOf('.') + 1 + ndigits);
    const lastDigit = Number(truncated[truncated.length - 1]);
    if (lastDigit % 2 === 0) return Number(truncated);
  }
  return near;
}

/**
 * The delay text's minutes/seconds (spec §10.4): timedelta rounds the total to whole microseconds
 * (half-even), then `divmod(total, 60)`; minutes print as int, seconds as `round(S, 3)`.
 */
export function delayParts(seconds: number, minutes: number): { m: number; s: number } {
  const total = delayTotalSeconds(seconds, minutes);
  const m = Math.floor(total / 60);
  const s = total - m * 60;
  return { m, s: pyRound(s, 3) };
}

/** `timedelta(minutes=minutes, seconds=seconds).total_seconds()`: whole microseconds, half-even. */
export function delayTotalSeconds(seconds: number, minutes: number): number {
  return roundHalfEven(seconds * 1e6 + minutes * 60e6) / 1e6;
}

function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** Python `repr()` of a JSON-like value (dicts, lists, strings in single quotes, numbers, bools). */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? pyInt(v) : pyFloat(v);
  if (typeof v === 'string') return pyStrRepr(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (typeof v === 'object') {
    if ('float' in (v as object) && Object.keys(v as object).length === 1) return pyFloat((v as { float: number }).float);
    return `{${Object.entries(v as Record<string, unknown>)
      .map(([k, val]) => `${pyStrRepr(k)}: ${pyRepr(val)}`)
      .join(', ')}}`;
  }
  return String(v);
}

function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else out += ch;
  }
  return out + quote;
}
