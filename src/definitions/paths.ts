// Where the pinned @opentrons/shared-data package lives; every definition is read from it.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export const SHARED_DATA_ROOT = dirname(require.resolve('@opentrons/shared-data/package.json'));

export function sharedDataPath(...parts: string[]): string {
  return join(SHARED_DATA_ROOT, ...parts);
}
