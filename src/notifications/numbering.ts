// The sequence numbers of one session's notices: 1, 2, 3, ... over the session's whole life,
// across restarts, never handed out twice. The session topic keeps these numbers (`since` means
// the number a client last saw), which is why the numbering lives with the notifications.

/**
 * Numbers are reserved in blocks of this size, and a block is written to the store before its first
 * number is handed out. Events are written up to 100 ms late, so storing the last number used (as
 * before) let a restart after a crash hand out again numbers a client had already seen; storing the
 * block's end instead costs one write per block and guarantees the restored session starts above
 * anything ever published.
 */
export const NOTICE_SEQ_BLOCK = 1000;

export class NoticeNumbering {
  private last: number;
  /** No number above this was handed out; persisted before it is raised. */
  private reserved: number;
  /** Reservations are no longer written (the session's record is deleted). */
  private unpersisted = false;
  /** Nothing more is numbered (the server has stopped: a number could not be reserved). */
  private closed = false;

  /**
   * @param start the stored reservation: after a restore, above every number handed out before.
   * @param reserve writes a new reservation (the highest number that may be handed out) at once.
   */
  constructor(
    start: number,
    private readonly reserve: (upTo: number) => void,
  ) {
    this.last = start;
    this.reserved = start;
  }

  /** The last number handed out (after a restore: the stored reservation). */
  get lastSeq(): number {
    return this.last;
  }

  /** The reservation to store with the session's state. */
  get reservedUpTo(): number {
    return this.reserved;
  }

  /** The next number, reserved first when it starts a block; null once closed. */
  next(): number | null {
    if (this.closed) return null;
    this.last += 1;
    if (this.last > this.reserved && !this.unpersisted) {
      this.reserved = this.last + NOTICE_SEQ_BLOCK - 1;
      this.reserve(this.reserved);
    }
    return this.last;
  }

  /** The session's record is gone: numbers are still handed out (its last notice), not reserved. */
  stopPersisting(): void {
    this.unpersisted = true;
  }

  /** The server is stopping: no more numbers. */
  close(): void {
    this.unpersisted = true;
    this.closed = true;
  }
}
