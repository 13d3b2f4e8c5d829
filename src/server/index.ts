// The robot server: the OT-2 HTTP protocol API over the store and the session runner.
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { resolveConfig, type ServerConfig } from './config.ts';

export { buildApp } from './app.ts';
export type { LabwrightParts } from './app.ts';
export type { ServerConfig, ResolvedConfig } from './config.ts';
export { resolveConfig } from './config.ts';
export { ERROR_REGISTRY, toErrorReply } from './errors.ts';

export interface RunningServer {
  /** e.g. `http://127.0.0.1:31950` */
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** Builds the app and listens on the configured host and port. */
export async function startServer(config: ServerConfig = {}): Promise<RunningServer> {
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
  const host = resolved.host === '0.0.0.0' || resolved.host === '::' ? '127.0.0.1' : resolved.host;
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, app, close: () => app.close() };
}
