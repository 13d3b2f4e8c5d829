// The reference material that lies beside a clone in CI (`../shared`): the seed's own example
// protocol and client script, and the recordings of the original server. Only
// `npm run test:reference` reads it; without it that command fails here, saying what is missing.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../helpers/paths.ts';

export const SHARED = path.resolve(repoRoot, '..', 'shared');
export const SEED_EXAMPLE = path.join(SHARED, 'examples', 'basic_transfer');

const needed = [
  'examples/basic_transfer/basic_transfer.py',
  'examples/basic_transfer/helpers.py',
  'examples/basic_transfer/basic_transfer_config.json',
  'examples/basic_transfer/run_basic_transfer.py',
  'reference/seed-basic_transfer.jsonl',
  'reference/json-fixtures-runlogs.jsonl',
  'reference/labware-display-name-changes.json',
  'reference/original-server-responses.md',
];

/** The first needed file that is missing, or null when the reference material is all there. */
export function missingReference(): string | null {
  for (const file of needed) if (!existsSync(path.join(SHARED, file))) return path.join('..', 'shared', file);
  return null;
}

/** The one line that says what is missing, or null. */
export function missingReferenceMessage(): string | null {
  const missing = missingReference();
  return missing === null ? null : `test:reference needs the reference material beside the clone: ${missing} is missing`;
}

/** Called at the top of every reference test file, so a file run on its own fails as loudly. */
export function requireReference(): void {
  const message = missingReferenceMessage();
  if (message !== null) throw new Error(message);
}
