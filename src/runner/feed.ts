// What the session runner tells the outside world (the notifications transport subscribes here).
// Every notice carries a per-session sequence number: 1, 2, 3, ... over the session's whole life,
// including across server restarts, so a subscriber can spot gaps and order notices.
import type { SessionEvent } from '../store/index.ts';
import type { CurrentState } from './state-machine.ts';

interface NoticeBase {
  sessionId: string;
  /** Per-session sequence number, strictly increasing, never reused. */
  seq: number;
  /** When the notice was produced (the original's timestamp format). */
  at: string;
}

export type SessionNotice =
  | (NoticeBase & { type: 'session.created'; protocolId: string; state: CurrentState })
  | (NoticeBase & { type: 'session.state'; state: CurrentState; previous: CurrentState })
  | (NoticeBase & { type: 'session.event'; event: SessionEvent })
  | (NoticeBase & { type: 'session.deleted' });

export type SessionNoticeListener = (notice: SessionNotice) => void;

export interface SessionFeed {
  /** Registers a listener; returns the function that unregisters it. */
  subscribe(listener: SessionNoticeListener): () => void;
}

/**
 * Hands each session notice to every listener, at once and in order. Not a hub: it keeps no topics,
 * numbers nothing and replays nothing (that is the notifications' `NotificationHub`, which the
 * notifications bridge feeds from here). "Notice" is the runner's word for one session message;
 * "notification" is the transport's word for what subscribers receive.
 */
export class SessionNoticeBroadcaster implements SessionFeed {
  private readonly listeners = new Set<SessionNoticeListener>();

  constructor(private readonly onListenerError: (err: unknown) => void) {}

  subscribe(listener: SessionNoticeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(notice: SessionNotice): void {
    for (const listener of this.listeners) {
      try {
        listener(notice);
      } catch (err) {
        // A subscriber's bug must never break a run.
        this.onListenerError(err);
      }
    }
  }
}
