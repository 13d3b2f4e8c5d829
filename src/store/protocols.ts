// Protocol records in SQLite. The analysis is kept whole as JSON: it is written once per upload or
// PATCH and read back as a unit.
import type { Database } from 'better-sqlite3';
import type { Analysis } from '../analysis/index.ts';
import type { StoredProtocol } from './types.ts';

interface ProtocolRow {
  id: string;
  folder: string;
  protocol_file: string;
  support_files: string;
  created_at: string;
  last_modified_at: string;
  analysis: string;
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
  };
}

export class ProtocolRepository {
  constructor(private readonly db: Database) {}

  list(): StoredProtocol[] {
    const rows = this.db.prepare('SELECT * FROM protocols ORDER BY seq').all() as ProtocolRow[];
    return rows.map(fromRow);
  }

  get(id: string): StoredProtocol | null {
    const row = this.db.prepare('SELECT * FROM protocols WHERE id = ?').get(id) as ProtocolRow | undefined;
    return row ? fromRow(row) : null;
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM protocols').get() as { n: number }).n;
  }

  insert(p: StoredProtocol): void {
    this.db
      .prepare(
        `INSERT INTO protocols (id, seq, folder, protocol_file, support_files, created_at, last_modified_at, analysis)
         VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM protocols), ?, ?, ?, ?, ?, ?)`,
      )
      .run(p.id, p.folder, p.protocolFile, JSON.stringify(p.supportFiles), p.createdAt, p.lastModifiedAt, JSON.stringify(p.analysis));
  }

  update(p: StoredProtocol): void {
    this.db
      .prepare(
        `UPDATE protocols SET protocol_file = ?, support_files = ?, last_modified_at = ?, analysis = ? WHERE id = ?`,
      )
      .run(p.protocolFile, JSON.stringify(p.supportFiles), p.lastModifiedAt, JSON.stringify(p.analysis), p.id);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM protocols WHERE id = ?').run(id);
  }

  folders(): Set<string> {
    const rows = this.db.prepare('SELECT folder FROM protocols').all() as { folder: string }[];
    return new Set(rows.map((r) => r.folder));
  }
}
