// What an analysis depends on, as one hash: the code that produces analyses (Labwright's own
// sources, its Python package, the versions of the definitions and the interpreter) and the
// protocol's inputs (its files, the lab's labware library, the runtime-parameter values given). Equal keys mean a fresh analysis would
// give the same result, unless the protocol reads the clock or randomness (Analysis.reproducible).
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ProtocolBundle } from '../analysis/index.ts';
import { sourceKey } from '../common/index.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/**
 * The code that makes analyses, as a hash: the same source key the CLI's cache is keyed by (every
 * source file, the installed packages, Node's version), computed once per process.
 */
export function engineFingerprint(): string {
  return sourceKey(repoRoot);
}

/** The key of an analysis of `bundle` as this code would make it. */
export function analysisKey(bundle: ProtocolBundle): string {
  const hash = createHash('sha256').update(engineFingerprint());
  const file = (name: string, data: Uint8Array) => hash.update(`\0${name}\0${data.byteLength}\0`).update(data);
  file(bundle.protocolFile.name, bundle.protocolFile.data);
  for (const support of bundle.supportFiles) file(support.name, support.data);
  // The library is searched in order, so its order is part of the input.
  hash.update(`\0library\0${JSON.stringify(bundle.labwareLibrary ?? [])}`);
  // Values by name, whatever order they were given in; none given keeps the key of the defaults.
  const values = Object.entries(bundle.runTimeParameterValues ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (values.length > 0) hash.update(`\0runTimeParameterValues\0${JSON.stringify(values)}`);
  return hash.digest('hex');
}
