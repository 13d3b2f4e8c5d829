// /sessions (http-api.md §3, §4): protocol sessions and their commands.
import type { FastifyInstance } from 'fastify';
import type { AnySession, SessionManager } from '../../runner/index.ts';
import { ProtocolNotFoundError, ProtocolSessionsDisabledError } from '../errors.ts';
import type { FeatureFlags } from './settings.ts';
import type { ProtocolManager } from '../protocol-manager.ts';
import { renderCommand, renderSession, sessionLinks, sessionRootLinks } from '../render.ts';
import { assertValid } from '../request-checks.ts';
import { SCHEMAS } from '../schemas.ts';
import { acceptsGzip, SessionBodies } from '../session-body.ts';
import { validateCommand, validateSessionCreate } from '../validation.ts';

export interface SessionRoutesOptions {
  sessions: SessionManager;
  protocols: ProtocolManager;
  flags: FeatureFlags;
}

type IdParams = { Params: { sessionId: string } };

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
