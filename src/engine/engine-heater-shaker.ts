// The Heater-Shaker's commands under the Protocol Engine's rules (JSON v6–8 on an OT-2, §7.7):
// their checks and words, and their modeled time. Its load and move rules are in heater-shaker.ts.
import { recordAction } from './actions.ts';
import { sideOf } from './heater-shaker.ts';
import { idleBlock, setTemperatureTarget, waitUntil } from './modules.ts';
import { engineError, engineModuleOfType, floatText } from './protocol-engine.ts';
import { cachedLocation, forgetLocation, homedZ } from './motion.ts';
import type { EngineState, LoadedModule } from './state.ts';
import { TIMING } from './timing.ts';
import { applyUpdate } from './stores/index.ts';

const HS = 'heaterShakerModuleType';

export function heaterShaker(st: EngineState, moduleId: string): LoadedModule {
  return engineModuleOfType(st, moduleId, HS);
}

/** The module's ranges, checked by the engine and, in its own words, by the Python API. */
export const HS_TEMPERATURE_RANGE = { min: 37, max: 95 } as const;
export const HS_SPEED_RANGE = { min: 200, max: 3000 } as const;

/** Within a range, ends included (NaN is not). */
export function inRange(value: number, range: { readonly min: number; readonly max: number }): boolean {
  return value >= range.min && value <= range.max;
}

function checkTemperature(celsius: number): void {
  if (!inRange(celsius, HS_TEMPERATURE_RANGE)) {
    const { min, max } = HS_TEMPERATURE_RANGE;
    throw engineError('InvalidTargetTemperatureError', `Cannot set Heater-Shaker to ${floatText(celsius)} °C. Valid range is TemperatureRange(min=${min}, max=${max}) °C.`);
  }
}

/** Shaking starts or stops only with the labware latched. */
function requireLatchClosed(m: LoadedModule): void {
  if (m.latch === 'unknown') {
    throw engineError('CannotPerformModuleAction', 'Heater-Shaker cannot start or deactivate shaking if the labware latch has not been set to closed.');
  }
  if (m.latch === 'open') throw engineError('CannotPerformModuleAction', 'Heater-Shaker cannot start or deactivate shaking while the labware latch is open.');
}

/**
 * The pipette goes up and out of the way when it stands where it would block the module: over it
 * or any slot next to it before shaking, over it or left/right of it before the latch opens.
 */
function retractIfNear(st: EngineState, m: LoadedModule, forLatch: boolean): boolean {
  const here = cachedLocation(st)?.lw ?? null;
  const side = here === null ? null : sideOf(m.slot, here.slot);
  const near = side !== null && !(forLatch && side === 'northSouth');
  if (near) {
    for (const p of st.pipettes.values()) applyUpdate(st, { type: 'pipette/zSet', pipetteId: p.id, z: homedZ(p) });
    forgetLocation(st);
  }
  return near;
}

/** `heaterShaker/setTargetTemperature`: heating starts; nothing waits. */
export function hsSetTargetTemperature(st: EngineState, moduleId: string, celsius: number): Record<string, never> {
  const m = heaterShaker(st, moduleId);
  checkTemperature(celsius);
  setTemperatureTarget(st, m, celsius, TIMING.hsHeatRate, TIMING.hsCoolRate);
  if (st.actions !== null) recordAction(st, { kind: 'moduleSetPoint', moduleId: m.id, target: 'temperature', value: celsius, seconds: 0 });
  return {};
}

/** `heaterShaker/waitForTemperature`: until the target is reached (a given `celsius` is checked like a target). */
export function hsWaitForTemperature(st: EngineState, moduleId: string, celsius: number | null): Record<string, never> {
  const m = heaterShaker(st, moduleId);
  if (celsius !== null) checkTemperature(celsius);
  if (m.target === null) throw engineError('NoTargetTemperatureSetError', `Module ${m.id} does not have a target temperature set.`);
  waitUntil(st, m, m.reachAt);
  return {};
}

