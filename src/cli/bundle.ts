// Reads a protocol and its companions from the host's disk into a ProtocolBundle: the only place
// the CLI touches files. Custom labware given with --labware travels as support files, which is
// how uploads carry it too.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ProtocolBundle, ProtocolFileData } from '../analysis/index.ts';

export class BundleReadError extends Error {}

async function readOne(path: string): Promise<ProtocolFileData> {
  try {
    return { name: basename(path), data: new Uint8Array(await readFile(path)) };
  } catch (err) {
    throw new BundleReadError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

/** A --labware path is a definition file or a folder of them (every *.json inside). */
async function labwareFiles(path: string): Promise<string[]> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    throw new BundleReadError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path)).filter((n) => n.toLowerCase().endsWith('.json')).sort();
  return names.map((n) => join(path, n));
}

export async function readBundle(
  protocolPath: string,
  supportPaths: readonly string[],
  labwarePaths: readonly string[],
): Promise<ProtocolBundle> {
  const protocolFile = await readOne(protocolPath);
  const paths = [...supportPaths];
  for (const p of labwarePaths) paths.push(...(await labwareFiles(p)));
  const supportFiles: ProtocolFileData[] = [];
  for (const p of paths) {
    const file = await readOne(p);
    // Flat folder semantics, as on upload: a later file of the same name replaces an earlier one.
    const existing = supportFiles.findIndex((f) => f.name === file.name);
    if (existing >= 0) supportFiles.splice(existing, 1);
    supportFiles.push(file);
  }
  return { protocolFile, supportFiles };
}
