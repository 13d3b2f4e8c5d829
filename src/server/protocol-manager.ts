// Uploaded protocols: the duplicate and limit rules, analysis at upload and PATCH, and keeping the
// files and the records in step (http-api.md §2).
import type { Logger } from 'pino';
import type { Analysis, ProtocolBundle, ProtocolExecutor, RunTimeParameterValues } from '../analysis/index.ts';
import { analysisKey } from '../service/index.ts';
import { staleReason, withLibraryHashes, type LabwareLibrary, type LibrarySnapshot } from '../library/index.ts';
import { isoNow } from '../runner/index.ts';
import { customLabwareFromFiles, labwareUri, standardLabware } from '../definitions/index.ts';
import type { LabwareDefinition } from '../engine/index.ts';
import type { StagingFolder, Store, StoredProtocol } from '../store/index.ts';
import { RecentAnalyses, type RecentAnalysesLimits } from './recent-analyses.ts';
import { ProtocolExistsError, ProtocolNotFoundError, RequestValidationError, StorageError, UploadLimitError } from './errors.ts';

/** Python's `PurePath(name).stem`: the name minus its last suffix, e.g. `a.b.json` → `a.b`. */
export function fileStem(name: string): string {
  const i = name.lastIndexOf('.');
  return i > 0 && i < name.length - 1 ? name.slice(0, i) : name;
}

/** The 422 of an upload whose runtime-parameter values the protocol's definitions refuse. */
function refusedValues(analysis: Analysis): RequestValidationError {
  const error = analysis.errors[0];
  const detail = error === undefined ? 'Runtime parameter values refused' : `${error.type}: ${error.description}`;
  return new RequestValidationError([{ detail, source: { pointer: '/runTimeParameterValues' } }]);
}

export interface ProtocolManagerOptions {
  store: Store;
  execute: ProtocolExecutor;
  maxProtocols: number;
  logger: Logger;
  library: LabwareLibrary;
  /** How many recent analyses uploads may reuse (default: DEFAULT_RECENT_ANALYSES). */
  recentAnalyses?: RecentAnalysesLimits;
}

export class ProtocolManager {
  /** Ids of uploads being analysed: they count for the duplicate and limit checks already. */
  private readonly pending = new Set<string>();
  /** One PATCH at a time per protocol, so two edits never interleave their file lists. */
  private readonly locks = new Map<string, Promise<unknown>>();

  /** Protocols waiting to be analysed again because the labware library changed, in order. */
  private readonly reanalysisQueue: string[] = [];
  private reanalysing: Promise<void> | null = null;
  private closed = false;
  private readonly recent: RecentAnalyses;

  constructor(private readonly options: ProtocolManagerOptions) {
    this.recent = new RecentAnalyses(options.recentAnalyses);
  }

  /** The bundle with the library as it is now: what a run of it would see. */
  private withLibrary(bundle: ProtocolBundle): { bundle: ProtocolBundle; snapshot: LibrarySnapshot } {
    const snapshot = this.options.library.snapshot();
    return { bundle: { ...bundle, labwareLibrary: snapshot.definitions }, snapshot };
  }

  /**
   * The analysis of `bundle` with the library as it is now: one made lately of the same inputs
   * (same key: the code, the files, the library, the parameter values) if there is one, else a
   * fresh one, kept for the next upload of the same files.
   */
  private async analyse(bundle: ProtocolBundle): Promise<{ analysis: Analysis; libraryRevision: number; analysisKey: string }> {
    const prepared = this.withLibrary(bundle);
    const key = analysisKey(prepared.bundle);
    let analysis = this.recent.get(key);
    if (analysis === null) {
      analysis = withLibraryHashes(await this.options.execute(prepared.bundle, { mode: 'analyze' }), prepared.snapshot);
      this.recent.remember(key, analysis);
    }
    return { analysis, libraryRevision: prepared.snapshot.revision, analysisKey: key };
  }

