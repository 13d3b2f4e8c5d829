// `GET/POST /settings` (legacy): the robot's advanced settings that change what Labwright does, in
// the original's shape (http-api.md §1.4).
// * `enableHttpProtocolSessions`: Labwright turns it on by default; a client may still turn it off.
// * `enableDoorSafetySwitch`: an open door holds a running protocol (off by default, as on the robot).
// `value: null` resets a setting to its default.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { SessionRepository } from '../../store/index.ts';
import { Nullable, Open } from '../schema-parts.ts';

export const SESSIONS_FLAG = 'enableHttpProtocolSessions';
export const DOOR_SAFETY_SETTING = 'enableDoorSafetySwitch';

interface SettingDefinition {
  id: string;
  title: string;
  description: string;
  /** What GET shows while the setting was never set (the original shows null for "off by default"). */
  unset: boolean | null;
}

const SETTINGS: readonly SettingDefinition[] = [
  {
    id: DOOR_SAFETY_SETTING,
    title: 'Enable robot door safety switch',
    description:
      'Automatically pause protocols when robot door opens. Opening the robot door during a run will pause your robot only after it has completed its current motion.',
    unset: null,
  },
  {
    id: SESSIONS_FLAG,
    title: 'Enable Experimental HTTP Protocol Sessions',
    description: 'Do not enable. This is an Opentrons internal setting to test new protocol upload functionality.',
    unset: true,
  },
];

export class FeatureFlags {
  constructor(private readonly repo: SessionRepository) {}

  protocolSessionsEnabled(): boolean {
    return this.value(SESSIONS_FLAG) !== false;
  }

  /** An open door holds a running protocol. */
  doorSafetySwitchEnabled(): boolean {
    return this.value(DOOR_SAFETY_SETTING) === true;
  }

  isKnown(id: string): boolean {
    return SETTINGS.some((s) => s.id === id);
  }

  set(id: string, value: boolean | null): void {
    this.repo.setSetting(id, value === null ? null : String(value));
  }

  /** The value GET /settings shows. */
  value(id: string): boolean | null {
    const stored = this.repo.getSetting(id);
    if (stored !== null) return stored === 'true';
    return SETTINGS.find((s) => s.id === id)?.unset ?? null;
  }

  render() {
    return SETTINGS.map((s) => ({
      id: s.id,
      old_id: null,
      title: s.title,
      description: s.description,
      restart_required: false,
      value: this.value(s.id),
    }));
  }
}

const settingsBody = Type.Object({ id: Type.String(), value: Type.Optional(Nullable(Type.Boolean())) });

/** What `FeatureFlags.render` builds, in the original's shape (http-api.md §1.4). */
const settingsResponse = Type.Object({
  settings: Type.Array(
    Type.Object({
      id: Type.String(),
      old_id: Type.Null(),
      title: Type.String(),
      description: Type.String(),
      restart_required: Type.Boolean(),
      value: Nullable(Type.Boolean()),
    }),
  ),
  links: Open({}),
});

export async function settingsRoutes(app: FastifyInstance, options: { flags: FeatureFlags }): Promise<void> {
  const { flags } = options;
  const render = () => ({ settings: flags.render(), links: {} });
  const config = { versioned: true, legacy: true };
  app.get(
    '/settings',
    { config, schema: { tags: ['settings'], summary: 'Advanced settings', response: { 200: settingsResponse } } },
    async () => render(),
  );
  app.post<{ Body: { id: string; value?: boolean | null } }>(
    '/settings',
    {
      config,
      schema: {
        tags: ['settings'],
        summary: 'Change an advanced setting',
        description: `Known ids: ${SETTINGS.map((s) => s.id).join(', ')}. \`value: null\` resets the setting.`,
        body: settingsBody,
        // Errors are not listed: this legacy route answers `{message}` for some and the JSON:API
        // body for others (an outdated version header), and an error body is written as it is.
        response: { 200: settingsResponse },
      },
    },
    async (request, reply) => {
      const { id, value } = request.body;
      if (!flags.isKnown(id)) return reply.code(400).send({ message: `ValueError: ${id} is not recognized` });
      flags.set(id, value ?? null);
      return render();
    },
  );
}
