// Batched writes of one session: its events (and notices) are collected as they happen and written
// together with the session's state in one transaction, at most FLUSH_DELAY_MS after the first of
// them, or at once when something important happens (a state change, an executed command). A run
// produces events far faster than one SQLite transaction each would be worth.
import type { SessionRepository, SessionUpdate } from './sessions.ts';
import type { SessionEvent, StoredNotice } from './types.ts';

/** Event writes are batched: at most this long between an event and its commit. */
export const FLUSH_DELAY_MS = 100;

export class BatchedSessionWriter {
  private events: SessionEvent[] = [];
  private seqs: (number | null)[] = [];
  private notices: StoredNotice[] = [];
  /** The position in the session's event list the next added event gets. */
  private nextEventIndex: number;
  private timer: NodeJS.Timeout | null = null;
  /** Deleted, or the server has stopped: nothing more is written. */
  private stopped = false;

  /**
   * @param storedEvents how many events the store holds for the session already.
   * @param state the session's state as it is now, written with every batch.
   */
  constructor(
    private readonly repo: SessionRepository,
    private readonly sessionId: string,
    storedEvents: number,
    private readonly state: () => SessionUpdate,
  ) {
    this.nextEventIndex = storedEvents;
  }

  /** An event and the notice number it went out under; written with the next batch. */
  addEvent(event: SessionEvent, seq: number | null): void {
    this.events.push(event);
    this.seqs.push(seq);
    this.nextEventIndex += 1;
  }

  /** A notice other than an event, as published; written with the next batch. */
  addNotice(notice: StoredNotice): void {
    this.notices.push(notice);
  }

  /** Writes within FLUSH_DELAY_MS (or sooner, with the next `flush`). */
  schedule(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => this.flush(), FLUSH_DELAY_MS);
    this.timer.unref();
  }

  /** Writes the state and everything collected now. */
  flush(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.stopped) return;
    const events = this.events;
    const seqs = this.seqs;
    const notices = this.notices;
    this.events = [];
    this.seqs = [];
    this.notices = [];
    const first = this.nextEventIndex - events.length;
    this.repo.save(this.sessionId, this.state(), { firstEventSeq: first, events, eventNoticeSeqs: seqs, notices });
  }

  /** Drops the session's stored and collected events (a cut-off load is done again from scratch). */
  clearEvents(): void {
    this.repo.clearEvents(this.sessionId);
    this.events = [];
    this.seqs = [];
    this.nextEventIndex = 0;
  }

  /** Nothing more is written (the session is deleted, or the store is about to close). */
  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.stopped = true;
  }
}