  /**
   * The stored analysis, if a fresh one of `bundle` would be the same: nothing it depended on
   * changed (code, files, library: the key) and the protocol reads neither clock nor randomness.
   */
  reusableAnalysis(id: string, bundle: ProtocolBundle): Analysis | null {
    const p = this.options.store.protocols.get(id);
    if (p === null || p.stale !== null || p.analysisKey === null || p.analysis.reproducible === false) return null;
    return analysisKey(bundle) === p.analysisKey ? p.analysis : null;
  }

  /**
   * After a library change (and once at start, for changes made by the CLI meanwhile): every
   * analysis made under another revision is either still right (its revision is raised) or
   * marked stale with the reason and analysed again in the background.
   */
  recheckLibrary(): void {
    const { store, library } = this.options;
    const snapshot = library.snapshot();
    for (const p of store.protocols.list()) {
      if (p.libraryRevision === snapshot.revision) continue;
      const reason = p.stale?.reason ?? staleReason(p.analysis, snapshot);
      if (reason === null) {
        store.protocols.update({ ...p, libraryRevision: snapshot.revision });
        continue;
      }
      if (p.stale === null) store.protocols.update({ ...p, stale: { reason, since: isoNow() } });
      if (!this.reanalysisQueue.includes(p.id)) this.reanalysisQueue.push(p.id);
    }
    this.kick();
  }

  private kick(): void {
    if (this.reanalysing !== null || this.closed || this.reanalysisQueue.length === 0) return;
    this.reanalysing = this.drainQueue().finally(() => {
      this.reanalysing = null;
      this.kick();
    });
  }

  /** Resolves when no re-analysis is queued or running. */
  async reanalysisIdle(): Promise<void> {
    while (this.reanalysing !== null) await this.reanalysing;
  }

  /** Stops taking queued re-analyses and waits for the one in flight. */
  async close(): Promise<void> {
    this.closed = true;
    this.reanalysisQueue.length = 0;
    await this.reanalysisIdle();
  }

  private async drainQueue(): Promise<void> {
    // A change during a re-analysis queues the protocol again (its revision is still the old one).
    for (let id = this.reanalysisQueue.shift(); id !== undefined && !this.closed; id = this.reanalysisQueue.shift()) {
      const protocolId = id;
      await this.exclusive(protocolId, async () => {
        const current = this.options.store.protocols.get(protocolId);
        if (current === null) return;
        const bundle = await this.bundle(protocolId);
        if (bundle === null) return;
        const { analysis, libraryRevision, analysisKey } = await this.analyse(bundle);
        // A protocol deleted meanwhile stays deleted.
        const now = this.options.store.protocols.get(protocolId);
        if (now === null) return;
        this.options.store.protocols.update({ ...now, analysis, libraryRevision, stale: null, analysisKey });
        this.options.logger.info({ protocolId, errors: analysis.errors.length }, 'protocol re-analysed after a labware library change');
      }).catch((err: unknown) => this.options.logger.error({ protocolId, err }, 're-analysis failed; the protocol stays marked stale'));
    }
  }

  /** An analysis that raced a library change is checked against the library as it is now. */
  private recheckIfBehind(libraryRevision: number): void {
    if (libraryRevision !== this.options.library.revision()) this.recheckLibrary();
  }

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

  /**
   * The definition of every labware the analysis loaded, by URI: from the protocol's own files
   * (support files, a JSON protocol's definitions), the standard set or the library.
   */
  async labwareDefinitions(id: string): Promise<Map<string, LabwareDefinition>> {
    const p = this.get(id);
    const bundle = await this.bundle(id);
    const own: LabwareDefinition[] = bundle === null ? [] : customLabwareFromFiles(bundle.supportFiles);
    if (bundle !== null && p.analysis.protocolType === 'json') {
      try {
        const doc = JSON.parse(new TextDecoder().decode(bundle.protocolFile.data)) as { labwareDefinitions?: Record<string, LabwareDefinition> };
        own.push(...Object.values(doc.labwareDefinitions ?? {}));
      } catch {
        // An unreadable document loaded nothing.
      }
    }
    const out = new Map<string, LabwareDefinition>();
    const sources = p.analysis.customLabware ?? [];
    for (const item of p.analysis.requiredEquipment.labware) {
      if (out.has(item.uri)) continue;
      const [namespace, loadName, version] = item.uri.split('/');
      const fromLibrary = sources.some((s) => s.uri === item.uri && s.source === 'library');
      const def =
        (fromLibrary ? undefined : own.find((d) => labwareUri(d) === item.uri)) ??
        (namespace === 'opentrons' ? standardLabware(loadName, Number(version)) ?? undefined : undefined) ??
        bundle?.labwareLibrary?.find((d) => labwareUri(d) === item.uri);
      if (def !== undefined) out.set(item.uri, def);
    }
    return out;
  }

