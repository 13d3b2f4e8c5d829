// What travels over the websocket: the original's TopicEvent JSON (http-api.md §5.4), one event
// per text frame, `{"topic": ..., "event": {"createdOn": ..., "publisher": ..., "data": ...}}`, in
// that key order. Nothing is added at the frame level, so a client written for the original's
// `hardware_events` parses our frames unchanged; sequence numbers travel inside `data`.
import type { HubEvent } from './hub.ts';
import { isoTimestamp } from './time.ts';

export const HARDWARE_EVENTS_TOPIC = 'hardware_events';
export const NOTIFICATIONS_PUBLISHER = 'labwright.notifications';

export function frameOf(event: HubEvent): string {
  return JSON.stringify({
    topic: event.topic,
    event: { createdOn: event.createdOn, publisher: event.publisher, data: event.data },
  });
}

/** `data` of the frame sent in place of a backlog that can no longer be replayed. */
export interface ReplayTruncatedData {
  type: 'replayTruncated';
  /** The `since` the client asked for. */
  since: number;
  /** The sequence number of the first event that follows this frame (or the next to come). */
  resumesAt: number;
}

export function replayTruncatedFrame(topic: string, since: number, resumesAt: number, now: Date): string {
  const data: ReplayTruncatedData = { type: 'replayTruncated', since, resumesAt };
  return JSON.stringify({
    topic,
    event: { createdOn: isoTimestamp(now), publisher: NOTIFICATIONS_PUBLISHER, data },
  });
}
