// Starting the server: the app built and listening, on its own socket or on the front door that
// `labwright serve` opened before loading it (front-door.ts).
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from './config.ts';
import type { FrontDoor } from './front-door.ts';

export interface RunningServer {
  /** e.g. `http://127.0.0.1:31950` */
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

function urlOf(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

/**
 * Builds the app and listens on the configured host and port, or, given a front door, serves on
 * its socket (already listening on that host and port) once the app is ready.
 */
export async function startServer(config: ServerConfig = {}, door: FrontDoor | null = null): Promise<RunningServer> {
  // Loaded here: the module graph of the app is most of a server's start.
  if (door === null) {
    const [{ buildApp }, { resolveConfig }] = await Promise.all([import('./app.ts'), import('./config.ts')]);
    const resolved = resolveConfig(config);
    const app = await buildApp(config);
    try {
      await app.listen({ host: resolved.host, port: resolved.port });
    } catch (err) {
      await app.close();
      throw err;
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : resolved.port;
    return { url: urlOf(resolved.host, port), app, close: () => app.close() };
  }
  let app: FastifyInstance;
  try {
    const { buildApp } = await import('./app.ts');
    app = await buildApp({
      ...config,
      serverFactory: (handler) => {
        door.server.on('request', handler);
        return door.server;
      },
    });
    await app.ready();
  } catch (err) {
    await door.close();
    throw err;
  }
  for (const early of door.open()) app.log.info({ reqId: 'front-door', ...early }, 'request');
  const url = urlOf(door.host, door.port);
  app.log.info(`Server listening at ${url}`);
  return {
    url,
    app,
    async close() {
      // Fastify closes only a server it listened on itself.
      await Promise.all([door.close(), app.close()]);
    },
  };
}
