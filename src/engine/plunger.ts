// The plunger as the OT-2's hardware controller drives it, for the hardware actions a run records:
// where the plunger stands holding a volume and how fast it moves for a flow rate. Only recording
// runs use this (the modeled time of plunger commands comes from volumes and flow rates).
import { ulPerMm } from '../definitions/index.ts';
import { recordAction } from './actions.ts';
import type { EngineState, LoadedPipette } from './state.ts';
import { applyUpdate } from './stores/index.ts';

type PlungerDirection = 'aspirate' | 'dispense';

/** Plunger position holding `volume` µL: bottom + volume ÷ µL-per-mm at that volume. */
export function plungerPosition(p: LoadedPipette, volume: number, direction: PlungerDirection): number {
  return p.spec.plunger.bottom + volume / ulPerMm(p.spec.ulPerMm[direction], volume);
}

/** Plunger speed (mm/s) for a flow rate (µL/s): µL-per-mm taken at the pipette's maximum volume. */
export function plungerSpeed(p: LoadedPipette, ulPerS: number, direction: PlungerDirection): number {
  return ulPerS / ulPerMm(p.spec.ulPerMm[direction], p.spec.maxVolume);
}

/** Records the plunger moving from where it stands to `toMm` (call only while recording). */
export function recordPlungerMove(st: EngineState, p: LoadedPipette, toMm: number, speedMmPerS: number, seconds: number): void {
  recordAction(st, { kind: 'plungerMove', mount: p.mount, mm: p.plungerMm - toMm, toMm, speedMmPerS, seconds });
  applyUpdate(st, { type: 'pipette/plungerMoved', pipetteId: p.id, mm: toMm });
}

/**
 * Records an aspirate or dispense: the plunger to where it holds `volume` µL (a rounding rest
 * below 1e-12 µL is empty, as the engine counts it) at the speed of `flow` µL/s.
 */
export function recordPlungerVolume(st: EngineState, p: LoadedPipette, volume: number, flow: number, direction: PlungerDirection, seconds: number): void {
  const held = volume < 1e-12 ? 0 : volume;
  recordPlungerMove(st, p, plungerPosition(p, held, direction), plungerSpeed(p, flow, direction), seconds);
}
