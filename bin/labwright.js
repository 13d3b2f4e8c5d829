#!/usr/bin/env node
// The command line. `serve`, `analyze`, `simulate`, `prepare` and analyze's background helper (`__helper`)
// run the compiled CLI kept in the user's cache for these sources (bin/compiled-cli.js builds it on
// the first run of a source version), so they start without tsx. Every other command (and these
// if the compiled CLI cannot be built) runs the TypeScript entry point through tsx, so `npx
// labwright` works right after `npm ci` with no build step.
import { fileURLToPath, pathToFileURL } from 'node:url';

const command = process.argv[2];
let entry = null;
if (command === 'analyze' || command === 'simulate' || command === 'serve' || command === '__helper' || command === 'prepare') {
  const { compiledCli } = await import('./compiled-cli.js');
  entry = await compiledCli(fileURLToPath(new URL('..', import.meta.url)));
}
if (entry !== null) {
  // First steps before the rest loads: serve's front door (its socket, answering /health), and an
  // interpreter for a Python protocol or for serve's pool, booting beside the loading of the rest.
  const { prestart } = await import(pathToFileURL(entry.replace(/main\.mjs$/, 'prestart.mjs')).href);
  await prestart(process.argv);
  await import(pathToFileURL(entry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
