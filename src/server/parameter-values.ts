// The `runTimeParameterValues` form field of `POST /protocols` (beyond the original): a JSON object
// `{variableName: value}` whose values are numbers, booleans or strings. Whether they fit the
// protocol's definitions is for its analysis to say; this checks only the shape.
import type { RunTimeParameterValues } from '../analysis/index.ts';
import type { ValidationIssue } from './errors.ts';

const POINTER = '/runTimeParameterValues';

export function parseParameterValues(text: string | undefined): { values: RunTimeParameterValues; issues: ValidationIssue[] } {
  if (text === undefined || text.trim() === '') return { values: {}, issues: [] };
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: refused below like any other non-object.
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { values: {}, issues: [{ detail: 'runTimeParameterValues must be a JSON object', source: { pointer: POINTER } }] };
  }
  const issues: ValidationIssue[] = [];
  for (const [name, value] of Object.entries(parsed)) {
    const scalar = typeof value === 'boolean' || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
    if (!scalar) issues.push({ detail: 'A runtime parameter value must be a number, a boolean or a string', source: { pointer: `${POINTER}/${name}` } });
  }
  return { values: parsed as RunTimeParameterValues, issues };
}
