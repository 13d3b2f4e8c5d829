// What travels on the wire. The Event JSON `{"createdOn": ..., "publisher": ..., "data": ...}` (in
// that key order) is the original's (http-api.md §5.2): over ZeroMQ it is the second frame after
// the topic; over the websocket it is wrapped as the TopicEvent `{"topic": ..., "event": <Event>}`,
// one per text frame (§5.4). Nothing is added at the frame level, so a client written for the
// original's `hardware_events` parses ours unchanged; sequence numbers travel inside `data`.
import type { HubEvent } from './hub.ts';
import { isoTimestamp } from './time.ts';

export const HARDWARE_EVENTS_TOPIC = 'hardware_events';
export const NOTIFICATIONS_PUBLISHER = 'labwright.notifications';

// An event goes to every transport and subscriber: serialise it once.
const eventJsonCache = new WeakMap<HubEvent, string>();

/** The Event JSON of `event` (ZeroMQ's second frame, the websocket frame's `event`). */
export function eventJson(event: HubEvent): string {
  let json = eventJsonCache.get(event);
  if (json === undefined) {
    json = JSON.stringify({ createdOn: event.createdOn, publisher: event.publisher, data: event.data });
    eventJsonCache.set(event, json);
  }
  return json;
}

/** The websocket text frame of `event`. */
export function frameOf(event: HubEvent): string {
  return `{"topic":${JSON.stringify(event.topic)},"event":${eventJson(event)}}`;
}

const frameBytesCache = new WeakMap<HubEvent, Buffer>();

/** The websocket frame of `event` as UTF-8, encoded once for all its subscribers. */
export function frameBytesOf(event: HubEvent): Buffer {
  let bytes = frameBytesCache.get(event);
  if (bytes === undefined) {
    bytes = Buffer.from(frameOf(event));
    frameBytesCache.set(event, bytes);
  }
  return bytes;
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
