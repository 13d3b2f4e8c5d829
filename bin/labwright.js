#!/usr/bin/env node
// The command line. `analyze`, `simulate` and their background helper (`__helper`) run the compiled CLI kept in the user's cache for
// these sources (bin/compiled-cli.js builds it on the first run of a source version), so they
// start without tsx. Every other command (and analyze if the compiled CLI cannot be built) runs the
// TypeScript entry point through tsx, so `npx labwright` works right after `npm ci` with no build
// step.
import { fileURLToPath, pathToFileURL } from 'node:url';

const command = process.argv[2];
let entry = null;
if (command === 'analyze' || command === 'simulate' || command === '__helper') {
  const { compiledCli } = await import('./compiled-cli.js');
  entry = await compiledCli(fileURLToPath(new URL('..', import.meta.url)));
}
if (entry !== null) {
  // An interpreter for a Python protocol starts booting now, beside the loading of the rest.
  const { prestart } = await import(pathToFileURL(entry.replace(/main\.mjs$/, 'prestart.mjs')).href);
  prestart(process.argv);
  await import(pathToFileURL(entry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
