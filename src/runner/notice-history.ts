// A session's past notices rebuilt from what it holds (its events with their numbers, and its other
// notices), for a subscriber whose replay buffer no longer reaches back.
import type { SessionEvent } from '../store/index.ts';
import type { SessionNotice } from './feed.ts';

/**
 * Every notice published after `since`, oldest first. Undefined when that history cannot be told
 * exactly: `since` names a number the session has no record of (a notice lost with the last 100 ms
 * before a crash, or events of a cut-off load that was redone), or events were stored before their
 * numbers were kept.
 *
 * @param eventSeqs each event's notice number, in step with `events` (increasing).
 * @param others the created and state-change notices, oldest first.
 */
export function noticesSince(
  sessionId: string,
  events: readonly SessionEvent[],
  eventSeqs: readonly (number | null)[],
  others: readonly SessionNotice[],
  since: number,
): SessionNotice[] | undefined {
  if (eventSeqs.some((n) => n === null)) return undefined;
  const seqs = eventSeqs as readonly number[];
  // First event numbered above `since` (numbers increase along the list).
  let lo = 0;
  let hi = seqs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (seqs[mid] <= since) lo = mid + 1;
    else hi = mid;
  }
  const known = since === 0 || seqs[lo - 1] === since || others.some((n) => n.seq === since);
  if (!known) return undefined;
  const out: SessionNotice[] = [];
  let k = 0;
  const later = others.filter((n) => n.seq > since);
  for (let i = lo; i < events.length; i += 1) {
    while (k < later.length && later[k].seq < seqs[i]) out.push(later[k++]);
    const event = events[i];
    out.push({ type: 'session.event', event, sessionId, seq: seqs[i], at: event.timestamp });
  }
  while (k < later.length) out.push(later[k++]);
  return out;
}
