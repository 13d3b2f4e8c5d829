// The only file reads of the definitions folder, each cached for the life of the process.
import { readFileSync } from 'node:fs';
import { sharedDataPath } from './paths.ts';

const cache = new Map<string, unknown>();

/** Parsed JSON at a path inside shared-data, or null when the file does not exist. */
export function readSharedJson(...parts: string[]): unknown {
  const path = sharedDataPath(...parts);
  if (cache.has(path)) return cache.get(path);
  let value: unknown = null;
  try {
    value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' && (err as NodeJS.ErrnoException).code !== 'ENOTDIR') throw err;
  }
  cache.set(path, value);
  return value;
}
