// GET /health (http-api.md §6): a legacy route, so its framework errors use `{message}`.
import type { FastifyInstance } from 'fastify';
import { SCHEMAS } from '../schemas.ts';

export interface HealthOptions {
  robotName: string;
}

export async function healthRoutes(app: FastifyInstance, options: HealthOptions): Promise<void> {
  const body = {
    name: options.robotName,
    api_version: '4.7.0',
    fw_version: 'Virtual Smoothie',
    board_revision: '2.1',
    logs: ['/logs/serial.log', '/logs/api.log', '/logs/server.log'],
    system_version: '0.0.0',
    minimum_protocol_api_version: [2, 0],
    maximum_protocol_api_version: [2, 11],
    links: {
      apiLog: '/logs/api.log',
      serialLog: '/logs/serial.log',
      serverLog: '/logs/server.log',
      apiSpec: '/openapi.json',
      systemTime: '/system/time',
    },
  };
  // The body never changes: encode it once (health checks are the most frequent request).
  const bytes = Buffer.from(JSON.stringify(body));
  app.get('/health', { schema: SCHEMAS.health, config: { versioned: true, legacy: true } }, (_request, reply) =>
    reply.type('application/json').send(bytes),
  );
}
