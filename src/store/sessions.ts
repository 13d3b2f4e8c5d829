// Session records in SQLite: one row per session plus its events, appended in batches.
import type { Database } from 'better-sqlite3';
import { Statements } from './statements.ts';
import type { ProtocolErrorInfo } from '../analysis/index.ts';
import type { SessionEvent, SessionPhase, StoredNotice, StoredSession } from './types.ts';

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
  errors: readonly ProtocolErrorInfo[] | null;
  commandCounter: number;
  noticeSeq: number;
}

/** What a session adds to the store in one write. */
export interface SessionBatch {
  /** The position of the first event in the session's list. */
  firstEventSeq: number;
  events: readonly SessionEvent[];
  eventNoticeSeqs: readonly (number | null)[];
  notices: readonly StoredNotice[];
}

export class SessionRepository {
  private readonly sql: Statements;

  constructor(private readonly db: Database) {
    this.sql = new Statements(db);
  }

  /** Every session with its events and notices, in creation order. */
  loadAll(): StoredSession[] {
    const rows = this.sql.get('SELECT * FROM sessions ORDER BY seq').all() as SessionRow[];
    const events = this.sql.get('SELECT event, notice_seq FROM session_events WHERE session_id = ? ORDER BY seq');
    const notices = this.sql.get('SELECT seq, notice FROM session_notices WHERE session_id = ? ORDER BY seq');
    return rows.map((row) => {
      const eventRows = events.all(row.id) as { event: string; notice_seq: number | null }[];
      return {
        id: row.id,
        sessionType: row.session_type,
        createParams: row.create_params === null ? null : (JSON.parse(row.create_params) as Record<string, unknown>),
        protocolId: row.protocol_id,
        createdAt: row.created_at,
        phase: row.state as SessionPhase,
        errors: row.errors === null ? null : (JSON.parse(row.errors) as ProtocolErrorInfo[]),
        commandCounter: row.command_counter,
        noticeSeq: row.notice_seq,
        events: eventRows.map((e) => JSON.parse(e.event) as SessionEvent),
        eventNoticeSeqs: eventRows.map((e) => e.notice_seq),
        notices: (notices.all(row.id) as { seq: number; notice: string }[]).map((n) => ({ seq: n.seq, json: n.notice })),
      };
    });
  }

  insert(s: StoredSession): void {
    this.sql.get(
        `INSERT INTO sessions (id, seq, session_type, create_params, protocol_id, created_at, state, errors, command_counter, notice_seq)
         VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM sessions), ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(s.id, s.sessionType, s.createParams && JSON.stringify(s.createParams), s.protocolId, s.createdAt, s.phase, s.errors && JSON.stringify(s.errors), s.commandCounter, s.noticeSeq);
  }

  /** Writes the new state and the events and notices that came with it in one transaction. */
  save(id: string, update: SessionUpdate, batch: SessionBatch): void {
    const updateRow = this.sql.get('UPDATE sessions SET state = ?, errors = ?, command_counter = ?, notice_seq = ? WHERE id = ?');
    const insertEvent = this.sql.get('INSERT INTO session_events (session_id, seq, event, notice_seq) VALUES (?, ?, ?, ?)');
    const insertNotice = this.sql.get('INSERT INTO session_notices (session_id, seq, notice) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      updateRow.run(update.phase, update.errors && JSON.stringify(update.errors), update.commandCounter, update.noticeSeq, id);
      batch.events.forEach((e, i) => insertEvent.run(id, batch.firstEventSeq + i, JSON.stringify(e), batch.eventNoticeSeqs[i] ?? null));
      for (const n of batch.notices) insertNotice.run(id, n.seq, n.json);
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
      this.sql.get('DELETE FROM session_notices WHERE session_id = ?').run(id);
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
