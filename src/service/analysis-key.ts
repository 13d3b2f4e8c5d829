// What an analysis depends on, as one hash: the code that produces analyses (Labwright's own
// sources, its Python package, the versions of the definitions and the interpreter) and the
// protocol's inputs (its files, the lab's labware library). Equal keys mean a fresh analysis would
// give the same result, unless the protocol reads the clock or randomness (Analysis.reproducible).
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ProtocolBundle } from '../analysis/index.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');

function hashTree(hash: Hash, dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === '__pycache__' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, full);
    else if (/\.(ts|py|json)$/.test(entry.name)) hash.update(path.relative(repoRoot, full)).update(readFileSync(full));
  }
}

let fingerprint: string | null = null;

/** The code that makes analyses, as a hash: computed once per process (a few milliseconds). */
export function engineFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const hash = createHash('sha256');
  hashTree(hash, path.join(repoRoot, 'src'));
  hashTree(hash, path.join(repoRoot, 'python'));
  const require = createRequire(import.meta.url);
  for (const dependency of ['@opentrons/shared-data/package.json', 'pyodide/package.json']) hash.update(readFileSync(require.resolve(dependency)));
  hash.update(process.version);
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/** The key of an analysis of `bundle` as this code would make it. */
export function analysisKey(bundle: ProtocolBundle): string {
  const hash = createHash('sha256').update(engineFingerprint());
  const file = (name: string, data: Uint8Array) => hash.update(`\0${name}\0${data.byteLength}\0`).update(data);
  file(bundle.protocolFile.name, bundle.protocolFile.data);
  for (const support of bundle.supportFiles) file(support.name, support.data);
  // The library is searched in order, so its order is part of the input.
  hash.update(`\0library\0${JSON.stringify(bundle.labwareLibrary ?? [])}`);
  return hash.digest('hex');
}