  async bundle(id: string): Promise<ProtocolBundle | null> {
    const p = this.options.store.protocols.get(id);
    if (p === null) return null;
    try {
      const files = await this.options.store.files.readBundle(p.folder, p.protocolFile, p.supportFiles);
      return this.withLibrary({ ...files, runTimeParameterValues: p.runTimeParameterValues }).bundle;
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

  /**
   * Analyses a reserved, fully staged upload and stores it. The staging folder is consumed.
   * Runtime-parameter values the analysis refuses are the request's fault: nothing is stored (422).
   */
  async create(
    id: string,
    staging: StagingFolder,
    protocolFile: string,
    supportFiles: string[],
    runTimeParameterValues: RunTimeParameterValues = {},
  ): Promise<StoredProtocol> {
    const { store, logger } = this.options;
    // The original stamps both before analysing, lastModifiedAt first.
    const lastModifiedAt = isoNow();
    const createdAt = isoNow();
    const files = await staging.readBundle(protocolFile, supportFiles).catch((err: Error) => {
      throw new StorageError(err.message);
    });
    const { analysis, libraryRevision, analysisKey } = await this.analyse({ ...files, runTimeParameterValues });
    if (analysis.runTimeParameterValuesRefused === true) throw refusedValues(analysis);
    let folder: string;
    try {
      folder = await store.files.adopt(staging);
    } catch (err) {
      throw new StorageError((err as Error).message);
    }
    const record: StoredProtocol = {
      id,
      folder,
      protocolFile,
      supportFiles,
      createdAt,
      lastModifiedAt,
      analysis,
      libraryRevision,
      stale: null,
      analysisKey,
      runTimeParameterValues,
    };
    try {
      store.protocols.insert(record);
    } catch (err) {
      await store.files.remove(folder);
      throw new StorageError((err as Error).message);
    }
    logger.info({ protocolId: id, errors: analysis.errors.length }, 'protocol uploaded');
    this.recheckIfBehind(libraryRevision);
    return record;
  }

  /** Adds or replaces one file, then analyses again (http-api.md §2.5). */
  async patch(id: string, staging: StagingFolder, fileName: string): Promise<StoredProtocol> {
    return this.exclusive(id, async () => {
      const { store } = this.options;
      const current = this.get(id);
      const supportFiles =
        fileName === current.protocolFile ? current.supportFiles : [...current.supportFiles.filter((f) => f !== fileName), fileName];
      // The files as they will be, analysed before anything stored changes: a file the analysis
      // refuses to read (422) leaves the protocol exactly as it was.
      let bundle: ProtocolBundle;
      try {
        const stored = await store.files.readBundle(current.folder, current.protocolFile, current.supportFiles);
        const incoming = (await staging.readBundle(fileName, [])).protocolFile;
        const byName = new Map([stored.protocolFile, ...stored.supportFiles].map((f) => [f.name, f]));
        byName.set(fileName, incoming);
        const file = (name: string) => byName.get(name) as ProtocolBundle['protocolFile'];
        bundle = { protocolFile: file(current.protocolFile), supportFiles: supportFiles.map(file), runTimeParameterValues: current.runTimeParameterValues };
      } catch (err) {
        throw new StorageError((err as Error).message);
      }
      const { analysis, libraryRevision, analysisKey } = await this.analyse(bundle);
      try {
        await store.files.replaceFile(current.folder, staging, fileName);
      } catch (err) {
        throw new StorageError((err as Error).message);
      }
      const updated: StoredProtocol = { ...current, supportFiles, lastModifiedAt: isoNow(), analysis, libraryRevision, stale: null, analysisKey };
      store.protocols.update(updated);
      this.recheckIfBehind(libraryRevision);
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
