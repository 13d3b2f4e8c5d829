// The listening socket of `labwright serve`, opened before the server's modules are loaded (the
// compiled CLI opens it first thing, src/cli/prestart.ts). Until the app is ready, a plain
// `GET /health` with a valid `Opentrons-Version` (what clients poll to see that the robot server
// is up) is answered from the route's own body and headers; every other request and websocket
// upgrade is held, in arrival order, and handed to the app once it is ready, as if it had just
// arrived. So the server answers /health as soon as Node has started, and nothing else changes.
import http from 'node:http';
import type { Socket } from 'node:net';
import { API_VERSION, healthBody, MIN_API_VERSION, requestedVersion, VERSION_HEADER } from './health-answer.ts';

/** Fastify's defaults for a server it creates itself (keep-alive 72 s, no request time limit). */
const KEEP_ALIVE_TIMEOUT_MS = 72_000;

/** A request answered before the app was ready, for the app's request log. */
export interface EarlyAnswer {
  method: string;
  url: string;
  statusCode: number;
  responseTimeMs: number;
}

export interface FrontDoor {
  readonly server: http.Server;
  readonly host: string;
  readonly port: number;
  readonly robotName: string;
  /** Requests and upgrades held until the app is ready. */
  readonly waiting: number;
  /**
   * The app is ready and its handlers are on `server`: held requests go to it in order, and every
   * later one goes straight to it. Returns the requests answered before.
   */
  open(): EarlyAnswer[];
  /** Whether the process may end while the door is open and nobody has taken it (a usage error). */
  holdProcess(hold: boolean): void;
  /** Stops listening and closes idle connections; resolves once the server is closed. */
  close(): Promise<void>;
}

/** The `Opentrons-Version` values the route accepts without a remark: `*` or an integer ≥ the minimum. */
function acceptedVersion(value: string | string[] | undefined): boolean {
  if (typeof value !== 'string') return false;
  const requested = requestedVersion(value);
  return requested === '*' || (requested !== null && requested >= MIN_API_VERSION);
}

/** Only the plain form is answered early; anything the app's hooks could treat otherwise waits. */
function answerable(request: http.IncomingMessage): boolean {
  return request.method === 'GET' && request.url === '/health' && request.headers.origin === undefined && acceptedVersion(request.headers[VERSION_HEADER]);
}

type Held = { event: 'request' | 'upgrade'; args: unknown[] };

/** Listens on host:port now; rejects as `server.listen` fails (e.g. the port is taken). */
export function openFrontDoor(options: { host: string; port: number; robotName: string }): Promise<FrontDoor> {
  const server = http.createServer();
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.requestTimeout = 0;
  server.setTimeout(0);
  const body = healthBody(options.robotName);
  const headers = {
    // As the route sends them: @fastify/cors's two, then the route's own.
    vary: 'Origin',
    'access-control-allow-credentials': 'true',
    'content-type': 'application/json',
    'opentrons-version': String(API_VERSION),
    'opentrons-min-version': String(MIN_API_VERSION),
    'content-length': String(body.length),
  };
  const held: Held[] = [];
  const answered: EarlyAnswer[] = [];
  let ready = false;
  // Until serve takes the door, neither it nor its connections keep the process alive (a command
  // that ends with a usage error must not wait for a client's keep-alive connection).
  let holding = true;
  server.on('connection', (socket: Socket) => {
    if (!holding) socket.unref();
  });
  const emit = server.emit.bind(server);
  // Node emits 'upgrade' only when someone listens; the app's websocket plugin listens later.
  const upgradeListener = (): void => {};
  server.on('upgrade', upgradeListener);
  server.emit = ((event: string, ...args: unknown[]): boolean => {
    if (ready || (event !== 'request' && event !== 'upgrade')) return emit(event, ...args);
    const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
    if (event === 'request' && answerable(request)) {
      const started = performance.now();
      response.writeHead(200, headers).end(body);
      answered.push({ method: 'GET', url: '/health', statusCode: 200, responseTimeMs: Math.round((performance.now() - started) * 10) / 10 });
    } else {
      held.push({ event, args });
    }
    return true;
  }) as typeof server.emit;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : options.port;
      resolve({
        server,
        host: options.host,
        port,
        robotName: options.robotName,
        get waiting() {
          return held.length;
        },
        open() {
          if (ready) return [];
          ready = true;
          server.emit = emit as typeof server.emit;
          server.off('upgrade', upgradeListener);
          server.ref();
          for (const { event, args } of held.splice(0)) emit(event, ...args);
          return answered.splice(0);
        },
        holdProcess(hold) {
          holding = hold;
          if (hold) server.ref();
          else server.unref();
        },
        close() {
          return new Promise((done) => {
            server.close(() => done());
            // Held requests will never be answered: their connections end with the door.
            if (ready) server.closeIdleConnections();
            else server.closeAllConnections();
          });
        },
      });
    });
  });
}
