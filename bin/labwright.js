#!/usr/bin/env node
// The command line. `analyze` and `simulate` start the compiled CLI that an earlier run of these
// same sources left in the user's cache (src/cli/compiled.ts), so they start without tsx; every
// other command, and the first run of a source version, runs the TypeScript entry point through
// tsx, so `npx labwright` works right after `npm ci` with no build step.
import { fileURLToPath, pathToFileURL } from 'node:url';

const command = process.argv[2];
let entry = null;
if (command === 'analyze' || command === 'simulate') {
  const { compiledCliEntry } = await import('../src/shared/user-cache.js');
  entry = compiledCliEntry(fileURLToPath(new URL('..', import.meta.url)));
}
if (entry !== null) {
  await import(pathToFileURL(entry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
