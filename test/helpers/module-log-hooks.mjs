// The resolve hook of module-log.mjs (runs on Node's loader thread).
import fs from 'node:fs';

let log = '';

export function initialize(data) {
  log = data.log;
}

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  fs.appendFileSync(log, `${resolved.url}\n`);
  return resolved;
}
