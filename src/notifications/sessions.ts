// Bridges the session runner's notice feed onto the hub: one topic per protocol session,
// `sessions/<sessionId>`, carrying every state change and every event (protocol steps, session
// commands, the server's own notes) as it happens. The runner's per-session sequence number is
// kept as the topic's sequence, so `since` means the same thing as the `seq` a client last saw.
// The topic `sessions` lists creations and deletions; over ZeroMQ, whose topics match by prefix,
// subscribing to `sessions` therefore receives that list and every session.
import { HARDWARE_EVENTS_TOPIC } from './frames.ts';
import type { Backfill, NotificationHub } from './hub.ts';

/**
 * What the bridge reads of a session notice. The runner's notices have these and more; they are
 * declared here, by the consumer, so notifications need nothing from the runner (which sits above).
 */
export interface SessionNoticeFields {
  readonly sessionId: string;
  readonly seq: number;
  /** When the notice was first published. */
  readonly at: string;
  readonly type: string;
}

/** A source of session notices in order (the runner's session feed). */
export interface SessionNoticeSource<Notice extends SessionNoticeFields> {
  subscribe(listener: (notice: Notice) => void): () => void;
}

export const SESSIONS_PUBLISHER = 'labwright.sessions';
/** Creations and deletions of sessions (the notices without the session's own `seq`). */
export const SESSION_LIST_TOPIC = 'sessions';

export function sessionTopic(sessionId: string): string {
  return `sessions/${sessionId}`;
}

/** Publishes every notice of `feed` on its session's topic; returns the function that stops it. */
export function bridgeSessionFeed<Notice extends SessionNoticeFields>(hub: NotificationHub, feed: SessionNoticeSource<Notice>): () => void {
  return feed.subscribe((notice) => {
    const topic = sessionTopic(notice.sessionId);
    hub.publish(topic, SESSIONS_PUBLISHER, notice, notice.seq);
    if (notice.type === 'session.created' || notice.type === 'session.deleted') {
      // The list topic numbers its own entries; the session's number would only confuse `since`.
      const { seq: _sessionSeq, ...entry } = notice;
      hub.publish(SESSION_LIST_TOPIC, SESSIONS_PUBLISHER, entry);
    }
    // The session is gone: free its backlog. Subscribers still attached see nothing more.
    if (notice.type === 'session.deleted') hub.dropTopic(topic);
  });
}

/** Where the sessions' past notices can be read back (the runner's `SessionManager`). */
export interface SessionHistory {
  noticesSince(sessionId: string, since: number): readonly SessionNoticeFields[] | undefined;
}

const TOPIC_PREFIX = 'sessions/';

/**
 * Topics only Labwright publishes on: every topic a ZeroMQ subscription to `sessions` or
 * `hardware_events` matches (matching is by prefix, so `hardware_events_x` would reach the
 * door's subscribers too).
 */
export function isReservedTopic(topic: string): boolean {
  return topic.startsWith(SESSION_LIST_TOPIC) || topic.startsWith(HARDWARE_EVENTS_TOPIC);
}

/**
 * Lets a subscriber's `since` reach past the replay buffer, e.g. after a restart: the session's
 * notices are rebuilt from what it holds (the store, after a restart). A replayed frame's
 * `createdOn` is the notice's own time (`at`), which is when it was first published, give or take
 * a microsecond.
 */
export function sessionBackfill(history: SessionHistory): Backfill {
  return (topic, since) => {
    if (!topic.startsWith(TOPIC_PREFIX)) return undefined;
    const notices = history.noticesSince(topic.slice(TOPIC_PREFIX.length), since);
    return notices?.map((notice) => ({ topic, seq: notice.seq, createdOn: notice.at, publisher: SESSIONS_PUBLISHER, data: notice }));
  };
}
