// Uploaded protocols: the duplicate and limit rules, analysis at upload and PATCH, and keeping the
// files and the records in step (http-api.md §2).
import type { Logger } from 'pino';
import type { ProtocolBundle, ProtocolExecutor } from '../analysis/index.ts';
import { isoNow } from '../runner/index.ts';
import type { StagingFolder, Store, StoredProtocol } from '../store/index.ts';
import { ProtocolExistsError, ProtocolNotFoundError, StorageError, UploadLimitError } from './errors.ts';

/** Python's `PurePath(name).stem`: the name minus its last suffix, e.g. `a.b.json` → `a.b`. */
export function fileStem(name: string): string {
  const i = name.lastIndexOf('.');
  return i > 0 && i < name.length - 1 ? name.slice(0, i) : name;
}

export interface ProtocolManagerOptions {
  store: Store;
  execute: ProtocolExecutor;
  maxProtocols: number;
  logger: Logger;
}

export class ProtocolManager {
  /** Ids of uploads being analysed: they count for the duplicate and limit checks already. */
  private readonly pending = new Set<string>();
  /** One PATCH at a time per protocol, so two edits never interleave their file lists. */
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(private readonly options: ProtocolManagerOptions) {}

  list(): StoredProtocol[] {
    return this.options.store.protocols.list();
  }

  get(id: string): StoredProtocol {
    const p = this.options.store.protocols.get(id);
    if (p === null) throw new ProtocolNotFoundError(id);
    return p;
  }

  exists(id: string): boolean {
    return this.options.store.protocols.get(id) !== null;
  }

  async bundle(id: string): Promise<ProtocolBundle | null> {
    const p = this.options.store.protocols.get(id);
    if (p === null) return null;
    try {
      return await this.options.store.files.readBundle(p.folder, p.protocolFile, p.supportFiles);
    } catch (err) {
      this.options.logger.warn({ protocolId: id, err }, 'protocol files unreadable');
      return null;
    }
  }

  /** Refuses an upload before anything is analysed: duplicate id, then the upload limit. */
  reserve(protocolFile: string): string {
    const id = fileStem(protocolFile);
    const { protocols } = this.options.store;
    if (protocols.get(id) !== null || this.pending.has(id)) throw new ProtocolExistsError(id);
    if (protocols.count() + this.pending.size >= this.options.maxProtocols) throw new UploadLimitError(this.options.maxProtocols);
    this.pending.add(id);
    return id;
  }

  release(id: string): void {
    this.pending.delete(id);
  }

  /** Analyses a reserved, fully staged upload and stores it. The staging folder is consumed. */
  async create(id: string, staging: StagingFolder, protocolFile: string, supportFiles: string[]): Promise<StoredProtocol> {
    const { store, execute, logger } = this.options;
    // The original stamps both before analysing, lastModifiedAt first.
    const lastModifiedAt = isoNow();
    const createdAt = isoNow();
    const bundle = await staging.readBundle(protocolFile, supportFiles).catch((err: Error) => {
      throw new StorageError(err.message);
    });
    const analysis = await execute(bundle, { mode: 'analyze' });
    let folder: string;
    try {
      folder = await store.files.adopt(staging);
    } catch (err) {
      throw new StorageError((err as Error).message);
    }
    const record: StoredProtocol = { id, folder, protocolFile, supportFiles, createdAt, lastModifiedAt, analysis };
    try {
      store.protocols.insert(record);
    } catch (err) {
      await store.files.remove(folder);
      throw new StorageError((err as Error).message);
    }
    logger.info({ protocolId: id, errors: analysis.errors.length }, 'protocol uploaded');
    return record;
  }

  /** Adds or replaces one file, then analyses again (http-api.md §2.5). */
  async patch(id: string, staging: StagingFolder, fileName: string): Promise<StoredProtocol> {
    return this.exclusive(id, async () => {
      const { store, execute } = this.options;
      const current = this.get(id);
      try {
        await store.files.replaceFile(current.folder, staging, fileName);
      } catch (err) {
        throw new StorageError((err as Error).message);
      }
      const supportFiles =
        fileName === current.protocolFile ? current.supportFiles : [...current.supportFiles.filter((f) => f !== fileName), fileName];
      const bundle = await store.files.readBundle(current.folder, current.protocolFile, supportFiles);
      const analysis = await execute(bundle, { mode: 'analyze' });
      const updated: StoredProtocol = { ...current, supportFiles, lastModifiedAt: isoNow(), analysis };
      store.protocols.update(updated);
      return updated;
    });
  }

  async delete(id: string): Promise<StoredProtocol> {
    return this.exclusive(id, async () => {
      const p = this.get(id);
      this.options.store.protocols.delete(id);
      await this.options.store.files.remove(p.folder);
      this.options.logger.info({ protocolId: id }, 'protocol deleted');
      return p;
    });
  }

  private async exclusive<T>(id: string, fn: () => Promise<T>): Promise<T> {
    const before = this.locks.get(id) ?? Promise.resolve();
    const run = before.then(fn, fn);
    const tail = run.catch(() => {});
    this.locks.set(id, tail);
    try {
      return await run;
    } finally {
      if (this.locks.get(id) === tail) this.locks.delete(id);
    }
  }
}
