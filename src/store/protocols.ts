// Protocol records in SQLite. The analysis is kept whole as JSON: it is written once per upload or
// PATCH and read back as a unit.
import type { Database } from 'better-sqlite3';
import { Statements } from './statements.ts';
import type { Analysis, RunTimeParameterValues } from '../analysis/index.ts';
import type { StaleMark, StoredProtocol } from './types.ts';

interface ProtocolRow {
  id: string;
  folder: string;
  protocol_file: string;
  support_files: string;
  created_at: string;
  last_modified_at: string;
  analysis: string;
  library_revision: number;
  stale: string | null;
  analysis_key: string | null;
  run_time_parameter_values: string | null;
}

function fromRow(row: ProtocolRow): StoredProtocol {
  return {
    id: row.id,
    folder: row.folder,
    protocolFile: row.protocol_file,
    supportFiles: JSON.parse(row.support_files) as string[],
    createdAt: row.created_at,
    lastModifiedAt: row.last_modified_at,
    analysis: JSON.parse(row.analysis) as Analysis,
    libraryRevision: row.library_revision,
    stale: row.stale === null ? null : (JSON.parse(row.stale) as StaleMark),
    analysisKey: row.analysis_key,
    runTimeParameterValues: row.run_time_parameter_values === null ? {} : (JSON.parse(row.run_time_parameter_values) as RunTimeParameterValues),
  };
}

export class ProtocolRepository {
  private readonly sql: Statements;
  /**
   * Parsed records by id. This process is the database's only writer and every write goes through
   * this class, so the cache never goes stale; reads no longer parse the whole analysis each time.
   * Callers treat the records as read-only.
   */
  private readonly cache = new Map<string, StoredProtocol>();

  constructor(db: Database) {
    this.sql = new Statements(db);
  }

  list(): StoredProtocol[] {
    const ids = this.sql.get('SELECT id FROM protocols ORDER BY seq').pluck().all() as string[];
    return ids.map((id) => this.get(id)).filter((p): p is StoredProtocol => p !== null);
  }

  get(id: string): StoredProtocol | null {
    const cached = this.cache.get(id);
    if (cached !== undefined) return cached;
    const row = this.sql.get('SELECT * FROM protocols WHERE id = ?').get(id) as ProtocolRow | undefined;
    if (row === undefined) return null;
    const record = fromRow(row);
    this.cache.set(id, record);
    return record;
  }

  count(): number {
    return (this.sql.get('SELECT COUNT(*) AS n FROM protocols').get() as { n: number }).n;
  }

  insert(p: StoredProtocol): void {
    this.sql.get(
        `INSERT INTO protocols (id, seq, folder, protocol_file, support_files, created_at, last_modified_at, analysis, library_revision, stale, analysis_key, run_time_parameter_values)
         VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM protocols), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        p.id,
        p.folder,
        p.protocolFile,
        JSON.stringify(p.supportFiles),
        p.createdAt,
        p.lastModifiedAt,
        JSON.stringify(p.analysis),
        p.libraryRevision,
        p.stale && JSON.stringify(p.stale),
        p.analysisKey,
        JSON.stringify(p.runTimeParameterValues),
      );
    this.cache.delete(p.id);
  }

  update(p: StoredProtocol): void {
    this.sql.get(
        `UPDATE protocols SET protocol_file = ?, support_files = ?, last_modified_at = ?, analysis = ?, library_revision = ?, stale = ?, analysis_key = ? WHERE id = ?`,
      )
      .run(
        p.protocolFile,
        JSON.stringify(p.supportFiles),
        p.lastModifiedAt,
        JSON.stringify(p.analysis),
        p.libraryRevision,
        p.stale && JSON.stringify(p.stale),
        p.analysisKey,
        p.id,
      );
    this.cache.delete(p.id);
  }

  delete(id: string): void {
    this.sql.get('DELETE FROM protocols WHERE id = ?').run(id);
    this.cache.delete(id);
  }

  folders(): Set<string> {
    const rows = this.sql.get('SELECT folder FROM protocols').all() as { folder: string }[];
    return new Set(rows.map((r) => r.folder));
  }
}
