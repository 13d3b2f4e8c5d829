// What `HeaterShakerContext`'s status properties read (Python API, 2.13+).
import type { EngineState, LoadedModule } from './state.ts';
import { TIMING } from './timing.ts';
import type { ModuleState } from './types.ts';

/**
 * What `HeaterShakerContext`'s properties read. The legacy core's simulated module follows the
 * commands (a target is reached at once); from 2.14 the engine drives no virtual module in
 * simulation, so they stay at its starting values.
 */
export function heaterShakerState(st: EngineState, m: LoadedModule): Extract<ModuleState, { kind: 'heaterShaker' }> {
  if (st.has('engineCore') && !st.protocolEngine && st.isSimulating) {
    return {
      kind: 'heaterShaker',
      currentTemperature: TIMING.ambientC,
      targetTemperature: null,
      currentSpeed: 0,
      targetSpeed: null,
      temperatureStatus: 'idle',
      speedStatus: 'idle',
      labwareLatchStatus: 'idle_unknown',
    };
  }
  const target = m.target;
  const current = m.temperature;
  const temperatureStatus =
    target === null ? 'idle' : Math.abs(target - current) < 0.7 ? 'holding at target' : target > current ? 'heating' : 'cooling';
  return {
    kind: 'heaterShaker',
    currentTemperature: current,
    targetTemperature: target,
    currentSpeed: m.shakeRpm ?? 0,
    targetSpeed: m.shakeRpm,
    temperatureStatus,
    speedStatus: m.shakeRpm === null ? 'idle' : 'holding at target',
    labwareLatchStatus: m.latch === 'open' ? 'idle_open' : m.latch === 'closed' ? 'idle_closed' : 'idle_unknown',
  };
}
