// What the original robot software (4.7.0) printed, kept as the project's own fixtures in
// `test/fixtures/original/`: labware renamed since, JSON protocol analyses, recorded HTTP exchanges.
// `npm run test:reference` checks these files still say what the recordings say.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Analysis } from '../../src/common/index.ts';
import { repoRoot } from './paths.ts';

export const ORIGINAL_FIXTURES = join(repoRoot, 'test/fixtures/original');

const read = new Map<string, unknown>();

/** A fixture file, read and parsed once per test file. */
function readFixture<T>(name: string): T {
  if (!read.has(name)) read.set(name, JSON.parse(readFileSync(join(ORIGINAL_FIXTURES, name), 'utf8')));
  return read.get(name) as T;
}

/** A labware whose display name changed between 4.7.0 and today's definitions. */
export interface LabwareRename {
  uri: string;
  then: string;
  now: string;
}

export const labwareRenames: readonly LabwareRename[] = readFixture<LabwareRename[]>('labware-renames.json');

/** A 4.7.0 text with today's display names (run logs and labels embed them). */
export function withTodaysNames(text: string): string {
  let out = text;
  for (const r of labwareRenames) out = out.split(r.then).join(r.now);
  return out;
}

/** A text of ours with today's display names put back to 4.7.0's: the only expected difference. */
export function as470(text: string): string {
  let out = text;
  for (const r of labwareRenames) out = out.split(r.now).join(r.then);
  return out;
}

/** The original's analysis of one JSON protocol fixture, as its robot server reported it. */
export interface OriginalJsonAnalysis {
  ok: boolean;
  metadata: Analysis['metadata'];
  requiredEquipment: Analysis['requiredEquipment'];
  errors: { type: string; description: string }[];
  /** The simulator's run log, a tab per nesting level, 4.7.0 display names. */
  runLog: string[];
}

/** Keyed by the fixture's path under shared-data's `protocol/fixtures/` (e.g. `5/simpleV5.json`). */
export function originalJsonAnalyses(): Record<string, OriginalJsonAnalysis> {
  return readFixture<Record<string, OriginalJsonAnalysis>>('json-analyses.json');
}

const require = createRequire(import.meta.url);
const sharedDataRoot = dirname(require.resolve('@opentrons/shared-data/package.json'));

/** A JSON protocol fixture as `@opentrons/shared-data` ships it (schemas 1 and 3–8). */
export function jsonProtocolFixture(id: string): string {
  return join(sharedDataRoot, 'protocol/fixtures', id);
}

export interface ExchangeRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Raw JSON text of the request body. */
  body?: string;
  /** Multipart file parts, in order. */
  files: { field: string; file: string }[];
}

/** How the recording shortened a long `events` array: the total and the count per source. */
export interface EventsElision {
  total: number;
  bySource: Record<string, number>;
}

/** One request to the original server and its answer. */
export interface OriginalExchange {
  num: string;
  name: string;
  request: ExchangeRequest;
  status: number;
  headers: Record<string, string>;
  /** The body text exactly as recorded (compact JSON unless shortened). */
  body: string;
  /** Set when the events array was shortened (first 4, all non-protocol, last 4). */
  eventsElided?: EventsElision;
  /** Set when a validation error's `permitted:` list was shortened. */
  permittedElided?: boolean;
}

export function originalExchanges(): OriginalExchange[] {
  return readFixture<OriginalExchange[]>('http-exchanges.json');
}

/** The recorded body of exchange `num` (e.g. `'052'`). */
export function originalBody(num: string): string {
  const found = originalExchanges().find((e) => e.num === num);
  if (!found) throw new Error(`no recorded exchange ${num} in test/fixtures/original/http-exchanges.json`);
  return found.body;
}
