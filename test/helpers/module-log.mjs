// `node --import ./test/helpers/module-log.mjs …`: every module the process resolves is appended,
// one URL a line, to the file named by $LABWRIGHT_MODULE_LOG. Tests use it to see what a command
// loads (plain JavaScript: it runs before anything could transpile TypeScript).
import { register } from 'node:module';

if (process.env.LABWRIGHT_MODULE_LOG) {
  register('./module-log-hooks.mjs', import.meta.url, { data: { log: process.env.LABWRIGHT_MODULE_LOG } });
}
