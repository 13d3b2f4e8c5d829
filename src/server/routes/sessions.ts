// /sessions (http-api.md §3, §4): protocol sessions and their commands.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { EMPTY_DATA_COMMANDS, PAYLOAD_COMMANDS, type AnySession, type SessionManager } from '../../runner/index.ts';
import { ProtocolNotFoundError, ProtocolSessionsDisabledError } from '../errors.ts';
import type { FeatureFlags } from './settings.ts';
import type { ProtocolManager } from '../protocol-manager.ts';
import { renderCommand, renderSession, sessionLinks, sessionRootLinks } from '../render.ts';
import { assertValid } from '../request-checks.ts';
import { envelope, errors, Nullable, Open, protocolError, StringEnum, timestamp, versionHeader } from '../schema-parts.ts';
import { acceptsGzip, SessionBodies } from '../session-body.ts';
import { SESSION_TYPE_NAMES, validateCommand, validateSessionCreate } from '../validation.ts';

export interface SessionRoutesOptions {
  sessions: SessionManager;
  protocols: ProtocolManager;
  flags: FeatureFlags;
}

type IdParams = { Params: { sessionId: string } };

/** One entry of `details.events` (http-api.md §3.2), as the event log writes it. */
const sessionEvent = Open({
  source: StringEnum(['sessionCommand', 'protocol', 'server']),
  event: Type.String(),
  timestamp: timestamp(),
  commandId: Nullable(Type.String()),
  params: Nullable(Open({ text: Type.Optional(Nullable(Type.String())) })),
  result: Nullable(Type.String()),
});

/** The session resource as `renderSession` builds it; sessions this robot only records have empty details. */
const sessionResource = Type.Object({
  id: Type.String({ format: 'uuid' }),
  createdAt: timestamp(),
  details: Open({
    protocolId: Type.Optional(Type.String()),
    currentState: Type.Optional(StringEnum(['stopped', 'loaded', 'running', 'paused', 'finished', 'error'])),
    events: Type.Optional(Type.Array(sessionEvent)),
    errors: Type.Optional(
      Type.Array(protocolError, { description: 'Present in state error: what went wrong (beyond the original).' }),
    ),
  }),
  sessionType: StringEnum(SESSION_TYPE_NAMES),
  createParams: Nullable(Open({}, { description: '`{protocolId}` for protocol sessions; as sent for the others.' })),
});

/** The command resource as `renderCommand` builds it. */
const commandResource = Type.Object({
  id: Type.String(),
  command: Type.String(),
  data: Open({}),
  status: StringEnum(['executed']),
  createdAt: timestamp(),
  startedAt: timestamp(),
  completedAt: timestamp(),
  result: Type.Null(),
});

// The two request bodies are unions in the original and checked by `validation.ts` for its exact
// error lists; these schemas describe them for the document.
const sessionCreateBody = Type.Object({
  data: Type.Object({
    sessionType: StringEnum(SESSION_TYPE_NAMES),
    createParams: Type.Optional(Open({ protocolId: Type.Optional(Type.String()) })),
  }),
});

const commandBody = Type.Object({
  data: Type.Object({
    command: StringEnum([...EMPTY_DATA_COMMANDS, ...PAYLOAD_COMMANDS].map((c) => c.name)),
    data: Open({}, { description: 'The payload: `{}` for protocol commands.' }),
  }),
});

const sessionIdParams = Type.Object({ sessionId: Type.String() });

