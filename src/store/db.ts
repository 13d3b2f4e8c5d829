// Opens the SQLite database and brings its schema up to date. One file per data folder; WAL so a
// crash loses at most the transaction in flight, never what was already committed.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE protocols (
     id TEXT PRIMARY KEY,
     seq INTEGER NOT NULL,
     folder TEXT NOT NULL,
     protocol_file TEXT NOT NULL,
     support_files TEXT NOT NULL,
     created_at TEXT NOT NULL,
     last_modified_at TEXT NOT NULL,
     analysis TEXT NOT NULL
   );
   CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     seq INTEGER NOT NULL,
     protocol_id TEXT NOT NULL,
     created_at TEXT NOT NULL,
     state TEXT NOT NULL,
     errors TEXT,
     command_counter INTEGER NOT NULL,
     notice_seq INTEGER NOT NULL
   );
   CREATE TABLE session_events (
     session_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     event TEXT NOT NULL,
     PRIMARY KEY (session_id, seq)
   );
   CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  `ALTER TABLE sessions ADD COLUMN session_type TEXT NOT NULL DEFAULT 'protocol';
   ALTER TABLE sessions ADD COLUMN create_params TEXT;`,
  // Notification numbers, so a subscriber can be replayed from storage after a restart: each
  // event's number (NULL for events stored before), and the other notices (created, state changes).
  `ALTER TABLE session_events ADD COLUMN notice_seq INTEGER;
   CREATE TABLE session_notices (
     session_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     notice TEXT NOT NULL,
     PRIMARY KEY (session_id, seq)
   );`,
  // The lab's labware library, and for each protocol the library revision its analysis saw and
  // why the analysis may no longer match what a run would do.
  `CREATE TABLE labware (
     uri TEXT PRIMARY KEY,
     seq INTEGER NOT NULL,
     namespace TEXT NOT NULL,
     load_name TEXT NOT NULL,
     version INTEGER NOT NULL,
     display_name TEXT NOT NULL,
     created_at TEXT NOT NULL,
     sha256 TEXT NOT NULL,
     definition TEXT NOT NULL
   );
   ALTER TABLE protocols ADD COLUMN library_revision INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE protocols ADD COLUMN stale TEXT;`,
  // What the analysis depended on (code, files, library), so a session can reuse it.
  `ALTER TABLE protocols ADD COLUMN analysis_key TEXT;`,
  // The runtime-parameter values given at upload (JSON object), used by its analyses and runs.
  `ALTER TABLE protocols ADD COLUMN run_time_parameter_values TEXT;`,
];

export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return db;
}
