// The in-process event hub behind every notification transport (http-api.md §5): the websocket
// subscribes per topic, the ZeroMQ PUB socket taps every topic, the session store backs replay.
// Publishing and subscribing are synchronous on the one event loop, which is what makes replay
// exact: a subscriber registers and receives its backlog in the same tick, so no event can fall
// between the backlog and the live stream, and none arrives twice.
import { isoTimestamp } from './time.ts';

/** One published event, as the hub keeps it. `seq` counts from 1 per topic and never repeats. */
export interface HubEvent {
  readonly topic: string;
  readonly seq: number;
  readonly createdOn: string;
  readonly publisher: string;
  readonly data: unknown;
}

export type HubListener = (event: HubEvent) => void;

/**
 * Supplies events a topic's replay buffer no longer holds (e.g. read back from the store after a
 * restart). Returns the events of `topic` with `seq > since`, oldest first, or `undefined` when it
 * knows nothing about the topic.
 */
export type Backfill = (topic: string, since: number) => readonly HubEvent[] | undefined;

export interface HubOptions {
  /** Events kept per topic for replay. */
  replayLimit?: number;
  now?: () => Date;
  backfill?: Backfill;
}

export interface ReplayResult {
  readonly events: readonly HubEvent[];
  /**
   * True when events after `since` were lost: neither the buffer nor the backfill holds them. The
   * subscriber should re-read the resource over HTTP.
   */
  readonly truncated: boolean;
}

export interface Subscription {
  /** The backlog after `since` for each topic, in topic order then sequence order. */
  readonly replay: ReadonlyMap<string, ReplayResult>;
  unsubscribe(): void;
}

export class SequenceError extends Error {
  override readonly name = 'SequenceError';
}

/** A fixed-capacity ring of the latest events of one topic. */
class TopicLog {
  private readonly ring: HubEvent[] = [];
  private start = 0;
  /**
   * Every seq up to this one is beyond replay from the ring: evicted, or never seen here (a
   * publisher whose numbering jumped, e.g. a session resumed after a restart).
   */
  private unknownUpTo = 0;
  lastSeq = 0;
  readonly listeners = new Set<HubListener>();

  constructor(private readonly capacity: number) {}

