// `GET/POST /settings` (legacy): only the one advanced setting that changes this API,
// `enableHttpProtocolSessions` (http-api.md §1.4). Labwright turns it on by default; a client may
// still turn it off, and `null` resets it to the default.
import type { FastifyInstance } from 'fastify';
import type { SessionRepository } from '../../store/index.ts';

export const SESSIONS_FLAG = 'enableHttpProtocolSessions';

export class FeatureFlags {
  constructor(private readonly repo: SessionRepository) {}

  protocolSessionsEnabled(): boolean {
    return this.repo.getSetting(SESSIONS_FLAG) !== 'false';
  }

  set(value: boolean | null): void {
    this.repo.setSetting(SESSIONS_FLAG, value === null ? null : String(value));
  }
}

const settingsBody = {
  type: 'object',
  properties: { id: { type: 'string' }, value: { type: ['boolean', 'null'] } },
  required: ['id'],
} as const;

export async function settingsRoutes(app: FastifyInstance, options: { flags: FeatureFlags }): Promise<void> {
  const { flags } = options;
  const render = () => ({
    settings: [
      {
        id: SESSIONS_FLAG,
        old_id: null,
        title: 'Enable Experimental HTTP Protocol Sessions',
        description: 'Do not enable. This is an Opentrons internal setting to test new protocol upload functionality.',
        restart_required: false,
        value: flags.protocolSessionsEnabled(),
      },
    ],
    links: {},
  });
  const config = { versioned: true, legacy: true };
  app.get('/settings', { config, schema: { tags: ['settings'], summary: 'Advanced settings' } }, async () => render());
  app.post<{ Body: { id: string; value?: boolean | null } }>(
    '/settings',
    { config, schema: { tags: ['settings'], summary: 'Change an advanced setting', body: settingsBody } },
    async (request, reply) => {
      const { id, value } = request.body;
      if (id !== SESSIONS_FLAG) return reply.code(400).send({ message: `ValueError: ${id} is not recognized` });
      flags.set(value ?? null);
      return render();
    },
  );
}
