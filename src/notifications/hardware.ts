// The robot's hardware events (http-api.md §5.3): each change of the simulated door is published on
// `hardware_events` as the original's robot server did, `{"event": "door_state", "state": <bool>}`
// with the door enum's value (true = closed, false = open).
import { HARDWARE_EVENTS_TOPIC } from './frames.ts';
import type { NotificationHub } from './hub.ts';
import type { DoorStatePayload } from './pushed.ts';

export const HARDWARE_PUBLISHER = 'robot_server.hardware';

/** What the bridge needs of the robot's door (the runner's `RobotDoor`), declared by the consumer. */
export interface DoorChanges {
  onChange(listener: (state: 'open' | 'closed') => void): () => void;
}

/** Publishes every change of `door`; returns the function that stops it. */
export function bridgeDoor(hub: NotificationHub, door: DoorChanges): () => void {
  return door.onChange((state) => {
    const data: DoorStatePayload = { event: 'door_state', state: state === 'closed' };
    hub.publish(HARDWARE_EVENTS_TOPIC, HARDWARE_PUBLISHER, data);
  });
}
