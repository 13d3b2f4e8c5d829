// The Heater-Shaker as the Python API drives it (`HeaterShakerContext`, from 2.13; robot software
// 7.5.0): each call's run-log entry, then the Python API's own checks (range checks, raised in
// Python at every level), then the module's rules — the legacy core's words at 2.13, the Protocol
// Engine's (engine-heater-shaker.ts) from 2.14. The rules for pipette moves near it are in
// heater-shaker.ts.
import {
  heaterShaker,
  HS_SPEED_RANGE,
  HS_TEMPERATURE_RANGE,
  hsCloseLatch,
  hsDeactivateHeater,
  hsDeactivateShaker,
  hsOpenLatch,
  hsSetAndWaitForShakeSpeed,
  hsSetTargetTemperature,
  hsWaitForTemperature,
  inRange,
  openLatch,
  startShaking,
  stopShaking,
} from './engine-heater-shaker.ts';
import { pyError } from './errors.ts';
import { waitUntil } from './modules.ts';
import { pyInt, pyNum, pyValue } from './pyfloat.ts';
import type { EngineState } from './state.ts';
import type { PyNum } from './types.ts';

/** Runs `body` as one logged Python call: the entry first, so a refused value still leaves it. */
function logged<T>(st: EngineState, name: string, text: string, body: () => T): T {
  st.log.before(`command.${name}`, text);
  const result = body();
  st.log.after();
  return result;
}

/**
 * The Python API's range checks (`module_validation_and_errors`): raised in Python at every level,
 * with the value as Python prints it (`20`, `20.5`), so never an engine command failure.
 */
function checkTemperature(celsius: PyNum): number {
  const value = pyValue(celsius);
  if (!inRange(value, HS_TEMPERATURE_RANGE)) {
    const { min, max } = HS_TEMPERATURE_RANGE;
    throw pyError('InvalidTargetTemperatureError', `Cannot set Heater-Shaker to ${pyNum(celsius)} °C. Valid range is ${min}-${max} °C.`);
  }
  return value;
}

function checkSpeed(rpm: PyNum): number {
  const value = pyValue(rpm);
  if (!inRange(value, HS_SPEED_RANGE)) {
    const { min, max } = HS_SPEED_RANGE;
    throw pyError('InvalidTargetSpeedError', `Cannot set Heater-Shaker to shake at ${pyNum(rpm)} rpm. Valid speed range is ${min}-${max} rpm.`);
  }
  return value;
}

function engineCore(st: EngineState): boolean {
  return st.has('engineCore');
}

/** `set_target_temperature(celsius)`: the entry shows the temperature truncated (37.55 → 37). */
export function pyHsSetTargetTemperature(st: EngineState, moduleId: string, celsius: PyNum): void {
  const m = heaterShaker(st, moduleId);
  logged(st, 'HEATER_SHAKER_SET_TARGET_TEMPERATURE', `Setting Target Temperature of Heater-Shaker to ${pyInt(Math.trunc(pyValue(celsius)) + 0)} °C`, () => {
    hsSetTargetTemperature(st, m.id, checkTemperature(celsius));
  });
}

/** `wait_for_temperature()`. */
export function pyHsWaitForTemperature(st: EngineState, moduleId: string): void {
  const m = heaterShaker(st, moduleId);
  logged(st, 'HEATER_SHAKER_WAIT_FOR_TEMPERATURE', 'Waiting for Heater-Shaker to reach target temperature', () => {
    if (engineCore(st)) return void hsWaitForTemperature(st, m.id, null);
    if (m.target === null) throw pyError('NoTargetTemperatureSetError', 'Heater-Shaker Module does not have a target temperature set.');
    waitUntil(st, m, m.reachAt);
  });
}

/** `set_and_wait_for_shake_speed(rpm)`: the latch must be closed (legacy: `idle_closed`). */
export function pyHsSetAndWaitForShakeSpeed(st: EngineState, moduleId: string, rpm: PyNum): void {
  const m = heaterShaker(st, moduleId);
  logged(st, 'HEATER_SHAKER_SET_AND_WAIT_FOR_SHAKE_SPEED', `Setting Heater-Shaker to Shake at ${pyNum(rpm)} RPM and waiting until reached`, () => {
    const speed = checkSpeed(rpm);
    if (engineCore(st)) return void hsSetAndWaitForShakeSpeed(st, m.id, speed);
    if (m.latch !== 'closed') throw pyError('CannotPerformModuleAction', 'Cannot start shaking unless labware latch is closed.');
    startShaking(st, m, speed);
  });
}

/** `open_labware_latch()`: never while shaking. */
export function pyHsOpenLatch(st: EngineState, moduleId: string): void {
  const m = heaterShaker(st, moduleId);
  logged(st, 'HEATER_SHAKER_OPEN_LABWARE_LATCH', 'Unlatching labware on Heater-Shaker', () => {
    if (engineCore(st)) return void hsOpenLatch(st, m.id);
    if (m.shakeRpm !== null) throw pyError('CannotPerformModuleAction', 'Cannot open labware latch while module is shaking.');
    openLatch(st, m);
  });
}

/** `close_labware_latch()`. */
export function pyHsCloseLatch(st: EngineState, moduleId: string): void {
  const m = heaterShaker(st, moduleId);
  logged(st, 'HEATER_SHAKER_CLOSE_LABWARE_LATCH', 'Latching labware on Heater-Shaker', () => void hsCloseLatch(st, m.id));
}

/** `deactivate_shaker()`: the legacy core stops it whatever the latch; the engine wants it closed. */
export function pyHsDeactivateShaker(st: EngineState, moduleId: string): void {
  const m = heaterShaker(st, moduleId);
  logged(st, 'HEATER_SHAKER_DEACTIVATE_SHAKER', 'Deactivating Shaker', () => {
    if (engineCore(st)) return void hsDeactivateShaker(st, m.id);
    stopShaking(st, m);
  });
}

/** `deactivate_heater()`. */
export function pyHsDeactivateHeater(st: EngineState, moduleId: string): void {
  const m = heaterShaker(st, moduleId);
  logged(st, 'HEATER_SHAKER_DEACTIVATE_HEATER', 'Deactivating Heater', () => void hsDeactivateHeater(st, m.id));
}
