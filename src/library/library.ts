// The lab's labware library: definitions kept once for the robot, found by every analysis after a
// protocol's own definitions and the standard set. Adding is all-or-nothing (every candidate is
// checked before anything is written); the same URI may only come back with the same content.
import { checkLibraryLabware, labwareUri } from '../definitions/index.ts';
import type { LabwareDefinition } from '../common/index.ts';
import type { LabwareRepository, StoredLabware } from '../store/index.ts';
import { contentHash } from './canonical.ts';
import { InvalidLabwareError, LabwareConflictError, LabwareNotFoundError } from './errors.ts';

/** What a listing shows of a definition: the stored record without its content. */
export type LabwareSummary = Omit<StoredLabware, 'sha256' | 'definition'>;

export interface AddedLabware {
  labware: StoredLabware;
  /** False when the same content was already there (nothing changed). */
  created: boolean;
}

/** The library as one execution sees it. */
export interface LibrarySnapshot {
  revision: number;
  definitions: readonly LabwareDefinition[];
  /** Content hash by URI. */
  hashes: ReadonlyMap<string, string>;
}

export function summaryOf(l: StoredLabware): LabwareSummary {
  return { uri: l.uri, namespace: l.namespace, loadName: l.loadName, version: l.version, displayName: l.displayName, createdAt: l.createdAt };
}

export class LabwareLibrary {
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly repo: LabwareRepository,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /** Called after every change that reached the store (to re-check analyses). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  list(): LabwareSummary[] {
    return this.repo.list().map(summaryOf);
  }

  get(uri: string): StoredLabware {
    const found = this.repo.get(uri);
    if (found === null) throw new LabwareNotFoundError(uri);
    return found;
  }

  revision(): number {
    return this.repo.revision();
  }

  snapshot(): LibrarySnapshot {
    const all = this.repo.list();
    return {
      revision: this.repo.revision(),
      definitions: all.map((l) => l.definition),
      hashes: new Map(all.map((l) => [l.uri, l.sha256])),
    };
  }

  /**
   * Checks every candidate, then stores the new ones in one transaction. Throws
   * InvalidLabwareError (naming each refused candidate and field) or LabwareConflictError, and
   * then stores nothing.
   */
  add(candidates: readonly unknown[]): AddedLabware[] {
    const problems: { index: number; issue: InvalidLabwareError['problems'][number]['issue'] }[] = [];
    const checked: { definition: LabwareDefinition; uri: string; sha256: string }[] = [];
    candidates.forEach((candidate, index) => {
      const check = checkLibraryLabware(candidate);
      if (!check.ok) {
        for (const issue of check.issues) problems.push({ index, issue });
        return;
      }
      checked.push({ definition: check.definition, uri: labwareUri(check.definition), sha256: contentHash(check.definition) });
    });
    if (problems.length > 0) throw new InvalidLabwareError(problems);

    const inUpload = new Map<string, string>();
    for (const c of checked) {
      const earlier = inUpload.get(c.uri);
      if (earlier !== undefined && earlier !== c.sha256) throw new LabwareConflictError(c.uri);
      inUpload.set(c.uri, c.sha256);
    }

    const createdAt = this.now();
    let changed = false;
    const results = this.repo.change(() => {
      const out: AddedLabware[] = [];
      const fresh = new Map<string, StoredLabware>();
      for (const c of checked) {
        const existing = fresh.get(c.uri) ?? this.repo.get(c.uri);
        if (existing !== null) {
          if (existing.sha256 !== c.sha256) throw new LabwareConflictError(c.uri);
          out.push({ labware: existing, created: false });
          continue;
        }
        const record: StoredLabware = {
          uri: c.uri,
          namespace: c.definition.namespace,
          loadName: c.definition.parameters.loadName,
          version: c.definition.version,
          displayName: c.definition.metadata.displayName,
          createdAt,
          sha256: c.sha256,
          definition: c.definition,
        };
        this.repo.insert(record);
        fresh.set(c.uri, record);
        out.push({ labware: record, created: true });
      }
      return out;
    }, (out) => out.some((r) => r.created));
    changed = results.some((r) => r.created);
    if (changed) this.emit();
    return results;
  }

  remove(uri: string): StoredLabware {
    const removed = this.repo.change(() => {
      const found = this.repo.get(uri);
      if (found === null || !this.repo.delete(uri)) throw new LabwareNotFoundError(uri);
      return found;
    });
    this.emit();
    return removed;
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
