// The notify-server's ZeroMQ sockets (http-api.md §5.1), inside Labwright's process:
// * a PUB socket where subscribers connect; every hub event goes out as the original's two frames
//   (topic, Event JSON) and ZeroMQ matches each subscriber's topics by prefix;
// * a PULL socket where other programs push two-frame messages; each is checked, and a valid one is
//   published on the hub (so websocket and ZeroMQ subscribers both get it), a malformed one dropped
//   and logged.
// A slow or vanished subscriber costs the run nothing: PUB never blocks, and past the high-water
// mark ZeroMQ drops that subscriber's messages alone (the websocket's `since` is the way to catch up).
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Publisher, Pull } from 'zeromq';
import { eventJson } from './frames.ts';
import type { HubEvent, NotificationHub } from './hub.ts';
import { checkPushedMessage } from './pushed.ts';

export interface ZmqBrokerOptions {
  hub: NotificationHub;
  /** Where subscribers connect (the original's `subscriber_address`), e.g. `tcp://*:5555`; null: none. */
  subscriberAddress: string | null;
  /** Where publishers push (the original's `publisher_address`), e.g. `ipc://…/notify`; null: none. */
  pushAddress: string | null;
  /** Topics only Labwright publishes on; pushes to them are dropped. */
  reservedTopic(topic: string): boolean;
  logger: Logger;
  /** Messages queued per subscriber before ZeroMQ drops for it. Default 50,000 (a long run's burst at full speed). */
  sendHighWaterMark?: number;
  /** Largest pushed message accepted; a peer sending more is disconnected by ZeroMQ. Default 1 MiB. */
  maxPushBytes?: number;
}

export interface ZmqBroker {
  /** The bound PUB endpoint (a `*` port resolved), or null. */
  readonly subscriberEndpoint: string | null;
  /** The bound PULL endpoint, or null. */
  readonly pushEndpoint: string | null;
  close(): Promise<void>;
}

export class NotifyBindError extends Error {
  override readonly name = 'NotifyBindError';
  constructor(
    readonly address: string,
    readonly role: 'subscriber' | 'push',
    cause: unknown,
  ) {
    super(`cannot bind the notify ${role === 'subscriber' ? 'PUB' : 'PULL'} socket at ${address}: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

async function bindOrThrow(socket: Publisher | Pull, address: string, role: 'subscriber' | 'push'): Promise<string> {
  try {
    await socket.bind(address);
  } catch (err) {
    socket.close();
    throw new NotifyBindError(address, role, err);
  }
  return socket.lastEndpoint ?? address;
}

export async function startZmqBroker(options: ZmqBrokerOptions): Promise<ZmqBroker> {
  const { hub, logger } = options;
  // Loaded only when the broker is wanted: a server without it never loads the native addon.
  const zmq = await import('zeromq');
  // linger 0: closing never waits for subscribers that are not reading.
  const pub =
    options.subscriberAddress === null
      ? null
      : // sendTimeout 0: every send is synchronous. Otherwise zeromq.js defers a burst's later sends
        // to a later tick and refuses (EBUSY) the ones that follow; a PUB never needs to wait.
        new zmq.Publisher({ linger: 0, sendTimeout: 0, sendHighWaterMark: options.sendHighWaterMark ?? 50_000 });
  const pull =
    options.pushAddress === null ? null : new zmq.Pull({ linger: 0, maxMessageSize: options.maxPushBytes ?? 2 ** 20 });

  let subscriberEndpoint: string | null = null;
  let pushEndpoint: string | null = null;
  try {
    if (pub !== null && options.subscriberAddress !== null) subscriberEndpoint = await bindOrThrow(pub, options.subscriberAddress, 'subscriber');
    if (pull !== null && options.pushAddress !== null) pushEndpoint = await bindOrThrow(pull, options.pushAddress, 'push');
  } catch (err) {
    if (pub !== null && !pub.closed) pub.close();
    if (pull !== null && !pull.closed) pull.close();
    throw err;
  }

  let sendFailures = 0;
  const sendFailed = (err: unknown): void => {
    if (pub === null || pub.closed) return;
    sendFailures += 1;
    if (sendFailures === 1 || sendFailures % 1000 === 0) logger.warn({ err, sendFailures }, 'notify: event not sent');
  };
  const untap =
    pub === null
      ? () => {}
      : hub.tap((event: HubEvent) => {
          // Queued (or, past a subscriber's high-water mark, dropped) at once; a failure must never
          // reach the publisher of the event.
          try {
            pub.send([event.topic, eventJson(event)]).catch(sendFailed);
          } catch (err) {
            sendFailed(err);
          }
        });

  const receiving = pull === null ? Promise.resolve() : receivePushes(pull, options);

  if (subscriberEndpoint !== null || pushEndpoint !== null) {
    logger.info({ subscriberEndpoint, pushEndpoint }, 'notify broker listening');
  }

  return {
    subscriberEndpoint,
    pushEndpoint,
    async close() {
      untap();
      pub?.close();
      pull?.close();
      await receiving;
    },
  };
}

/** Receives until the socket closes; one bad message never ends the loop. */
async function receivePushes(pull: Pull, options: ZmqBrokerOptions): Promise<void> {
  const { hub, logger } = options;
  for (;;) {
    let frames: Buffer[];
    try {
      frames = await pull.receive();
    } catch (err) {
      if (pull.closed) return;
      logger.error({ err }, 'notify: receiving a pushed message failed');
      // Not a tight loop if the failure repeats.
      await sleep(100);
      continue;
    }
    const checked = checkPushedMessage(frames, options.reservedTopic);
    if (!checked.ok) {
      logger.warn({ reason: checked.reason, frames: frames.length, bytes: frames.reduce((n, f) => n + f.byteLength, 0) }, 'notify: pushed message dropped');
      continue;
    }
    const { topic, publisher, data, createdOn } = checked.event;
    try {
      hub.publish(topic, publisher, data, undefined, createdOn);
    } catch (err) {
      logger.error({ err, topic }, 'notify: pushed message not published');
    }
  }
}
