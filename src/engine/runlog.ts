// The run log with the original's before/after nesting (spec §10.1) and the modeled clock.
// A "before" appends at the current level and raises it; an "after" lowers it. In 4.7.0 an
// exception skips the "after", so the level stays raised for the rest of the run; robot software
// 7.5.0 publishes the "after" on error too (`restore`).
//
// Logger records (7.5.0's `opentrons_simulate`, spec A.2.4): records collected since the previous
// "after" are attached, at each "after", to the most recently started entry — so a warning of an
// unlogged call lands under the next entry that completes, and records after the last "after" are
// never shown.
import type { LogRecord, RunLogEntry } from '../common/index.ts';

export class RunLog {
  readonly entries: RunLogEntry[] = [];
  level = 0;
  /** Protocol source line stamped on new entries (Python protocols). */
  line: number | null = null;
  /** Modeled seconds since the start of the run. */
  clock = 0;
  private readonly open: RunLogEntry[] = [];
  /** Logger records since the last "after". */
  private pending: LogRecord[] = [];

  before(name: string, text: string): RunLogEntry {
    const entry: RunLogEntry = {
      index: this.entries.length,
      level: this.level,
      text,
      name,
      line: this.line,
      startS: this.clock,
      durationS: 0,
    };
    this.entries.push(entry);
    this.open.push(entry);
    this.level++;
    return entry;
  }

  after(): void {
    if (this.level > 0) this.level--;
    this.open.pop();
    const latest = this.entries[this.entries.length - 1];
    if (this.pending.length > 0 && latest !== undefined) {
      (latest.logs ??= []).push(...this.pending);
      this.pending = [];
    }
  }

  /** A logger record, shown under an entry at the next "after". */
  record(record: LogRecord): void {
    this.pending.push(record);
  }

  /** How many entries are open now (what `restore` returns to). */
  get depth(): number {
    return this.open.length;
  }

  /** Closes every entry opened since `depth`: the "after" messages 7.5.0 publishes on error. */
  restore(depth: number): void {
    while (this.open.length > depth) this.after();
  }

  /** Index of the innermost open command (the one time now counts toward), or null. */
  get openIndex(): number | null {
    const top = this.open[this.open.length - 1];
    return top === undefined ? null : top.index;
  }

  /** Spend modeled time; it counts toward the innermost open command. */
  advance(seconds: number): void {
    if (!(seconds > 0)) return;
    this.clock += seconds;
    const top = this.open[this.open.length - 1];
    if (top !== undefined) top.durationS += seconds;
  }
}
