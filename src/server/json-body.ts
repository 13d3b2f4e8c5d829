// The JSON body parser. A body that is not JSON is a 422 validation error in the original (FastAPI
// wraps the decoder's error), with Python's decoder wording and position.
import type { FastifyRequest } from 'fastify';
import type { ValidationIssue } from './errors.ts';

export class JsonDecodeError extends Error {
  readonly issue: ValidationIssue;

  constructor(text: string, cause: unknown) {
    const position = positionOf(text, cause);
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    const what = text.trim() === '' || position >= text.length ? 'Expecting value' : describe(text, position);
    const detail = `${what}: line ${line} column ${column} (char ${position})`;
    super(detail);
    this.name = 'JsonDecodeError';
    this.issue = { detail, source: { pointer: `/${position}` } };
  }
}

function positionOf(text: string, cause: unknown): number {
  const message = cause instanceof Error ? cause.message : '';
  const match = /position (\d+)/.exec(message);
  if (match) return Number(match[1]);
  return /Unexpected end/.test(message) ? text.length : 0;
}

/** Python's wording for the common cases: a bad key after `{` or `,` in an object, else a bad value. */
function describe(text: string, position: number): string {
  const previous = text.slice(0, position).trimEnd().at(-1);
  if (previous === '{') return 'Expecting property name enclosed in double quotes';
  return 'Expecting value';
}

export function parseJsonBody(
  _request: FastifyRequest,
  body: string | Buffer,
  done: (err: Error | null, body?: unknown) => void,
): void {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  if (text.trim() === '') {
    done(null, undefined);
    return;
  }
  try {
    done(null, JSON.parse(text));
  } catch (err) {
    done(new JsonDecodeError(text, err));
  }
}
