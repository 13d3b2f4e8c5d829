// The records the store keeps. They are plain JSON-able data: what the HTTP layer renders and what
// a restart brings back.
import type { Analysis, ProtocolErrorInfo } from '../analysis/index.ts';
import type { LabwareDefinition, RunTimeParameterValues } from '../common/index.ts';

export interface StoredProtocol {
  id: string;
  /** Folder name under `<dataDir>/protocols/`; never derived from user input. */
  folder: string;
  protocolFile: string;
  supportFiles: string[];
  createdAt: string;
  lastModifiedAt: string;
  analysis: Analysis;
  /** The labware library's revision when the analysis was made. */
  libraryRevision: number;
  /** Set while the analysis may differ from what a run would do (the library changed). */
  stale: StaleMark | null;
  /** What the analysis depended on (the service's analysisKey), or null if unknown. */
  analysisKey: string | null;
  /** Runtime-parameter values given at upload, used in place of the defaults (empty: the defaults). */
  runTimeParameterValues: RunTimeParameterValues;
}

export interface StaleMark {
  reason: string;
  since: string;
}

/** A definition in the lab's labware library. */
export interface StoredLabware {
  uri: string;
  namespace: string;
  loadName: string;
  version: number;
  displayName: string;
  createdAt: string;
  /** SHA-256 of the definition's canonical JSON (keys sorted), to tell equal content. */
  sha256: string;
  definition: LabwareDefinition;
}

/**
 * A session's state as the runner tracks it. `loading` is shown to clients as `stopped` (the
 * original's placeholder before the load simulation ends) but must survive a restart as itself,
 * since a load that was cut short is simply done again.
 */
export type SessionPhase = 'loading' | 'stopped' | 'loaded' | 'running' | 'paused' | 'finished' | 'error';

/** One entry of a protocol session's `details.events` (http-api.md §3.2), in the original's key order. */
export interface SessionEvent {
  /** `server` marks Labwright's own notes (e.g. a run stopped by a restart); beyond the original. */
  source: 'sessionCommand' | 'protocol' | 'server';
  event: string;
  timestamp: string;
  commandId: string | null;
  params: { text: string | null } | null;
  result: string | null;
}

export interface StoredSession {
  id: string;
  /** `protocol`, or one of the session types this robot only records (calibration, liveProtocol). */
  sessionType: string;
  /** The request's createParams for non-protocol sessions (protocol sessions: `{protocolId}`). */
  createParams: Record<string, unknown> | null;
  /** Empty for non-protocol sessions. */
  protocolId: string;
  createdAt: string;
  phase: SessionPhase;
  errors: ProtocolErrorInfo[] | null;
  /** Last protocol-event pairing id handed out (http-api.md §3.9: never reset). */
  commandCounter: number;
  /** Notification sequence numbers (per session, never reset) up to this one may have been handed out. */
  noticeSeq: number;
  events: SessionEvent[];
  /** The notification number each event went out under (null: stored before numbers were kept). */
  eventNoticeSeqs: (number | null)[];
  /** The session's other notifications (created, state changes), oldest first. */
  notices: StoredNotice[];
}

/** A notification other than an event, kept as the JSON text that was published. */
export interface StoredNotice {
  seq: number;
  json: string;
}
