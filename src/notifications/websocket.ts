// `GET /notifications/subscribe?topic=a&topic=b[&since=N]` as a websocket (http-api.md §5.4).
// Each hub event on a subscribed topic goes out as one text frame in the original's TopicEvent
// format. `since` is ours: the backlog after that sequence number is sent first, then the live
// stream, with nothing lost or repeated between the two.
import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { frameBytesOf, replayTruncatedFrame } from './frames.ts';
import type { HubEvent, NotificationHub } from './hub.ts';

export const SUBSCRIBE_PATH = '/notifications/subscribe';

// RFC 6455 close codes.
const POLICY_VIOLATION = 1008;
const TRY_AGAIN_LATER = 1013;

export interface NotificationsPluginOptions {
  hub: NotificationHub;
  /**
   * A subscriber that falls this far behind (bytes queued in its socket) is disconnected with
   * 1013 rather than allowed to grow the server's memory; it reconnects with `since`.
   */
  maxBufferedBytes?: number;
  now?: () => Date;
}

export class SubscribeQueryError extends Error {
  override readonly name = 'SubscribeQueryError';
}

export interface SubscribeQuery {
  topics: string[];
  since: number | undefined;
}

/** Reads `topic` (repeatable, at least one) and the optional `since` from a parsed query string. */
export function parseSubscribeQuery(query: unknown): SubscribeQuery {
  const record = typeof query === 'object' && query !== null ? (query as Record<string, unknown>) : {};
  const rawTopics = record.topic;
  const topics = (Array.isArray(rawTopics) ? rawTopics : rawTopics === undefined ? [] : [rawTopics]).filter(
    (t): t is string => typeof t === 'string' && t.length > 0,
  );
  if (topics.length === 0) throw new SubscribeQueryError('At least one topic query parameter is required');
  const rawSince = record.since;
  if (rawSince === undefined) return { topics, since: undefined };
  if (typeof rawSince !== 'string' || !/^\d+$/.test(rawSince) || !Number.isSafeInteger(Number(rawSince))) {
    throw new SubscribeQueryError("'since' must be a single non-negative integer");
  }
  return { topics, since: Number(rawSince) };
}

export async function notificationsPlugin(app: FastifyInstance, options: NotificationsPluginOptions): Promise<void> {
  const { hub } = options;
  const maxBuffered = options.maxBufferedBytes ?? 16 * 2 ** 20;
  const now = options.now ?? (() => new Date());

  if (!app.hasDecorator('websocketServer')) await app.register(websocket);

  app.route({
    method: 'GET',
    url: SUBSCRIBE_PATH,
    // A plain HTTP GET cannot subscribe; answer like any unknown route of the original.
    handler: (_request: FastifyRequest, reply: FastifyReply) => {
      void reply.code(404).send({ errors: [{ id: 'BadRequest', title: 'Bad Request', detail: 'Not Found' }] });
    },
    wsHandler: (socket: WebSocket, request: FastifyRequest) => {
      let query: SubscribeQuery;
      try {
        query = parseSubscribeQuery(request.query);
      } catch (err) {
        socket.close(POLICY_VIOLATION, err instanceof SubscribeQueryError ? err.message : 'Bad request');
        return;
      }
      // A run publishes in bursts: the frames of one burst leave in one write (the TCP socket is
      // corked until the current tick's work is done) instead of one system call per frame.
      const tcp = request.raw.socket;
      let corked = false;
      const uncork = (): void => {
        corked = false;
        tcp.uncork();
      };
      const send = (frame: string | Buffer): void => {
        if (socket.readyState !== socket.OPEN) return;
        if (socket.bufferedAmount > maxBuffered) {
          socket.close(TRY_AGAIN_LATER, 'Subscriber too slow; reconnect with since');
          return;
        }
        if (!corked) {
          corked = true;
          tcp.cork();
          process.nextTick(uncork);
        }
        // Text frames either way; the bytes of an event are shared by all its subscribers.
        socket.send(frame, { binary: false });
      };
      const subscription = hub.subscribe(query.topics, (event: HubEvent) => send(frameBytesOf(event)), query.since);
      for (const [topic, replay] of subscription.replay) {
        if (replay.truncated) {
          const resumesAt = replay.events[0]?.seq ?? hub.lastSeq(topic) + 1;
          send(replayTruncatedFrame(topic, query.since ?? 0, resumesAt, now()));
        }
        for (const event of replay.events) send(frameBytesOf(event));
      }
      socket.on('close', () => subscription.unsubscribe());
      // The original reads client frames and ignores them; so do we.
      socket.on('message', () => {});
    },
  });
}
