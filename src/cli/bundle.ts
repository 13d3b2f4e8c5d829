// Reads a protocol and its companions from the host's disk into a ProtocolBundle: the only place
// the CLI touches files. Custom labware given with --labware travels as support files, which is
// how uploads carry it too.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ProtocolBundle, ProtocolFileData } from '../analysis/index.ts';
import { validateLabwareDefinition } from '../definitions/index.ts';

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
  const files: ProtocolFileData[] = [];
  for (const p of supportPaths) files.push(await readOne(p));
  for (const p of labwarePaths) {
    for (const f of await labwareFiles(p)) files.push(checkedLabware(f, await readOne(f)));
  }
  const supportFiles: ProtocolFileData[] = [];
  for (const file of files) {
    // Flat folder semantics, as on upload: a later file of the same name replaces an earlier one.
    const existing = supportFiles.findIndex((f) => f.name === file.name);
    if (existing >= 0) supportFiles.splice(existing, 1);
    supportFiles.push(file);
  }
  return { protocolFile, supportFiles };
}

/**
 * A file given with --labware is meant to be labware, so an invalid one is refused with the field
 * that fails (a support file that is not labware is silently just a support file, as on upload).
 */
function checkedLabware(path: string, file: ProtocolFileData): ProtocolFileData {
  let def: unknown;
  try {
    def = JSON.parse(new TextDecoder().decode(file.data));
  } catch (err) {
    throw new BundleReadError(`${path} is not a labware definition: ${(err as Error).message}`);
  }
  const check = validateLabwareDefinition(def);
  if (!check.valid) throw new BundleReadError(`${path} is not a valid labware definition (schema 2): ${check.error}`);
  return file;
}
