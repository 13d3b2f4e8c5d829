// GET /health (http-api.md §6): a legacy route, so its framework errors use `{message}`.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { MAX_SUPPORTED_VERSION, MIN_SUPPORTED_VERSION } from '../../engine/index.ts';
import { versionHeader } from '../schema-parts.ts';

const healthSchema = {
  tags: ['health'],
  summary: 'Robot identity and software versions',
  headers: versionHeader,
  response: {
    200: Type.Object({
      name: Type.String(),
      api_version: Type.String(),
      fw_version: Type.String(),
      board_revision: Type.String(),
      logs: Type.Array(Type.String()),
      system_version: Type.String(),
      minimum_protocol_api_version: Type.Array(Type.Integer()),
      maximum_protocol_api_version: Type.Array(Type.Integer()),
      links: Type.Object({}, { additionalProperties: Type.String() }),
    }),
  },
};

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
    minimum_protocol_api_version: [...MIN_SUPPORTED_VERSION],
    maximum_protocol_api_version: [...MAX_SUPPORTED_VERSION],
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
  app.get('/health', { schema: healthSchema, config: { versioned: true, legacy: true } }, (_request, reply) =>
    reply.type('application/json').send(bytes),
  );
}
