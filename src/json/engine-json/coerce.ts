// The value coercion of the robot's models (pydantic 1): what a string, number or boolean field
// accepts. Each returns null where the model would refuse the value.

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A `str` field: text as it is, a number as Python prints it. */
export function coerceStr(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** A `float` field: a number, a boolean (1.0 / 0.0) or the text of a number. */
export function coerceFloat(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** An `int` field: a float is truncated; text must be a whole number. */
export function coerceInt(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value)) return Number(value.trim());
  return null;
}

const TRUE_TEXTS = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE_TEXTS = new Set(['0', 'off', 'f', 'false', 'n', 'no']);

/** A `bool` field: booleans, 0 and 1, and the usual yes/no texts. */
export function coerceBool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 0 || value === 1) return value === 1;
  if (typeof value === 'string') {
    const t = value.toLowerCase();
    if (TRUE_TEXTS.has(t)) return true;
    if (FALSE_TEXTS.has(t)) return false;
  }
  return null;
}
