// The original's resource bodies and link objects (http-api.md §1.5, §2.1, §3.2), built with keys
// in the original's order so responses match it byte for byte.
import type { ProtocolErrorInfo } from '../analysis/index.ts';
import type { ExecutedCommand, RecordSessionView, SessionView } from '../runner/index.ts';
import type { StoredProtocol } from '../store/index.ts';

type Href = { href: string };
type HrefMeta = { href: string; meta: null };

// Protocol links carry only `href`; session links carry `meta: null` (a quirk of the original's two routers).
export const protocolLinks = (id: string): Record<string, Href> => ({
  self: { href: `/protocols/${id}` },
  protocols: { href: '/protocols' },
  protocolById: { href: '/protocols/{protocolId}' },
});

export const protocolRootLinks = (): Record<string, Href> => ({
  self: { href: '/protocols' },
  protocolById: { href: '/protocols/{protocolId}' },
});

export const sessionLinks = (id: string): Record<string, HrefMeta> => ({
  self: { href: `/sessions/${id}`, meta: null },
  commandExecute: { href: `/sessions/${id}/commands/execute`, meta: null },
  sessions: { href: '/sessions', meta: null },
  sessionById: { href: '/sessions/{sessionId}', meta: null },
});

export const sessionRootLinks = (): Record<string, HrefMeta> => ({
  self: { href: '/sessions', meta: null },
  sessionById: { href: '/sessions/{sessionId}', meta: null },
});

function renderError(e: ProtocolErrorInfo): ProtocolErrorInfo {
  const out: ProtocolErrorInfo = { type: e.type, description: e.description };
  if (e.lineNumber !== undefined) out.lineNumber = e.lineNumber;
  if (e.fileName !== undefined) out.fileName = e.fileName;
  return out;
}

export function renderProtocol(p: StoredProtocol) {
  const { analysis } = p;
  const eq = analysis.requiredEquipment;
  return {
    id: p.id,
    protocolFile: { basename: p.protocolFile },
    supportFiles: p.supportFiles.map((basename) => ({ basename })),
    lastModifiedAt: p.lastModifiedAt,
    createdAt: p.createdAt,
    requiredEquipment: {
      pipettes: eq.pipettes.map((x) => ({ mount: x.mount, requestedAs: x.requestedAs, pipetteName: x.pipetteName, channels: x.channels })),
      // `slot` as well as the original's `location`: the seed's documentation shows `slot`.
      // `on` (from 2.15): what a labware on a module, an adapter or another labware stands on.
      labware: eq.labware.map((x) => ({ label: x.label, uri: x.uri, location: x.location, slot: x.location, ...(x.on === undefined ? {} : { on: x.on }) })),
      modules: eq.modules.map((x) => ({ type: x.type, model: x.model, location: x.location })),
    },
    metadata: { name: analysis.metadata.name, author: analysis.metadata.author, apiLevel: analysis.metadata.apiLevel },
    errors: analysis.errors.map(renderError),
    // Beyond the original, and only for a protocol that defines runtime parameters: each one with
    // the value the analysis used (robot-server 7's shape).
    ...(analysis.runTimeParameters === undefined ? {} : { runTimeParameters: analysis.runTimeParameters }),
    // Beyond the original, and only while it applies: the labware library changed and the
    // analysis is being redone.
    ...(p.stale === null ? {} : { analysisStale: p.stale }),
  };
}

export function renderSession(s: SessionView | RecordSessionView) {
  if (s.kind === 'record') {
    return { id: s.id, createdAt: s.createdAt, details: {}, sessionType: s.sessionType, createParams: s.createParams };
  }
  const details: Record<string, unknown> = { protocolId: s.protocolId, currentState: s.currentState, events: s.events };
  // Beyond the original (which never reported it): why the session is in `error`.
  if (s.errors !== null && s.currentState === 'error') details.errors = s.errors.map(renderError);
  return {
    id: s.id,
    createdAt: s.createdAt,
    details,
    sessionType: 'protocol',
    createParams: { protocolId: s.protocolId },
  };
}

export function renderCommand(c: ExecutedCommand) {
  return {
    id: c.id,
    command: c.command,
    data: {},
    status: 'executed',
    createdAt: c.createdAt,
    startedAt: c.startedAt,
    completedAt: c.completedAt,
    result: null,
  };
}