/** `heaterShaker/setAndWaitForShakeSpeed`: latched, in range, then up to speed. */
export function hsSetAndWaitForShakeSpeed(st: EngineState, moduleId: string, rpm: number): { pipetteRetracted: boolean } {
  const m = heaterShaker(st, moduleId);
  requireLatchClosed(m);
  const speed = Math.round(rpm);
  if (!inRange(speed, HS_SPEED_RANGE)) {
    const { min, max } = HS_SPEED_RANGE;
    throw engineError('InvalidTargetSpeedError', `Cannot set Heater-Shaker to shake at ${floatText(rpm)} rpm. Valid speed range is SpeedRange(min=${min}, max=${max}) rpm.`);
  }
  return { pipetteRetracted: startShaking(st, m, speed) };
}

/** The pipette out of the way, then up to `speed` (the ramp is modeled); whether it retracted. */
export function startShaking(st: EngineState, m: LoadedModule, speed: number): boolean {
  const pipetteRetracted = retractIfNear(st, m, false);
  applyUpdate(st, { type: 'module/shakeSet', moduleId: m.id, rpm: speed });
  st.log.advance(TIMING.hsShakeRampS);
  if (st.actions !== null) recordAction(st, { kind: 'moduleSetPoint', moduleId: m.id, target: 'shakeSpeed', value: speed, seconds: TIMING.hsShakeRampS });
  return pipetteRetracted;
}

/** `heaterShaker/deactivateShaker`: latched, the shaking stops. */
export function hsDeactivateShaker(st: EngineState, moduleId: string): Record<string, never> {
  const m = heaterShaker(st, moduleId);
  requireLatchClosed(m);
  stopShaking(st, m);
  return {};
}

/** Shaking stops (slowing down is modeled when it was shaking). */
export function stopShaking(st: EngineState, m: LoadedModule): void {
  const seconds = m.shakeRpm === null ? 0 : TIMING.hsShakeRampS;
  applyUpdate(st, { type: 'module/shakeSet', moduleId: m.id, rpm: null });
  st.log.advance(seconds);
  if (st.actions !== null) recordAction(st, { kind: 'moduleSetPoint', moduleId: m.id, target: 'shakeSpeed', value: null, seconds });
}

/** `heaterShaker/deactivateHeater`. */
export function hsDeactivateHeater(st: EngineState, moduleId: string): Record<string, never> {
  const m = heaterShaker(st, moduleId);
  idleBlock(st, m);
  if (st.actions !== null) recordAction(st, { kind: 'moduleSetPoint', moduleId: m.id, target: 'temperature', value: null, seconds: 0 });
  return {};
}

/** `heaterShaker/openLabwareLatch`: never while shaking; the pipette gets out of the way first. */
export function hsOpenLatch(st: EngineState, moduleId: string): { pipetteRetracted: boolean } {
  const m = heaterShaker(st, moduleId);
  if (m.shakeRpm !== null) throw engineError('CannotPerformModuleAction', 'Heater-Shaker cannot open its labware latch while it is shaking.');
  return { pipetteRetracted: openLatch(st, m) };
}

/** The pipette out of the way, then the latch opens; whether it retracted. */
export function openLatch(st: EngineState, m: LoadedModule): boolean {
  const pipetteRetracted = retractIfNear(st, m, true);
  setLatch(st, m, 'open');
  return pipetteRetracted;
}

/** `heaterShaker/closeLabwareLatch`. */
export function hsCloseLatch(st: EngineState, moduleId: string): Record<string, never> {
  setLatch(st, heaterShaker(st, moduleId), 'closed');
  return {};
}

function setLatch(st: EngineState, m: LoadedModule, to: 'open' | 'closed'): void {
  applyUpdate(st, { type: 'module/latchSet', moduleId: m.id, latch: to });
  st.log.advance(TIMING.hsLatchS);
  if (st.actions !== null) recordAction(st, { kind: 'moduleSetPoint', moduleId: m.id, target: 'latch', value: to, seconds: TIMING.hsLatchS });
}
