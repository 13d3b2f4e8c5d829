// One run of a protocol on the robot: what a cancel aborts, what a pause closes, and the robot
// backend that performs it and remembers the tips it holds.
import type { RobotBackend, RobotBackendFactory } from './backend.ts';
import { PauseGate } from './pause-gate.ts';
import type { HardwareHooks, Speed } from './hardware.ts';

export interface ActiveRun {
  controller: AbortController;
  gate: PauseGate;
  hardware: RobotBackend;
  /** Aborted by a cancel (the controller) or by the session's end (its lifetime). */
  signal: AbortSignal;
}

export function newRun(backend: RobotBackendFactory, speed: Speed, lifetime: AbortSignal, hooks: HardwareHooks): ActiveRun {
  const controller = new AbortController();
  const gate = new PauseGate();
  const signal = AbortSignal.any([controller.signal, lifetime]);
  const hardware = backend({ speed, signal, gate, live: true, hooks });
  return { controller, gate, hardware, signal };
}
