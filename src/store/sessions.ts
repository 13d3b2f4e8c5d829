// Session records in SQLite: one row per session plus its events, appended in batches.
import type { Database } from 'better-sqlite3';
import { Statements } from './statements.ts';
import type { ProtocolErrorInfo } from '../analysis/index.ts';
import type { SessionEvent, SessionPhase, StoredSession } from './types.ts';

interface SessionRow {
  id: string;
  protocol_id: string;
  created_at: string;
  state: string;
  errors: string | null;
  command_counter: number;
  notice_seq: number;
  session_type: string;
  create_params: string | null;
}

export interface SessionUpdate {
  phase: SessionPhase;
  errors: ProtocolErrorInfo[] | null;
  commandCounter: number;
  noticeSeq: number;
}

export class SessionRepository {
  private readonly sql: Statements;

  constructor(private readonly db: Database) {
    this.sql = new Statements(db);
  }

  /** Every session with its events, in creation order. */
  loadAll(): StoredSession[] {
    const rows = this.sql.get('SELECT * FROM sessions ORDER BY seq').all() as SessionRow[];
    const events = this.sql.get('SELECT event FROM session_events WHERE session_id = ? ORDER BY seq');
    return rows.map((row) => ({
      id: row.id,
      sessionType: row.session_type,
      createParams: row.create_params === null ? null : (JSON.parse(row.create_params) as Record<string, unknown>),
      protocolId: row.protocol_id,
      createdAt: row.created_at,
      phase: row.state as SessionPhase,
      errors: row.errors === null ? null : (JSON.parse(row.errors) as ProtocolErrorInfo[]),
      commandCounter: row.command_counter,
      noticeSeq: row.notice_seq,
      events: (events.all(row.id) as { event: string }[]).map((e) => JSON.parse(e.event) as SessionEvent),
    }));
  }

  insert(s: StoredSession): void {
    this.sql.get(
        `INSERT INTO sessions (id, seq, session_type, create_params, protocol_id, created_at, state, errors, command_counter, notice_seq)
         VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM sessions), ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(s.id, s.sessionType, s.createParams && JSON.stringify(s.createParams), s.protocolId, s.createdAt, s.phase, s.errors && JSON.stringify(s.errors), s.commandCounter, s.noticeSeq);
  }

  /** Writes the new state and the events that came with it in one transaction. */
  save(id: string, update: SessionUpdate, firstEventSeq: number, newEvents: readonly SessionEvent[]): void {
    const updateRow = this.sql.get(
      'UPDATE sessions SET state = ?, errors = ?, command_counter = ?, notice_seq = ? WHERE id = ?',
    );
    const insertEvent = this.sql.get('INSERT INTO session_events (session_id, seq, event) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      updateRow.run(update.phase, update.errors && JSON.stringify(update.errors), update.commandCounter, update.noticeSeq, id);
      newEvents.forEach((e, i) => insertEvent.run(id, firstEventSeq + i, JSON.stringify(e)));
    })();
  }

  /** Raises the session's highest notice number that may be handed out (written at once). */
  reserveNoticeSeq(id: string, upTo: number): void {
    this.sql.get('UPDATE sessions SET notice_seq = MAX(notice_seq, ?) WHERE id = ?').run(upTo, id);
  }

  /** Drops all events (a load cut short by a restart is done again from scratch). */
  clearEvents(id: string): void {
    this.sql.get('DELETE FROM session_events WHERE session_id = ?').run(id);
  }

  delete(id: string): void {
    this.db.transaction(() => {
      this.sql.get('DELETE FROM session_events WHERE session_id = ?').run(id);
      this.sql.get('DELETE FROM sessions WHERE id = ?').run(id);
    })();
  }

  getSetting(key: string): string | null {
    const row = this.sql.get('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setSetting(key: string, value: string | null): void {
    if (value === null) this.sql.get('DELETE FROM settings WHERE key = ?').run(key);
    else this.sql.get('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