const SCHEMAS = {
  createSession: {
    tags: ['sessions'],
    summary: 'Create a protocol session; it simulates the protocol in the background',
    headers: versionHeader,
    body: sessionCreateBody,
    response: { 201: envelope(sessionResource), ...errors(400, 403, 404, 422) },
  },
  listSessions: {
    tags: ['sessions'],
    summary: 'All sessions, in creation order',
    headers: versionHeader,
    querystring: Type.Object({ session_type: Type.Optional(StringEnum(SESSION_TYPE_NAMES)) }),
    response: { 200: envelope(Type.Array(sessionResource)), ...errors(400, 422) },
  },
  getSession: {
    tags: ['sessions'],
    summary: 'One session, with its state and events',
    headers: versionHeader,
    params: sessionIdParams,
    response: { 200: envelope(sessionResource), ...errors(400, 404, 422) },
  },
  deleteSession: {
    tags: ['sessions'],
    summary: 'Delete a session; a running protocol is cancelled first',
    headers: versionHeader,
    params: sessionIdParams,
    response: { 200: envelope(sessionResource), ...errors(400, 404, 422) },
  },
  executeCommand: {
    tags: ['sessions'],
    summary: 'Run a session command: protocol.startRun, startSimulate, pause, resume, cancel',
    headers: versionHeader,
    params: sessionIdParams,
    body: commandBody,
    response: { 200: envelope(commandResource), ...errors(400, 403, 404, 422) },
  },
};

// These bodies are unions in the original; `validation.ts` reproduces its error lists.
const customBodyValidation = { validatorCompiler: () => () => true } as const;

export async function sessionRoutes(app: FastifyInstance, options: SessionRoutesOptions): Promise<void> {
  const { sessions, protocols, flags } = options;
  // Polled bodies: rendered once per change of the session, not once per request.
  const bodies = new SessionBodies();

  app.post(
    '/sessions',
    { schema: SCHEMAS.createSession, config: { versioned: true, bodyInHandler: true }, ...customBodyValidation },
    async (request, reply) => {
      const checked = validateSessionCreate(request.body);
      assertValid(request, checked.ok ? [] : checked.issues);
      if (!checked.ok) return;
      const req = checked.value;
      if (!('protocolId' in req)) {
        const record = sessions.createRecord(req.sessionType, req.createParams);
        return reply.code(201).send({ data: renderSession(record.view()), links: sessionLinks(record.id) });
      }
      if (!flags.protocolSessionsEnabled()) throw new ProtocolSessionsDisabledError();
      if (!protocols.exists(req.protocolId)) throw new ProtocolNotFoundError(req.protocolId);
      const session = sessions.create(req.protocolId);
      return reply.code(201).send({ data: renderSession(session.view()), links: sessionLinks(session.id) });
    },
  );

  app.get<{ Querystring: { session_type?: string } }>(
    '/sessions',
    { schema: SCHEMAS.listSessions, config: { versioned: true } },
    async (request, reply) => {
      const type = request.query.session_type;
      const listed = type === undefined ? sessions.list() : sessions.list().filter((s) => sessionTypeOf(s) === type);
      return reply.type('application/json').send(`{"data":[${listed.map((s) => bodies.data(s)).join(',')}],"links":null}`);
    },
  );

  app.get<IdParams>('/sessions/:sessionId', { schema: SCHEMAS.getSession, config: { versioned: true } }, async (request, reply) => {
    const session = sessions.get(request.params.sessionId);
    const body = bodies.envelope(session, acceptsGzip(request.headers['accept-encoding']));
    // Added to what CORS may have put there (`Origin`).
    const vary = reply.getHeader('vary');
    reply.header('vary', vary === undefined ? 'Accept-Encoding' : `${String(vary)}, Accept-Encoding`);
    if (body.encoding !== null) reply.header('content-encoding', body.encoding);
    return reply.type('application/json').send(body.bytes);
  });

  app.delete<IdParams>('/sessions/:sessionId', { schema: SCHEMAS.deleteSession, config: { versioned: true } }, async (request) => {
    const session = await sessions.delete(request.params.sessionId);
    return { data: renderSession(session.view()), links: sessionRootLinks() };
  });

  app.post<IdParams>(
    '/sessions/:sessionId/commands/execute',
    { schema: SCHEMAS.executeCommand, config: { versioned: true, bodyInHandler: true }, ...customBodyValidation },
    async (request) => {
      const checked = validateCommand(request.body);
      assertValid(request, checked.ok ? [] : checked.issues);
      if (!checked.ok) return;
      const id = request.params.sessionId;
      const executed = await sessions.execute(id, checked.value.command);
      return { data: renderCommand(executed), links: sessionLinks(id) };
    },
  );
}

function sessionTypeOf(session: AnySession): string {
  return session.kind === 'record' ? session.view().sessionType : 'protocol';
}
