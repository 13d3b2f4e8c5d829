// GET /health (http-api.md §6): a legacy route, so its framework errors use `{message}`.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { healthBody } from '../health-answer.ts';
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
  // The body never changes: encoded once (health checks are the most frequent request).
  const bytes = healthBody(options.robotName);
  app.get('/health', { schema: healthSchema, config: { versioned: true, legacy: true } }, (_request, reply) =>
    reply.type('application/json').send(bytes),
  );
}
