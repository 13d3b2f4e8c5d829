// Persistence for the robot server: protocol files on disk, protocol and session records in SQLite,
// all under one data folder, so a restart (or a crash) brings everything back.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { openDatabase } from './db.ts';
import { ProtocolFiles } from './files.ts';
import { LabwareRepository } from './labware.ts';
import { ProtocolRepository } from './protocols.ts';
import { SessionRepository } from './sessions.ts';

export type * from './types.ts';
export type { SessionBatch, SessionUpdate } from './sessions.ts';
export { isPlainFileName, ProtocolFiles, StagingFolder } from './files.ts';
export { ProtocolRepository } from './protocols.ts';
export { SessionRepository } from './sessions.ts';
export { BatchedSessionWriter, FLUSH_DELAY_MS } from './session-writer.ts';
export { LabwareRepository } from './labware.ts';

export interface Store {
  readonly dataDir: string;
  readonly files: ProtocolFiles;
  readonly protocols: ProtocolRepository;
  readonly sessions: SessionRepository;
  readonly labware: LabwareRepository;
  close(): void;
}

/** Just the labware library of a data folder (the CLI's, which must not touch protocol files). */
export interface LabwareStore {
  readonly labware: LabwareRepository;
  close(): void;
}

export async function openLabwareStore(dataDir: string): Promise<LabwareStore> {
  await mkdir(dataDir, { recursive: true });
  const db = openDatabase(path.join(dataDir, 'labwright.sqlite'));
  return { labware: new LabwareRepository(db), close: () => db.close() };
}

export async function openStore(dataDir: string): Promise<Store> {
  await mkdir(dataDir, { recursive: true });
  const db = openDatabase(path.join(dataDir, 'labwright.sqlite'));
  const files = new ProtocolFiles(dataDir);
  await files.init();
  const protocols = new ProtocolRepository(db);
  await files.removeOrphans(protocols.folders());
  return {
    dataDir,
    files,
    protocols,
    sessions: new SessionRepository(db),
    labware: new LabwareRepository(db),
    close: () => db.close(),
  };
}
