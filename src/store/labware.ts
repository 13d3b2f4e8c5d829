// The labware library's records in SQLite, and its revision: a number raised by every change, so
// a protocol's analysis can tell whether the library it saw is still the library a run would see.
// Nothing is cached in memory: the CLI may change the library while no server runs.
import type { Database } from 'better-sqlite3';
import type { LabwareDefinition } from '../common/index.ts';
import { Statements } from './statements.ts';
import type { StoredLabware } from './types.ts';

interface LabwareRow {
  uri: string;
  namespace: string;
  load_name: string;
  version: number;
  display_name: string;
  created_at: string;
  sha256: string;
  definition: string;
}

const REVISION_KEY = 'labwareLibraryRevision';

function fromRow(row: LabwareRow): StoredLabware {
  return {
    uri: row.uri,
    namespace: row.namespace,
    loadName: row.load_name,
    version: row.version,
    displayName: row.display_name,
    createdAt: row.created_at,
    sha256: row.sha256,
    definition: JSON.parse(row.definition) as LabwareDefinition,
  };
}

export class LabwareRepository {
  private readonly sql: Statements;

  constructor(private readonly db: Database) {
    this.sql = new Statements(db);
  }

  /** Every definition, oldest first. */
  list(): StoredLabware[] {
    return (this.sql.get('SELECT * FROM labware ORDER BY seq').all() as LabwareRow[]).map(fromRow);
  }

  get(uri: string): StoredLabware | null {
    const row = this.sql.get('SELECT * FROM labware WHERE uri = ?').get(uri) as LabwareRow | undefined;
    return row === undefined ? null : fromRow(row);
  }

  revision(): number {
    const row = this.sql.get('SELECT value FROM settings WHERE key = ?').get(REVISION_KEY) as { value: string } | undefined;
    return row === undefined ? 0 : Number(row.value);
  }

  /**
   * Runs `fn` in one transaction: it sees the library as it is and its writes (through `insert`
   * and `delete`) land together with one raise of the revision, or not at all. `changed` says
   * whether anything was written (an upload of known content is not a change).
   */
  change<T>(fn: () => T, changed: (result: T) => boolean = () => true): T {
    return this.db.transaction(() => {
      const result = fn();
      if (!changed(result)) return result;
      this.sql
        .get('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
        .run(REVISION_KEY, String(this.revision() + 1));
      return result;
    })();
  }

  insert(l: StoredLabware): void {
    this.sql
      .get(
        `INSERT INTO labware (uri, seq, namespace, load_name, version, display_name, created_at, sha256, definition)
         VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM labware), ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(l.uri, l.namespace, l.loadName, l.version, l.displayName, l.createdAt, l.sha256, JSON.stringify(l.definition));
  }

  delete(uri: string): boolean {
    return this.sql.get('DELETE FROM labware WHERE uri = ?').run(uri).changes > 0;
  }
}
