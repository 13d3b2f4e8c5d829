// One run of a protocol on the simulated robot: what a cancel aborts, what a pause closes, and the
// hardware that paces it and remembers the tips it holds.
import { PauseGate } from './pause-gate.ts';
import { SimulatedHardware, type HardwareHooks, type Speed } from './hardware.ts';

export interface ActiveRun {
  controller: AbortController;
  gate: PauseGate;
  hardware: SimulatedHardware;
  /** Aborted by a cancel (the controller) or by the session's end (its lifetime). */
  signal: AbortSignal;
}

export function newRun(speed: Speed, lifetime: AbortSignal, hooks: HardwareHooks): ActiveRun {
  const controller = new AbortController();
  const gate = new PauseGate();
  const signal = AbortSignal.any([controller.signal, lifetime]);
  const hardware = new SimulatedHardware({ speed, signal, gate, live: true, hooks });
  return { controller, gate, hardware, signal };
}
