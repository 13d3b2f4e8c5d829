// The JSON text of session resources, reused while a session does not change. A protocol session
// keeps its events' JSON text as they arrive (events are append-only), so its body is the rest of
// the resource serialised as usual with that text spliced in: polling a session that holds
// thousands of events costs a splice once per change and a buffer write per request, instead of
// re-serialising every event on every request.
import { gzipSync } from 'node:zlib';
import type { AnySession, RecordSessionView, SessionView } from '../runner/index.ts';
import { renderSession, sessionLinks } from './render.ts';

// Only the events key can produce this text: every `"` inside a JSON string is escaped, so no
// string value (protocol id, error text) can contain it, and the events come before any other array.
const EVENTS_SLOT = '"events":[]';

/** `JSON.stringify(renderSession(view))`, without serialising the events again. */
export function sessionDataJson(view: SessionView | RecordSessionView): string {
  if (view.kind === 'record') return JSON.stringify(renderSession(view));
  const text = JSON.stringify(renderSession({ ...view, events: [] }));
  const at = text.indexOf(EVENTS_SLOT);
  return `${text.slice(0, at)}"events":${view.eventsJson}${text.slice(at + EVENTS_SLOT.length)}`;
}

function revisionOf(view: SessionView | RecordSessionView): number {
  // Record sessions never change.
  return view.kind === 'record' ? 0 : view.revision;
}

interface Cached {
  revision: number;
  data: string;
  /** The `GET /sessions/{id}` body, encoded once. */
  envelope: Buffer | null;
  gzipped: Buffer | null;
}

/**
 * Bodies from this size on are sent gzip-compressed to clients that accept it. A session's events
 * compress about 20:1 (2 MiB in 3-5 ms at this level), which matters more than the CPU for a poll
 * over a network, or 100 pollers on one machine; small bodies are not worth it.
 */
const GZIP_FROM_BYTES = 16 * 1024;
const GZIP_LEVEL = 3;

/** Whether an `Accept-Encoding` header admits gzip (`gzip` or `*`, with a q-value above 0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.split(';').map((x) => x.trim().toLowerCase());
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

export interface EncodedBody {
  bytes: Buffer;
  /** `gzip`, or null for the identity encoding. */
  encoding: 'gzip' | null;
}

/** Per-session cache of rendered bodies, dropped with the session object. */
export class SessionBodies {
  private readonly cache = new WeakMap<AnySession, Cached>();

  /** The session's `data` as JSON text. */
  data(session: AnySession): string {
    return this.entry(session).data;
  }

  /** The body of `GET /sessions/{id}`: `{"data": ..., "links": ...}`, as bytes, gzipped if large and accepted. */
  envelope(session: AnySession, gzip: boolean): EncodedBody {
    const entry = this.entry(session);
    entry.envelope ??= Buffer.from(`{"data":${entry.data},"links":${JSON.stringify(sessionLinks(session.id))}}`);
    if (!gzip || entry.envelope.length < GZIP_FROM_BYTES) return { bytes: entry.envelope, encoding: null };
    entry.gzipped ??= gzipSync(entry.envelope, { level: GZIP_LEVEL });
    return { bytes: entry.gzipped, encoding: 'gzip' };
  }

  private entry(session: AnySession): Cached {
    const view = session.view();
    const revision = revisionOf(view);
    const hit = this.cache.get(session);
    if (hit !== undefined && hit.revision === revision) return hit;
    const entry: Cached = { revision, data: sessionDataJson(view), envelope: null, gzipped: null };
    this.cache.set(session, entry);
    return entry;
  }
}
