// Assembles the Fastify application: the store, the protocol service, the session manager, the
// cross-cutting rules (version header, error bodies, one log line per request) and the routes.
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyContextConfig, type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import { pino, type Logger } from 'pino';
import { createProtocolService, type ProtocolService } from '../service/index.ts';
import {
  bridgeDoor,
  bridgeSessionFeed,
  isReservedTopic,
  NotificationHub,
  notificationsPlugin,
  sessionBackfill,
  sessionTopic,
  startZmqBroker,
  type ZmqBroker,
} from '../notifications/index.ts';
import { RobotDoor, SessionManager } from '../runner/index.ts';
import { openStore } from '../store/index.ts';
import { LabwareLibrary } from '../library/index.ts';
import { dashboardPlugin } from '../web/index.ts';
import { resolveConfig, type ResolvedConfig, type ServerConfig } from './config.ts';
import { httpError, RequestValidationError, toErrorReply, type ValidationIssue } from './errors.ts';
import { JsonDecodeError, parseJsonBody } from './json-body.ts';
import { ProtocolManager } from './protocol-manager.ts';
import { pendingHeaderIssues, rememberHeaderIssues } from './request-checks.ts';
import { analysisRoutes } from './routes/analyses.ts';
import { doorRoutes } from './routes/door.ts';
import { healthRoutes } from './routes/health.ts';
import { labwareRoutes } from './routes/labware.ts';
import { protocolRoutes } from './routes/protocols.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { FeatureFlags, settingsRoutes } from './routes/settings.ts';
import { issuesFromAjv } from './validation.ts';
import { API_VERSION, checkVersionHeader, MIN_API_VERSION } from './version.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route requires `Opentrons-Version` and answers with the version headers. */
    versioned?: boolean;
    /** A legacy (v1) route: framework and validation errors as `{message}`. */
    legacy?: boolean;
    /** The handler reads and validates the body itself (and reports header issues with it). */
    bodyInHandler?: boolean;
  }
  interface FastifyRequest {
    /** The route's config, read once per request (see `routeConfigOf`). */
    lwRouteConfig: FastifyContextConfig | null;
  }
  interface FastifyInstance {
    labwright: LabwrightParts;
    notificationHub: NotificationHub;
  }
}

/** The parts behind the HTTP layer, for tests and the notifications bridge. */
export interface LabwrightParts {
  config: ResolvedConfig;
  sessions: SessionManager;
  protocols: ProtocolManager;
  library: LabwareLibrary;
  notificationHub: NotificationHub;
  door: RobotDoor;
  /** The ZeroMQ sockets, when the server was configured with them. */
  notifyBroker: ZmqBroker | null;
}

function defaultLogger(config: ServerConfig): Logger {
  if (config.logger === false) return pino({ enabled: false });
  // Asynchronous stdout: a synchronous write per request line made logging the cost of a cheap
  // request (bench/http.ts). Lines are written in order, in batches of 4 KiB or every 250 ms, and
  // flushed synchronously when the process exits; a SIGKILL can lose the last 250 ms.
  return config.logger ?? pino({ level: 'info' }, pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 250 }));
}

const API_VERSION_TEXT = String(API_VERSION);
const MIN_API_VERSION_TEXT = String(MIN_API_VERSION);

function routeConfigOf(request: FastifyRequest): FastifyContextConfig {
  request.lwRouteConfig ??= request.routeOptions.config;
  return request.lwRouteConfig;
}

/** Route patterns by method, to tell a wrong method (405) from an unknown path (404). */
class RouteTable {
  private readonly routes: { method: string; pattern: RegExp }[] = [];

  add(method: string | string[], url: string): void {
    const source = url
      .split('/')
      .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    for (const m of Array.isArray(method) ? method : [method]) this.routes.push({ method: m, pattern: new RegExp(`^${source}/?$`) });
  }

  otherMethodMatches(method: string, path: string): boolean {
    return this.routes.some((r) => r.method !== method && r.method !== 'HEAD' && r.pattern.test(path));
  }
}

