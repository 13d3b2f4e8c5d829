// `labwright labware add|list|show|remove --data-dir DIR`: the server's labware library, worked on
// directly in the data folder (for when no server runs; a running server notices at its next
// start). The same checks as `POST /labware`.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidLabwareError, LabwareConflictError, LabwareLibrary, LabwareNotFoundError, type LibrarySnapshot } from '../library/index.ts';
import { openLabwareStore } from '../store/index.ts';
import { BundleReadError } from './bundle.ts';
import { LibraryRefusal } from './errors.ts';

async function withLibrary<T>(dataDir: string, fn: (library: LabwareLibrary) => T | Promise<T>): Promise<T> {
  const store = await openLabwareStore(dataDir);
  try {
    return await fn(new LabwareLibrary(store.labware));
  } catch (err) {
    if (err instanceof LabwareConflictError || err instanceof LabwareNotFoundError) throw new LibraryRefusal(err.message);
    throw err;
  } finally {
    store.close();
  }
}

/** The library of a data folder as an analysis sees it. */
export function librarySnapshot(dataDir: string): Promise<LibrarySnapshot> {
  return withLibrary(dataDir, (library) => library.snapshot());
}

/** Definition files named by `paths`: files, or every *.json in a folder. */
async function definitionFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch (err) {
      throw new BundleReadError(`cannot read ${p}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    if (!info.isDirectory()) out.push(p);
    else out.push(...(await readdir(p)).filter((n) => n.toLowerCase().endsWith('.json')).sort().map((n) => join(p, n)));
  }
  return out;
}

export async function addLabware(dataDir: string, paths: readonly string[]): Promise<string[]> {
  const files = await definitionFiles(paths);
  const values: unknown[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      throw new BundleReadError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    try {
      values.push(JSON.parse(text));
    } catch (err) {
      throw new LibraryRefusal(`${file} is not JSON: ${(err as Error).message}; nothing was added`);
    }
  }
  return withLibrary(dataDir, (library) => {
    try {
      return library.add(values).map((a) => `${a.created ? 'added' : 'already there (same content)'}: ${a.labware.uri} (${a.labware.displayName})`);
    } catch (err) {
      if (!(err instanceof InvalidLabwareError)) throw err;
      const lines = err.problems.map((p) => `${files[p.index]}: ${p.issue.pointer || '/'} ${p.issue.detail}`);
      throw new LibraryRefusal(`${lines.join('\n')}\nnothing was added`);
    }
  });
}

export function listLabware(dataDir: string, json: boolean): Promise<string> {
  return withLibrary(dataDir, (library) => {
    const items = library.list();
    if (json) return JSON.stringify(items, null, 2);
    if (items.length === 0) return 'the labware library is empty';
    return items.map((l) => `${l.uri}\t${l.displayName}\t${l.createdAt}`).join('\n');
  });
}

export function showLabware(dataDir: string, uri: string): Promise<string> {
  return withLibrary(dataDir, (library) => JSON.stringify(library.get(uri).definition, null, 2));
}

export function removeLabware(dataDir: string, uri: string): Promise<string> {
  return withLibrary(dataDir, (library) => `removed: ${library.remove(uri).uri}`);
}
