// `labwright prepare`: makes what a first run would otherwise make, so that the first `analyze`,
// `simulate` or `serve` on a machine starts as fast as later ones do: the sandbox bundle and the
// interpreter snapshot in the user's cache folder of this source version (bin/labwright.js has
// built the compiled CLI there before this runs). `npm install` runs it; it never fails an install.
import { DEFAULT_SANDBOX_LIMITS } from '../analysis/index.ts';
import { cachedSandboxFiles, createPythonService } from '../python/index.ts';

export type PrepareOutcome = 'prepared' | 'already-prepared' | 'no-cache';

export async function prepareCache(): Promise<PrepareOutcome> {
  if (cachedSandboxFiles() !== null) return 'already-prepared';
  // One warm interpreter: the first start of a version makes the snapshot and stores it.
  const service = createPythonService({ poolSize: 1, limits: DEFAULT_SANDBOX_LIMITS, sandboxFiles: 'user-cache' });
  try {
    await service.warm();
  } finally {
    await service.close();
  }
  // A cache that cannot be written sends the files to a temporary folder instead (bundle.ts).
  return cachedSandboxFiles() !== null ? 'prepared' : 'no-cache';
}

export const PREPARE_TEXT: Record<PrepareOutcome, string> = {
  prepared: "Labwright: the interpreter snapshot and sandbox bundle are ready in the user's cache.",
  'already-prepared': "Labwright: the user's cache is already prepared for this version.",
  'no-cache': "Labwright: the user's cache folder cannot be written; first runs will prepare what they need themselves.",
};