export async function buildApp(config: ServerConfig = {}): Promise<FastifyInstance> {
  const resolved = resolveConfig(config);
  const logger = defaultLogger(config);
  const baseLogger: FastifyBaseLogger = logger;
  const app = Fastify({
    loggerInstance: baseLogger,
    // One line per request, written by our onResponse hook (Fastify's default is two).
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: resolved.jsonBodyLimitBytes,
    // Protocol ids are file stems and may contain characters routers usually reject.
    routerOptions: { maxParamLength: 1000 },
    serverFactory: config.serverFactory,
  });

  const store = await openStore(resolved.dataDir);
  const ownService = config.protocolService === undefined;
  // The sandbox bundle and interpreter snapshot are kept in the user's cache (as the CLI keeps
  // them), so a start after the first neither bundles nor makes a snapshot.
  const service: ProtocolService =
    config.protocolService ??
    createProtocolService({ poolSize: resolved.pythonPoolSize, limits: resolved.analysisLimits, sandboxFiles: 'user-cache' });
  if (ownService && resolved.warmPython && service.warmPython) {
    // Started before the rest of the app is assembled: the interpreters boot beside it.
    void service.warmPython().then(() => logger.info({ sinceStartMs: Math.round(process.uptime() * 1000) }, 'Python interpreter ready'));
  }
  const library = new LabwareLibrary(store.labware);
  const protocols = new ProtocolManager({ store, execute: service.execute, maxProtocols: resolved.maxProtocols, logger, library });
  library.onChange(() => protocols.recheckLibrary());
  // The CLI may have changed the library while the server was down.
  protocols.recheckLibrary();
  const flags = new FeatureFlags(store.sessions);
  const door = new RobotDoor();
  const sessions = new SessionManager({
    execute: service.execute,
    loadBundle: (id) => protocols.bundle(id),
    reusableAnalysis: (id, bundle) => protocols.reusableAnalysis(id, bundle),
    repo: store.sessions,
    speed: resolved.speed,
    backend: config.robotBackend,
    robot: resolved.robot,
    logger,
    door,
    doorSafety: () => flags.doorSafetySwitchEnabled(),
  });
  // A subscriber's `since` that the replay buffer no longer covers (evicted, or before a restart)
  // is answered from the sessions' own records.
  const notificationHub = new NotificationHub({ backfill: sessionBackfill(sessions) });
  // Also drops a deleted session's replay buffer.
  bridgeSessionFeed(notificationHub, sessions.feed);
  bridgeDoor(notificationHub, door);
  sessions.restore();
  // The hub starts empty: tell it where each restored session's numbering stands, so a reconnect
  // with an older `since` is replayed from the session's records instead of looking complete.
  for (const session of sessions.list()) {
    if (session.kind === 'protocol') notificationHub.resumeTopic(sessionTopic(session.id), session.lastNoticeSeq);
  }
  let notifyBroker: ZmqBroker | null = null;
  if (resolved.notify !== null) {
    try {
      notifyBroker = await startZmqBroker({ hub: notificationHub, ...resolved.notify, reservedTopic: isReservedTopic, logger });
    } catch (err) {
      await sessions.close();
      if (ownService) await service.close();
      store.close();
      throw err;
    }
  }
  app.decorate('labwright', { config: resolved, sessions, protocols, library, notificationHub, door, notifyBroker });
  app.decorate('notificationHub', notificationHub);

  app.addHook('onClose', async () => {
    await sessions.close();
    await protocols.close();
    // After the sessions: their last notices still go out.
    await notifyBroker?.close();
    if (ownService) await service.close();
    store.close();
  });

  const routeTable = new RouteTable();
  app.addHook('onRoute', (route) => routeTable.add(route.method, route.url));

  // The hooks run on every request: synchronous (no promise per hook) and reading the route's
  // config once (`routeOptions` builds a new object on each access).
  app.decorateRequest('lwRouteConfig', null);

  // Every response answers with the server's versions when the route is versioned or it is an error.
  app.addHook('onSend', (request, reply, payload, done) => {
    // The original sends a bare `application/json` (no charset parameter).
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('application/json')) reply.header('content-type', 'application/json');
    if (routeConfigOf(request).versioned || reply.statusCode >= 400) {
      reply.header('opentrons-version', API_VERSION_TEXT);
      reply.header('opentrons-min-version', MIN_API_VERSION_TEXT);
    }
    done(null, payload);
  });

  app.addHook('onRequest', (request, _reply, done) => {
    if (!routeConfigOf(request).versioned) return done();
    try {
      // Throws 400 for an outdated version: that wins over any body problem.
      const check = checkVersionHeader(request.headers['opentrons-version']);
      if (!check.ok) rememberHeaderIssues(request, check.issues);
    } catch (err) {
      return done(err as Error);
    }
    done();
  });

  app.addHook('preHandler', (request, _reply, done) => {
    const routeConfig = routeConfigOf(request);
    if (routeConfig.versioned && !routeConfig.bodyInHandler) {
      const issues = pendingHeaderIssues(request);
      if (issues.length > 0) return done(new RequestValidationError(issues));
    }
    done();
  });

  app.addHook('onResponse', (request, reply, done) => {
    // Through the root logger: the line is the same, without a child logger's bindings to merge.
    logger.info(
      {
        reqId: request.id,
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        responseTimeMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
    done();
  });

  app.setErrorHandler(async (err: FastifyError | Error, request, reply) => {
    const legacy = routeConfigOf(request).legacy === true;
    const translated = translateFrameworkError(err, request);
    const out = toErrorReply(translated, legacy);
    if (out.status >= 500) request.log.error({ err }, 'request failed');
    return reply.code(out.status).type('application/json').send(out.body);
  });

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0];
    const status = routeTable.otherMethodMatches(request.method, path) ? 405 : 404;
    const out = httpError(status, path === '/health');
    return reply.code(out.status).type('application/json').send(out.body);
  });

  // Bodies with a response schema are written by Fastify's serialiser from that schema (each route
  // lists its fields in the order the original sends them); the rest as JSON.stringify writes them.

  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parseJsonBody);
  // Anything else is handed to the route as raw bytes, which then fails its own validation
  // (the original answers 422, not 415).
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req: FastifyRequest, body: Buffer, done: (err: null, body: Buffer) => void) =>
    done(null, body),
  );

  await app.register(cors, { origin: true, credentials: true, methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE', 'OPTIONS'] });
  await app.register(multipart, {
    limits: { fileSize: resolved.uploadLimitBytes, files: 1000, parts: 2000, fieldSize: 2 ** 20 },
    // Keep names as sent: a name with directories is refused, never silently shortened.
    preservePath: true,
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Labwright robot server',
        description: 'The OT-2 HTTP protocol API (robot software 4.7, HTTP API version 2) on a simulated robot.',
        version: '2',
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes, { robotName: resolved.robotName });
  await app.register(protocolRoutes, { protocols, store, uploadLimitBytes: resolved.uploadLimitBytes });
  await app.register(analysisRoutes, { protocols });
  await app.register(labwareRoutes, { library, fileLimitBytes: resolved.labwareLimitBytes });
  await app.register(settingsRoutes, { flags });
  await app.register(doorRoutes, { door, flags });
  await app.register(sessionRoutes, { sessions, protocols, flags });
  await app.register(notificationsPlugin, { hub: notificationHub });
  await app.register(dashboardPlugin);

  return app;
}

/** Fastify's and its plugins' own errors, expressed as ours. */
function translateFrameworkError(err: FastifyError | Error, request: FastifyRequest): unknown {
  const fe = err as FastifyError;
  if (Array.isArray(fe.validation)) {
    const issues: ValidationIssue[] = issuesFromAjv(fe.validation, fe.validationContext ?? 'body');
    return new RequestValidationError([...pendingHeaderIssues(request), ...issues]);
  }
  if (err instanceof JsonDecodeError) {
    return new RequestValidationError([...pendingHeaderIssues(request), err.issue]);
  }
  return err;
}
