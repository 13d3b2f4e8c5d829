// Replays a run of recorded exchanges against our server and compares each answer with the
// original's: status, the three headers clients rely on, and the body as normalised JSON text.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FilePart } from './harness.ts';
import { FIXTURES, http, stateIs, waitForSession } from './harness.ts';
import type { Json } from './normalize.ts';
import {
  canonical,
  countBySource,
  elideEvents,
  elidePermitted,
  normalize,
  withoutAdditions,
} from './normalize.ts';
import type { OriginalExchange } from '../helpers/original.ts';
import { withTodaysNames } from '../helpers/original.ts';

/** How an entry's body is compared. */
export type Mode =
  /** Everything, byte for byte after normalisation (elided events: the same elision and counts). */
  | { kind: 'exact' }
  /** A GET taken mid-transition: any of `states`; its events must prefix the next settled GET's. */
  | { kind: 'snapshot'; states: string[] }
  /**
   * Where our pause/cancel really stop and the original's did not: everything but the events
   * exact; of the events, the first 4 and every non-protocol event (in order) exact.
   * `completed`: the run finished after all, so the counts and the last protocol events match too.
   * `holds`: the event list must not grow while the state holds (a real pause or stop).
   */
  | { kind: 'stops'; completed?: boolean; holds?: boolean };

export interface ReplayPlan {
  /** Per entry number: comparison mode (default exact). */
  modes?: Record<string, Mode>;
  /** Per entry number: wait for this state before sending (a precondition the recording had). */
  preconditions?: Record<string, string>;
  /** Folders the requests' files are read from, in order (default: the recording's own fixtures). */
  fileDirs?: readonly string[];
}

const RECORDING_FILES = path.join(FIXTURES, 'reference');

async function filePart(dirs: readonly string[], field: string, name: string): Promise<FilePart> {
  for (const dir of dirs) {
    try {
      return { field, name, data: await readFile(path.join(dir, name)) };
    } catch {
      // try the next folder
    }
  }
  throw new Error(`file ${name} of a recorded request not found in ${dirs.join(', ')}`);
}

interface EventJson {
  source: string;
  [k: string]: Json;
}

interface SessionBody {
  data: { details: { currentState: string | null; events: EventJson[] } };
}

function isSessionBody(v: Json): v is Json & SessionBody {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const data = v.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return false;
  const details = data.details;
  return details !== null && typeof details === 'object' && !Array.isArray(details) && Array.isArray(details.events);
}

function refBody(entry: OriginalExchange): Json {
  return JSON.parse(withTodaysNames(entry.body)) as Json;
}

function refState(entry: OriginalExchange): string | null {
  const body = refBody(entry);
  return isSessionBody(body) ? body.data.details.currentState : null;
}

/** Our body made comparable with a recording that shortened its `permitted:` lists. */
function elidePermittedDetails(body: Json): Json {
  if (body === null || typeof body !== 'object' || Array.isArray(body) || !Array.isArray(body.errors)) return body;
  return {
    ...body,
    errors: body.errors.map((e) =>
      e !== null && typeof e === 'object' && !Array.isArray(e) && typeof e.detail === 'string'
        ? { ...e, detail: elidePermitted(e.detail) }
        : e,
    ),
  };
}

function withEvents(body: SessionBody & Json, events: EventJson[], state?: string | null): Json {
  const copy = structuredClone(body) as SessionBody & Json;
  copy.data.details.events = events;
  if (state !== undefined) copy.data.details.currentState = state;
  return copy;
}

function protocolSuffix(events: readonly EventJson[], n: number): string {
  return canonical(events.filter((e) => e.source === 'protocol').slice(-n) as Json[]);
}

