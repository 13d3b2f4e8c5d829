// The simulated robot's front door. A person opens and closes it (over HTTP or the CLI); the
// hardware reports each change, and with the door-safety setting on an open door holds a run.
export type DoorState = 'open' | 'closed';

export type DoorListener = (state: DoorState) => void;

export class RobotDoor {
  private current: DoorState = 'closed';
  private readonly listeners = new Set<DoorListener>();

  get state(): DoorState {
    return this.current;
  }

  /** Moves the door; listeners hear only real changes (closing a closed door reports nothing). */
  set(state: DoorState): void {
    if (state === this.current) return;
    this.current = state;
    for (const listener of [...this.listeners]) listener(state);
  }

  /** Registers a listener; returns the function that unregisters it. */
  onChange(listener: DoorListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
