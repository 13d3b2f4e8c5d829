// Sessions of the types this simulated robot only records: the calibration flows and
// `liveProtocol`. They can be created, listed, read and deleted like on the original (so clients
// that list or clean up sessions work), but they execute no command: there is no hardware to
// calibrate.
import { randomUUID } from 'node:crypto';
import { NoticeNumbering } from '../notifications/index.ts';
import type { SessionRepository, StoredSession } from '../store/index.ts';
import { isoNow } from './clock.ts';
import { SessionCommandsUnsupportedError } from './errors.ts';
import type { SessionNoticeBroadcaster } from './feed.ts';

export interface RecordSessionView {
  kind: 'record';
  id: string;
  sessionType: string;
  createdAt: string;
  createParams: Record<string, unknown> | null;
}

export class RecordSession {
  readonly kind = 'record' as const;
  /** Only its deletion is a notice; that number is never reserved (the record is gone by then). */
  private readonly numbering: NoticeNumbering;

  private constructor(
    private readonly stored: StoredSession,
    private readonly repo: SessionRepository,
    private readonly broadcaster: SessionNoticeBroadcaster,
  ) {
    this.numbering = new NoticeNumbering(stored.noticeSeq, () => {});
    this.numbering.stopPersisting();
  }

  get id(): string {
    return this.stored.id;
  }

  static create(repo: SessionRepository, broadcaster: SessionNoticeBroadcaster, sessionType: string, createParams: Record<string, unknown> | null): RecordSession {
    const stored: StoredSession = {
      id: randomUUID(),
      sessionType,
      createParams,
      protocolId: '',
      createdAt: isoNow(),
      phase: 'stopped',
      errors: null,
      commandCounter: 0,
      noticeSeq: 0,
      events: [],
      eventNoticeSeqs: [],
      notices: [],
    };
    repo.insert(stored);
    return new RecordSession(stored, repo, broadcaster);
  }

  static restore(repo: SessionRepository, broadcaster: SessionNoticeBroadcaster, stored: StoredSession): RecordSession {
    return new RecordSession(stored, repo, broadcaster);
  }

  view(): RecordSessionView {
    const s = this.stored;
    return { kind: 'record', id: s.id, sessionType: s.sessionType, createdAt: s.createdAt, createParams: s.createParams };
  }

  async execute(command: string): Promise<never> {
    throw new SessionCommandsUnsupportedError(this.stored.sessionType, command);
  }

  async shutdown(kind: 'delete' | 'close'): Promise<void> {
    if (kind !== 'delete') return;
    this.repo.delete(this.id);
    const seq = this.numbering.next() ?? this.numbering.lastSeq;
    this.broadcaster.publish({ type: 'session.deleted', sessionId: this.id, seq, at: isoNow() });
  }
}
