// Puts our responses and the original's recordings into comparable form: run-specific values
// (timestamps, UUIDs) become placeholders numbered by first appearance, and the few places where
// Labwright deliberately differs are aligned. What remains is compared as JSON text, so key order
// counts as much as values.

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+00:00$/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };


/** Replaces timestamps and UUIDs (also inside strings such as hrefs and details) by placeholders. */
export function normalize(value: Json): Json {
  const ids = new Map<string, string>();
  const walk = (v: Json): Json => {
    if (typeof v === 'string') {
      if (TIMESTAMP.test(v)) return '<timestamp>';
      return v.replace(UUID, (id) => {
        let name = ids.get(id);
        if (name === undefined) {
          name = `<uuid${ids.size + 1}>`;
          ids.set(id, name);
        }
        return name;
      });
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const out: { [key: string]: Json } = {};
      for (const [k, child] of Object.entries(v)) out[k] = walk(child);
      return out;
    }
    return v;
  };
  return walk(value);
}

/**
 * Drops Labwright's additions that the original lacks: the `slot` key of required labware (after
 * checking it agrees with `location`).
 */
export function withoutAdditions(value: Json): Json {
  const walk = (v: Json, key: string | null, parentKey: string | null): Json => {
    if (Array.isArray(v)) return v.map((c) => walk(c, null, key));
    if (v !== null && typeof v === 'object') {
      const out: { [k: string]: Json } = {};
      for (const [k, child] of Object.entries(v)) {
        if (k === 'slot' && parentKey === 'labware' && 'location' in v) {
          if (String(child) !== String(v.location)) throw new Error(`labware slot ${child} != location ${v.location}`);
          continue;
        }
        // The issue asks for a session's error in `details` (beyond the original): it must be a
        // non-empty list exactly when the session is in `error`, and is then left out of the
        // byte comparison.
        if (k === 'errors' && key === 'details' && 'currentState' in v) {
          const inError = v.currentState === 'error';
          if (inError !== (Array.isArray(child) && child.length > 0)) {
            throw new Error(`details.errors ${JSON.stringify(child)} in state ${String(v.currentState)}`);
          }
          continue;
        }
        out[k] = walk(child, k, key);
      }
      return out;
    }
    return v;
  };
  return walk(value, null, null);
}

interface EventLike {
  source: string;
}

/** The recording's elision of `details.events`: the first 4, every non-protocol event, the last 4. */
export function elideEvents<E extends EventLike>(events: readonly E[]): E[] {
  return events.filter((e, i) => i < 4 || i >= events.length - 4 || e.source !== 'protocol');
}

export function countBySource(events: readonly EventLike[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of events) counts[e.source] = (counts[e.source] ?? 0) + 1;
  return counts;
}

const PERMITTED = /^(unexpected value; permitted: )(.*)$/;

/** Shortens a `permitted:` list the way the recording did: first 5, a count, last 2. */
export function elidePermitted(detail: string): string {
  const m = PERMITTED.exec(detail);
  if (!m) return detail;
  const items = m[2].split(/, (?=<)/);
  if (items.length <= 7) return detail;
  return `${m[1]}${items.slice(0, 5).join(', ')}, ... [elided: ${items.length} permitted values in total] ..., ${items
    .slice(-2)
    .join(', ')}`;
}

/** Canonical text for comparison: normalised, then compact JSON. */
export function canonical(value: Json): string {
  return JSON.stringify(normalize(value));
}
