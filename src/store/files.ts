// Protocol files on disk. Every protocol owns one folder under `<dataDir>/protocols/` holding its
// files flat. Uploads are written to a staging folder first and moved in with one rename, so a
// failed or refused upload never touches a stored protocol.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ProtocolBundle } from '../analysis/index.ts';

/** A name that can only ever mean a file directly inside the protocol's folder. */
export function isPlainFileName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    name !== '.' &&
    name !== '..' &&
    !/[/\\\0]/.test(name) &&
    path.basename(name) === name
  );
}

async function readBundleFrom(dir: string, protocolFile: string, supportFiles: readonly string[]): Promise<ProtocolBundle> {
  const read = async (name: string) => ({ name, data: new Uint8Array(await readFile(path.join(dir, name))) });
  return {
    protocolFile: await read(protocolFile),
    supportFiles: await Promise.all(supportFiles.map(read)),
  };
}

export class StagingFolder {
  constructor(readonly dir: string) {}

  async writeStream(name: string, source: Readable): Promise<void> {
    await pipeline(source, createWriteStream(this.fileFor(name)));
  }

  async writeBytes(name: string, data: Uint8Array): Promise<void> {
    await writeFile(this.fileFor(name), data);
  }

  async readBundle(protocolFile: string, supportFiles: readonly string[]): Promise<ProtocolBundle> {
    return readBundleFrom(this.dir, protocolFile, supportFiles);
  }

  async discard(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  private fileFor(name: string): string {
    if (!isPlainFileName(name)) throw new Error(`unsafe file name ${JSON.stringify(name)}`);
    return path.join(this.dir, name);
  }
}

export class ProtocolFiles {
  private readonly protocolsDir: string;
  private readonly stagingDir: string;

  constructor(dataDir: string) {
    this.protocolsDir = path.join(dataDir, 'protocols');
    this.stagingDir = path.join(dataDir, 'staging');
  }

  async init(): Promise<void> {
    await rm(this.stagingDir, { recursive: true, force: true });
    await mkdir(this.protocolsDir, { recursive: true });
    await mkdir(this.stagingDir, { recursive: true });
  }

  async createStaging(): Promise<StagingFolder> {
    const dir = path.join(this.stagingDir, randomUUID());
    await mkdir(dir);
    return new StagingFolder(dir);
  }

  /** Moves a staged upload into place as a new protocol folder; returns the folder's name. */
  async adopt(staging: StagingFolder): Promise<string> {
    const folder = randomUUID();
    await rename(staging.dir, path.join(this.protocolsDir, folder));
    return folder;
  }

  /** Replaces (or adds) one file of a stored protocol; the rename makes it all-or-nothing. */
  async replaceFile(folder: string, staging: StagingFolder, name: string): Promise<void> {
    await rename(path.join(staging.dir, name), path.join(this.protocolsDir, folder, name));
  }

  async readBundle(folder: string, protocolFile: string, supportFiles: readonly string[]): Promise<ProtocolBundle> {
    return readBundleFrom(path.join(this.protocolsDir, folder), protocolFile, supportFiles);
  }

  async remove(folder: string): Promise<void> {
    await rm(path.join(this.protocolsDir, folder), { recursive: true, force: true });
  }

  /** Deletes folders no record points at (left by a crash between the move and the insert). */
  async removeOrphans(known: ReadonlySet<string>): Promise<string[]> {
    const removed: string[] = [];
    for (const entry of await readdir(this.protocolsDir)) {
      if (!known.has(entry)) {
        await rm(path.join(this.protocolsDir, entry), { recursive: true, force: true });
        removed.push(entry);
      }
    }
    return removed;
  }
}
