// The simulated robot's door. `GET /robot/door/status` answers in the shape later robot servers use
// for the real door; `PUT` is Labwright's own, for a person (or a test) to open and close it. Each
// change is a `door_state` event on `hardware_events`, and with `enableDoorSafetySwitch` on an open
// door holds a running protocol.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { RobotDoor } from '../../runner/index.ts';
import { StringEnum } from '../schema-parts.ts';
import type { FeatureFlags } from './settings.ts';

const doorStatus = Type.Object({
  data: Type.Object({
    status: StringEnum(['open', 'closed']),
    doorRequiredClosedForProtocol: Type.Boolean({
      description: 'The door-safety setting is on: an open door holds a running protocol.',
    }),
  }),
});

const doorChange = Type.Object({
  data: Type.Object({ status: StringEnum(['open', 'closed']) }, { additionalProperties: false }),
});

export async function doorRoutes(app: FastifyInstance, options: { door: RobotDoor; flags: FeatureFlags }): Promise<void> {
  const { door, flags } = options;
  const render = () => ({ data: { status: door.state, doorRequiredClosedForProtocol: flags.doorSafetySwitchEnabled() } });
  const config = { versioned: true };
  app.get(
    '/robot/door/status',
    { config, schema: { tags: ['robot'], summary: 'Whether the robot door is open', response: { 200: doorStatus } } },
    async () => render(),
  );
  app.put<{ Body: { data: { status: 'open' | 'closed' } } }>(
    '/robot/door/status',
    {
      config,
      schema: {
        tags: ['robot'],
        summary: 'Open or close the simulated robot door',
        description:
          'Labwright only. Publishes `{"event": "door_state", "state": <closed>}` on `hardware_events` when the door ' +
          'moves; with `enableDoorSafetySwitch` on, opening it holds a running protocol until it is resumed ' +
          '(a resume while it is open does nothing, and a run cannot start).',
        body: doorChange,
        response: { 200: doorStatus },
      },
    },
    async (request) => {
      door.set(request.body.data.status);
      return render();
    },
  );
}
