// Notifications: an in-process pub/sub hub with per-topic sequence numbers and replay, and the
// original's websocket endpoint on top of it. Topics and frames: docs/notes/notifications-and-conformance.md.
export { NotificationHub, SequenceError } from './hub.ts';
export type { Backfill, HubEvent, HubListener, HubOptions, ReplayResult, Subscription } from './hub.ts';
export { frameOf, HARDWARE_EVENTS_TOPIC, NOTIFICATIONS_PUBLISHER } from './frames.ts';
export type { ReplayTruncatedData } from './frames.ts';
export { notificationsPlugin, parseSubscribeQuery, SubscribeQueryError, SUBSCRIBE_PATH } from './websocket.ts';
export type { NotificationsPluginOptions, SubscribeQuery } from './websocket.ts';
export { bridgeSessionFeed, sessionBackfill, sessionTopic, SESSIONS_PUBLISHER } from './sessions.ts';
export type { SessionHistory } from './sessions.ts';
