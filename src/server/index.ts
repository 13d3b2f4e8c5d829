// The robot server: the OT-2 HTTP protocol API over the store and the session runner. This entry
// is light (the app's modules load when the server is built), so `labwright serve` can open its
// front door before anything else.
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from './config.ts';

export type { LabwrightParts } from './app.ts';
export type { ServerConfig, ResolvedConfig } from './config.ts';
export { openFrontDoor } from './front-door.ts';
export type { EarlyAnswer, FrontDoor } from './front-door.ts';
export { DEFAULT_ROBOT_NAME } from './health-answer.ts';
export { startServer } from './start.ts';
export type { RunningServer } from './start.ts';

/** The Fastify application, not listening (tests inject requests or listen themselves). */
export async function buildApp(config: ServerConfig = {}): Promise<FastifyInstance> {
  const app = await import('./app.ts');
  return app.buildApp(config);
}
