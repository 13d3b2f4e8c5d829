// Messages other programs push to the broker (http-api.md §5.2): two frames, the topic as UTF-8
// and the Event JSON `{createdOn, publisher, data}` whose `data` is one of the original's payload
// models, `UserData` or `DoorStatePayload`. Anything else is refused with a reason, never forwarded.
// Pure: the transport decides what to do with a refusal (drop it and log the reason).

export interface UserDataPayload {
  type: 'UserData';
  data: Record<string, unknown>;
}

export interface DoorStatePayload {
  event: 'door_state';
  /** The door enum's value: true = closed, false = open. */
  state: boolean;
}

export interface PushedEvent {
  topic: string;
  createdOn: string;
  publisher: string;
  data: UserDataPayload | DoorStatePayload;
}

export type PushCheck = { ok: true; event: PushedEvent } | { ok: false; reason: string };

/** Longest topic accepted, in bytes. */
export const MAX_TOPIC_BYTES = 255;

// ISO 8601 date-time as pydantic reads it: date, time to minutes or beyond, optional offset.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decode(frame: Uint8Array): string | null {
  try {
    return utf8.decode(frame);
  } catch {
    return null;
  }
}

/** The payload models, tried in the original's order; null if `data` is neither. */
function payloadOf(data: unknown): UserDataPayload | DoorStatePayload | null {
  if (!isRecord(data)) return null;
  if (data.type === 'UserData' && isRecord(data.data)) return { type: 'UserData', data: data.data };
  if (data.event === 'door_state' && typeof data.state === 'boolean') return { event: 'door_state', state: data.state };
  return null;
}

/**
 * Checks one pushed multipart message. `reserved(topic)` names topics only Labwright itself
 * publishes on (its sessions, its door): a pushed event there would impersonate the robot.
 */
export function checkPushedMessage(frames: readonly Uint8Array[], reserved: (topic: string) => boolean): PushCheck {
  if (frames.length !== 2) return { ok: false, reason: `expected 2 frames (topic, event), got ${frames.length}` };
  const topic = decode(frames[0]);
  if (topic === null) return { ok: false, reason: 'the topic is not UTF-8' };
  if (topic.length === 0) return { ok: false, reason: 'the topic is empty' };
  if (frames[0].byteLength > MAX_TOPIC_BYTES) return { ok: false, reason: `the topic is longer than ${MAX_TOPIC_BYTES} bytes` };
  if (reserved(topic)) return { ok: false, reason: `topic '${topic}' is published by Labwright itself` };
  const text = decode(frames[1]);
  if (text === null) return { ok: false, reason: 'the event is not UTF-8' };
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the event is not JSON' };
  }
  if (!isRecord(event)) return { ok: false, reason: 'the event is not a JSON object' };
  const { createdOn, publisher } = event;
  if (typeof createdOn !== 'string' || !DATE_TIME.test(createdOn) || Number.isNaN(Date.parse(createdOn.replace(' ', 'T')))) {
    return { ok: false, reason: "'createdOn' is not an ISO 8601 date-time" };
  }
  if (typeof publisher !== 'string' || publisher.length === 0) return { ok: false, reason: "'publisher' is not a non-empty string" };
  const data = payloadOf(event.data);
  if (data === null) {
    return { ok: false, reason: "'data' is neither UserData {type, data} nor DoorStatePayload {event, state}" };
  }
  return { ok: true, event: { topic, createdOn, publisher, data } };
}