export async function replay(base: string, entries: readonly OriginalExchange[], plan: ReplayPlan = {}): Promise<void> {
  const ids = new Map<string, string>();
  const mapPath = (p: string): string => p.replace(/[0-9a-f-]{36}/g, (id) => ids.get(id) ?? id);
  let pendingSnapshot: { num: string; events: EventJson[] } | null = null;
  let heldCount: number | null = null;

  const fileDirs = plan.fileDirs ?? [RECORDING_FILES];
  const failures: string[] = [];
  for (const entry of entries) {
    const label = `${entry.num} ${entry.name}`;
    try {
      await replayOne(entry, label);
    } catch (err) {
      // Keep going: one difference should not hide the others. The session id map and the
      // server state usually survive a mismatch, so later entries still say something.
      failures.push(err instanceof Error ? err.message : String(err));
    }
  }
  if (failures.length > 0) {
    assert.fail(`${failures.length} of ${entries.length} exchanges differ:\n\n${failures.join('\n\n')}`);
  }

  async function replayOne(entry: OriginalExchange, label: string): Promise<void> {
    const mode = plan.modes?.[entry.num] ?? { kind: 'exact' };
    const url = mapPath(entry.request.path);
    const sessionId = /^\/sessions\/([^/]+)/.exec(url)?.[1];

    const precondition = plan.preconditions?.[entry.num];
    const expectedState = refState(entry);
    if (sessionId && precondition) {
      await waitForSession(base, sessionId, stateIs(precondition));
    } else if (sessionId && entry.request.method === 'GET' && expectedState && mode.kind !== 'snapshot') {
      await waitForSession(base, sessionId, stateIs(expectedState));
    }

    const files = await Promise.all(entry.request.files.map((f) => filePart(fileDirs, f.field, f.file)));
    const res = await http(base, {
      method: entry.request.method,
      path: url,
      headers: entry.request.headers,
      body: entry.request.body,
      files,
    });

    assert.equal(res.status, entry.status, `${label}: status (body ${res.text.slice(0, 500)})`);
    for (const h of ['opentrons-version', 'opentrons-min-version', 'content-type']) {
      const want = entry.headers[h] ?? null;
      const got = res.headers.get(h);
      // Recorded, not thrown: a header difference should not hide the body comparison.
      if (got !== want) failures.push(`${label}: header ${h} is ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    }

    const ours = withoutAdditions(res.json() as Json);
    const theirs = refBody(entry);
    if (entry.request.method === 'POST' && url === '/sessions' && res.status === 201) {
      const refId = (theirs as { data: { id: string } }).data.id;
      ids.set(refId, (ours as { data: { id: string } }).data.id);
    }

    if (!isSessionBody(ours) || !isSessionBody(theirs)) {
      const comparable = entry.permittedElided ? elidePermittedDetails(ours) : ours;
      assert.equal(canonical(comparable), canonical(theirs), `${label}: body`);
      return;
    }

    const ourEvents = ours.data.details.events;
    const refEvents = theirs.data.details.events;
    if (pendingSnapshot && mode.kind !== 'snapshot') {
      const prefix = ourEvents.slice(0, pendingSnapshot.events.length);
      assert.equal(
        canonical(prefix as Json[]),
        canonical(pendingSnapshot.events as Json[]),
        `${pendingSnapshot.num}: events seen mid-transition are a prefix of ${label}'s`,
      );
      pendingSnapshot = null;
    }

    switch (mode.kind) {
      case 'exact': {
        if (entry.eventsElided) {
          assert.deepEqual(countBySource(ourEvents), entry.eventsElided.bySource, `${label}: events by source`);
          assert.equal(canonical(withEvents(ours, elideEvents(ourEvents))), canonical(theirs), `${label}: body`);
        } else {
          assert.equal(canonical(ours), canonical(theirs), `${label}: body`);
        }
        break;
      }
      case 'snapshot': {
        const state = ours.data.details.currentState;
        assert.ok(state !== null && mode.states.includes(state), `${label}: state ${state} not in ${mode.states}`);
        assert.equal(
          canonical(withEvents(ours, [], expectedState)),
          canonical(withEvents(theirs, [], expectedState)),
          `${label}: body apart from the events`,
        );
        pendingSnapshot = { num: label, events: ourEvents };
        break;
      }
      case 'stops': {
        assert.equal(
          canonical(withEvents(ours, [])),
          canonical(withEvents(theirs, [])),
          `${label}: body apart from the events`,
        );
        assert.equal(
          canonical(ourEvents.slice(0, 4) as Json[]),
          canonical(refEvents.slice(0, 4) as Json[]),
          `${label}: first events`,
        );
        const nonProtocol = (events: EventJson[]): string =>
          canonical(events.filter((e) => e.source !== 'protocol') as Json[]);
        assert.equal(nonProtocol(ourEvents), nonProtocol(refEvents), `${label}: session command events`);
        if (mode.completed) {
          assert.deepEqual(countBySource(ourEvents), entry.eventsElided?.bySource, `${label}: events by source`);
          const visibleTail = refEvents.slice(-4).filter((e) => e.source === 'protocol').length;
          assert.equal(
            protocolSuffix(ourEvents, visibleTail),
            protocolSuffix(refEvents, visibleTail),
            `${label}: last protocol events`,
          );
        }
        if (mode.holds) {
          if (heldCount !== null) {
            assert.equal(ourEvents.length, heldCount, `${label}: no events while ${ours.data.details.currentState}`);
          }
          if (entry.request.method === 'GET') {
            // Give a run that wrongly kept going time for several commands, then look again.
            await new Promise((r) => setTimeout(r, 300));
            const again = normalize((await http(base, { path: url, headers: entry.request.headers })).json() as Json);
            assert.ok(isSessionBody(again));
            assert.equal(again.data.details.events.length, ourEvents.length, `${label}: events grew while held`);
          }
          heldCount = ourEvents.length;
        } else {
          heldCount = null;
        }
        break;
      }
    }
  }
}
