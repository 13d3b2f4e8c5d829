// Notifications: one in-process event hub (topics, sequence numbers, replay) and its transports:
// the original's websocket endpoint and the original's ZeroMQ notify-server sockets.
// Topics and frames: docs/notes/notifications-and-conformance.md.
export { NotificationHub, SequenceError } from './hub.ts';
export { NoticeNumbering, NOTICE_SEQ_BLOCK } from './numbering.ts';
export type { Backfill, HubEvent, HubListener, HubOptions, ReplayResult, Subscription } from './hub.ts';
export { eventJson, frameOf, HARDWARE_EVENTS_TOPIC, NOTIFICATIONS_PUBLISHER } from './frames.ts';
export type { ReplayTruncatedData } from './frames.ts';
export { notificationsPlugin, parseSubscribeQuery, SubscribeQueryError, SUBSCRIBE_PATH } from './websocket.ts';
export type { NotificationsPluginOptions, SubscribeQuery } from './websocket.ts';
export {
  bridgeSessionFeed,
  isReservedTopic,
  sessionBackfill,
  sessionTopic,
  SESSION_LIST_TOPIC,
  SESSIONS_PUBLISHER,
} from './sessions.ts';
export type { SessionHistory } from './sessions.ts';
export { bridgeDoor, HARDWARE_PUBLISHER } from './hardware.ts';
export { checkNotifyAddress, NotifyAddressError } from './address.ts';
export { checkPushedMessage, MAX_TOPIC_BYTES } from './pushed.ts';
export type { DoorStatePayload, PushCheck, PushedEvent, UserDataPayload } from './pushed.ts';
export { NotifyBindError, startZmqBroker } from './zeromq.ts';
export type { ZmqBroker, ZmqBrokerOptions } from './zeromq.ts';