  push(event: HubEvent): void {
    if (event.seq > this.lastSeq + 1) this.unknownUpTo = event.seq - 1;
    this.lastSeq = event.seq;
    if (this.capacity === 0) return;
    if (this.ring.length < this.capacity) {
      this.ring.push(event);
    } else {
      this.unknownUpTo = Math.max(this.unknownUpTo, this.ring[this.start].seq);
      this.ring[this.start] = event;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  /** Starts empty after `seq`, as if everything up to it had been evicted. */
  forgetUpTo(seq: number): void {
    this.lastSeq = seq;
    this.unknownUpTo = seq;
  }

  /** Buffered events with seq > since, oldest first; `complete` is false if some were evicted. */
  after(since: number): { events: HubEvent[]; complete: boolean } {
    const ordered = this.ring.slice(this.start).concat(this.ring.slice(0, this.start));
    const events = ordered.filter((e) => e.seq > since);
    return { events, complete: since >= this.unknownUpTo };
  }
}

export class NotificationHub {
  private readonly topics = new Map<string, TopicLog>();
  private readonly taps = new Set<HubListener>();
  private readonly replayLimit: number;
  private readonly now: () => Date;
  private readonly backfill: Backfill | undefined;

  constructor(options: HubOptions = {}) {
    this.replayLimit = options.replayLimit ?? 2048;
    this.now = options.now ?? (() => new Date());
    this.backfill = options.backfill;
  }

  /**
   * Publishes `data` on `topic`. `seq` lets a publisher that already numbers its events (a session's
   * own sequence) keep its numbers; it must be greater than the topic's last one. `createdOn` keeps
   * the time of an event made elsewhere (a message pushed to the broker); default: now.
   */
  publish(topic: string, publisher: string, data: unknown, seq?: number, createdOn?: string): HubEvent {
    const log = this.log(topic);
    const next = seq ?? log.lastSeq + 1;
    if (!Number.isSafeInteger(next) || next <= log.lastSeq) {
      throw new SequenceError(`Topic '${topic}': sequence ${next} is not after ${log.lastSeq}`);
    }
    const event: HubEvent = { topic, seq: next, createdOn: createdOn ?? isoTimestamp(this.now()), publisher, data };
    log.push(event);
    // Copy first: a listener may unsubscribe (or subscribe others) while we deliver.
    for (const listener of [...log.listeners]) listener(event);
    for (const tap of this.taps) tap(event);
    return event;
  }

  /**
   * Receives every event of every topic, after the topic's own subscribers (a transport that does
   * its own topic matching, as ZeroMQ does by prefix). Returns the function that removes it.
   */
  tap(listener: HubListener): () => void {
    this.taps.add(listener);
    return () => this.taps.delete(listener);
  }

  /** Subscribes to `topics`; with `since`, also returns what each topic published after it. */
  subscribe(topics: readonly string[], listener: HubListener, since?: number): Subscription {
    const logs = [...new Set(topics)].map((topic) => [topic, this.log(topic)] as const);
    const replay = new Map<string, ReplayResult>();
    if (since !== undefined) {
      for (const [topic, log] of logs) replay.set(topic, this.replayOf(topic, log, since));
    }
    for (const [, log] of logs) log.listeners.add(listener);
    return {
      replay,
      unsubscribe: () => {
        for (const [topic, log] of logs) {
          log.listeners.delete(listener);
          this.forgetIfIdle(topic, log);
        }
      },
    };
  }

  /** The last sequence number published on `topic` (0 if none). */
  lastSeq(topic: string): number {
    return this.topics.get(topic)?.lastSeq ?? 0;
  }

  /**
   * Continues a topic whose numbering reached `lastSeq` outside this hub (e.g. before a restart):
   * the next event must be numbered above it, and a `since` below it is history only the backfill
   * can replay. Without this, an idle topic would look empty and complete to a reconnecting client.
   */
  resumeTopic(topic: string, lastSeq: number): void {
    const log = this.log(topic);
    if (lastSeq > log.lastSeq) log.forgetUpTo(lastSeq);
  }

  /** Frees a topic's buffer (e.g. its session was deleted); current subscribers stay attached. */
  dropTopic(topic: string): void {
    const log = this.topics.get(topic);
    if (log === undefined) return;
    const fresh = new TopicLog(this.replayLimit);
    fresh.forgetUpTo(log.lastSeq);
    for (const l of log.listeners) fresh.listeners.add(l);
    this.topics.set(topic, fresh);
    this.forgetIfIdle(topic, fresh);
  }

  subscriberCount(topic: string): number {
    return this.topics.get(topic)?.listeners.size ?? 0;
  }

  private replayOf(topic: string, log: TopicLog, since: number): ReplayResult {
    const buffered = log.after(since);
    if (buffered.complete) return { events: buffered.events, truncated: false };
    const older = this.backfill?.(topic, since);
    if (older === undefined) return { events: buffered.events, truncated: true };
    // Splice the backfill in front of the buffer, trusting the buffer where they overlap.
    const firstBuffered = buffered.events[0]?.seq ?? Number.POSITIVE_INFINITY;
    const head = older.filter((e) => e.seq > since && e.seq < firstBuffered);
    return { events: head.concat(buffered.events), truncated: false };
  }

  private log(topic: string): TopicLog {
    let log = this.topics.get(topic);
    if (log === undefined) {
      log = new TopicLog(this.replayLimit);
      this.topics.set(topic, log);
    }
    return log;
  }

  // A topic nobody published to and nobody listens to is only an empty entry; drop it so that
  // subscribing to arbitrary names cannot grow the map without bound.
  private forgetIfIdle(topic: string, log: TopicLog): void {
    if (log.lastSeq === 0 && log.listeners.size === 0) this.topics.delete(topic);
  }
}
