// /protocols/{id}/analyses (robot-server 7, beyond the 4.x API): the protocol's analysis as the
// engine's commands. One analysis per protocol: Labwright re-analyses on every change and keeps
// the latest, so the list has one item, named by the protocol and the time of that change.
import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { completedAnalysis } from '../../analysis/index.ts';
import type { CompletedAnalysis } from '../../analysis/index.ts';
import { AnalysisNotFoundError } from '../errors.ts';
import type { ProtocolManager } from '../protocol-manager.ts';
import type { StoredProtocol } from '../../store/index.ts';

export interface AnalysisRoutesOptions {
  protocols: ProtocolManager;
}

/** Stable for one analysis, new after every change that re-analysed the protocol. */
function analysisId(protocol: StoredProtocol): string {
  const hex = createHash('sha256').update(`${protocol.id}\n${protocol.lastModifiedAt}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function analysisOf(protocol: StoredProtocol): CompletedAnalysis {
  return completedAnalysis(protocol.analysis, { id: analysisId(protocol), createdAt: protocol.lastModifiedAt });
}

const VersionHeader = Type.Object({ 'opentrons-version': Type.Optional(Type.String({ description: "HTTP API version: an integer (at least 2) or '*'. Required." })) });
const ProtocolParams = Type.Object({ protocolId: Type.String() });
const AnalysisParams = Type.Object({ protocolId: Type.String(), analysisId: Type.String() });

// Open objects: params and results differ by command type (docs/commands.md lists them).
const Open = Type.Object({}, { additionalProperties: true });
const ErrorOccurrence = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  errorCode: Type.String(),
  errorType: Type.String(),
  detail: Type.String(),
  errorInfo: Open,
  wrappedErrors: Type.Array(Open),
});
const Command = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  commandType: Type.String(),
  key: Type.String(),
  status: Type.Union([Type.Literal('succeeded'), Type.Literal('failed')]),
  params: Open,
  result: Type.Unknown(),
  error: Type.Union([ErrorOccurrence, Type.Null()]),
  startedAt: Type.String(),
  completedAt: Type.String(),
  intent: Type.Literal('protocol'),
  notes: Type.Array(Open),
  failedCommandId: Type.Null(),
});
const Analysis = Type.Object({
  id: Type.String(),
  status: Type.Literal('completed'),
  result: Type.Union([Type.Literal('ok'), Type.Literal('not-ok')]),
  robotType: Type.String(),
  runTimeParameters: Type.Array(Open),
  commands: Type.Array(Command),
  labware: Type.Array(Open),
  pipettes: Type.Array(Open),
  modules: Type.Array(Open),
  liquids: Type.Array(Open),
  errors: Type.Array(ErrorOccurrence),
});

export async function analysisRoutes(app: FastifyInstance, options: AnalysisRoutesOptions): Promise<void> {
  const { protocols } = options;

  app.get<{ Params: { protocolId: string } }>(
    '/protocols/:protocolId/analyses',
    {
      schema: {
        tags: ['protocols'],
        summary: "A protocol's analyses as robot-server 7 gives them: the engine's commands (beyond the 4.x API)",
        headers: VersionHeader,
        params: ProtocolParams,
        response: { 200: Type.Object({ data: Type.Array(Analysis), meta: Type.Object({ cursor: Type.Integer(), totalLength: Type.Integer() }) }) },
      },
      config: { versioned: true },
    },
    async (request) => ({ data: [analysisOf(protocols.get(request.params.protocolId))], meta: { cursor: 0, totalLength: 1 } }),
  );

  app.get<{ Params: { protocolId: string; analysisId: string } }>(
    '/protocols/:protocolId/analyses/:analysisId',
    {
      schema: {
        tags: ['protocols'],
        summary: 'One analysis of a protocol (robot-server 7 shape, beyond the 4.x API)',
        headers: VersionHeader,
        params: AnalysisParams,
        response: { 200: Type.Object({ data: Analysis }) },
      },
      config: { versioned: true },
    },
    async (request) => {
      const protocol = protocols.get(request.params.protocolId);
      const analysis = analysisOf(protocol);
      if (analysis.id !== request.params.analysisId) throw new AnalysisNotFoundError(request.params.analysisId);
      return { data: analysis };
    },
  );
}
