// The thermocycler under the Protocol Engine's rules (JSON v6–8, §7.7): set-points that do not
// wait, separate waits for block and lid, a profile of `{celsius, holdSeconds}` steps run once,
// the engine's range checks and words. Time is the module's modeled ramp, spent by the waits.
import { recordAction } from './actions.ts';
import { setTemperatureTarget, waitUntil } from './modules.ts';
import { home } from './motion.ts';
import { applyUpdate } from './stores/index.ts';
import { engineError, engineModuleOfType, floatText } from './protocol-engine.ts';
import type { EngineState, LoadedModule } from './state.ts';
import { thermocyclerExecuteProfile } from './thermocycler.ts';
import { TIMING } from './timing.ts';

const TC = 'thermocyclerModuleType';

function thermocycler(st: EngineState, moduleId: string): LoadedModule {
  return engineModuleOfType(st, moduleId, TC);
}

function checkBlockTemperature(celsius: number): void {
  if (!(celsius >= 0 && celsius <= 99)) {
    throw engineError('InvalidTargetTemperatureError', `Thermocycler block temperature must be between 0 and 99, but got ${floatText(celsius)}.`);
  }
}

function checkBlockVolume(volume: number | null): void {
  if (volume !== null && !(volume >= 0 && volume <= 100)) {
    throw engineError('InvalidBlockVolumeError', `Thermocycler max block volume must be between 0 and 100, but got ${floatText(volume)}.`);
  }
}

/** `thermocycler/setTargetBlockTemperature`: the block starts towards the target; nothing waits. */
export function engineTcSetBlock(st: EngineState, moduleId: string, celsius: number, volume: number | null, holdSeconds: number | null): { targetBlockTemperature: number } {
  const m = thermocycler(st, moduleId);
  checkBlockTemperature(celsius);
  checkBlockVolume(volume);
  if (holdSeconds !== null && holdSeconds < 0) {
    throw engineError('InvalidHoldTimeError', `Thermocycler target block temperature hold time must be a positive number, but got ${floatText(holdSeconds)}.`);
  }
  setTemperatureTarget(st, m, celsius, TIMING.tcBlockHeatRate, TIMING.tcBlockCoolRate, holdSeconds);
  if (st.actions !== null) recordAction(st, { kind: 'moduleSetPoint', moduleId: m.id, target: 'temperature', value: celsius, seconds: 0 });
  return { targetBlockTemperature: celsius };
}

/** `thermocycler/setTargetLidTemperature`: the lid starts towards the target; nothing waits. */
export function engineTcSetLid(st: EngineState, moduleId: string, celsius: number): { targetLidTemperature: number } {
  const m = thermocycler(st, moduleId);
  if (!(celsius >= 37 && celsius <= 110)) {
    throw engineError('InvalidTargetTemperatureError', `Thermocycler lid temperature must be between 37 and 110, but got ${floatText(celsius)}.`);
  }
  const from = m.lidPhys;
  const dt = celsius >= from ? (celsius - from) / TIMING.tcLidHeatRate : (from - celsius) / TIMING.tcLidCoolRate;
  applyUpdate(st, { type: 'module/lidTemperatureSet', moduleId: m.id, celsius, reachAt: st.log.clock + dt });
  if (st.actions !== null) recordAction(st, { kind: 'moduleSetPoint', moduleId: m.id, target: 'lidTemperature', value: celsius, seconds: 0 });
  return { targetLidTemperature: celsius };
}

/** `thermocycler/waitForBlockTemperature`: until the block is at its target, then its hold time. */
export function engineTcWaitBlock(st: EngineState, moduleId: string): void {
  const m = thermocycler(st, moduleId);
  if (m.target === null) throw engineError('NoTargetTemperatureSetError', `Module ${m.id} does not have a target block temperature set.`);
  waitUntil(st, m, Math.max(m.reachAt, st.log.clock) + (m.holdTime ?? 0));
}

/** `thermocycler/waitForLidTemperature`. Its error names the block, as the original's does. */
export function engineTcWaitLid(st: EngineState, moduleId: string): void {
  const m = thermocycler(st, moduleId);
  if (m.lidTarget === null) throw engineError('NoTargetTemperatureSetError', `Module ${m.id} does not have a target block temperature set.`);
  const dt = m.lidReachAt - st.log.clock;
  if (dt > 0) st.log.advance(dt);
  if (st.actions !== null) recordAction(st, { kind: 'moduleWait', moduleId: m.id, target: 'lidTemperature', holdSeconds: 0, seconds: Math.max(0, dt) });
}

/** `thermocycler/runProfile`: each step checked like a block target, then the steps once, waited for. */
export function engineTcRunProfile(st: EngineState, moduleId: string, profile: readonly { celsius: number; holdSeconds: number }[], volume: number | null): Record<string, never> {
  const m = thermocycler(st, moduleId);
  for (const step of profile) checkBlockTemperature(step.celsius);
  checkBlockVolume(volume);
  const steps = profile.map((s) => ({ temperature: s.celsius, hold_time_seconds: s.holdSeconds }));
  if (steps.length > 0) thermocyclerExecuteProfile(st, m.id, steps, 1, '');
  return {};
}

/**
 * `thermocycler/openLid` and `closeLid`: the engine homes the gantry out of the lid's way first
 * (no trash needed, unlike the Python API's move above the trash), then moves the lid.
 */
export function engineTcMoveLid(st: EngineState, moduleId: string, to: 'open' | 'closed'): Record<string, never> {
  const m = thermocycler(st, moduleId);
  home(st);
  applyUpdate(st, { type: 'module/lidSet', moduleId: m.id, lid: to });
  st.log.advance(TIMING.tcLidMoveS);
  if (st.actions !== null) recordAction(st, { kind: 'moduleSetPoint', moduleId: m.id, target: 'lid', value: to, seconds: TIMING.tcLidMoveS });
  return {};
}
