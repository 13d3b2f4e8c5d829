// Where tests find the repository and the shared reference material (`../shared` beside the
// clone, as in CI).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = join(repoRoot, '../shared');
