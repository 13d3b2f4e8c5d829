// Thermocycler commands: lid, block and lid temperatures, profiles, deactivation.
import { recordAction } from './actions.ts';
import { fixedTrash } from './deck.ts';
import { pyError } from './errors.ts';
import { expect, idleBlock, setTemperatureTarget } from './modules.ts';
import { arrive, homedZ } from './motion.ts';
import { pyFloat, pyInt, pyNum, pyRepr, pyRound, pyValue } from './pyfloat.ts';
import type { EngineState, LoadedModule } from './state.ts';
import { TIMING } from './timing.ts';
import type { ProfileStep, PyNum } from './types.ts';
import { logWarning } from './log-records.ts';
import { applyUpdate } from './stores/index.ts';

/**
 * Before a lid move the first loaded pipette retracts and moves above the trash: published as a
 * `Moving to` in 4.7.0, unpublished from 2.12 (7.5.0).
 */
export function tcClearanceMove(st: EngineState): void {
  const p = st.byMount.left ?? st.byMount.right;
  if (!p) {
    // The legacy core's warning; the Protocol Engine runtime (2.14) moves the gantry itself.
    if (!st.has('engineCore')) logWarning(st, 'legacy_module_core', 'Cannot assure a safe gantry position to avoid colliding with the lid of the Thermocycler Module.');
    return;
  }
  const trash = st.labware.get('fixedTrash') ?? st.lw(fixedTrash(st));
  const top = trash.wells[0].top;
  const z = homedZ(p);
  const point = { x: top.x, y: top.y, z };
  const publish = !st.has('release7');
  if (publish) st.log.before('command.MOVE_TO', `Moving to (${pyFloat(point.x)}, ${pyFloat(point.y)}, ${pyFloat(point.z)})`);
  const dx = point.x - st.gantry.x;
  const dy = point.y - st.gantry.y;
  const seconds = Math.max(0, z - p.z) / TIMING.zSpeed + Math.sqrt(dx * dx + dy * dy) / p.defaultSpeed;
  st.log.advance(seconds);
  if (st.actions !== null) {
    // Straight up to the mount's home height, then across to above the trash.
    const waypoints = [{ x: st.gantry.x, y: st.gantry.y, z }, { ...point }];
    const speeds = { x: p.defaultSpeed, y: p.defaultSpeed, z: TIMING.zSpeed };
    recordAction(st, { kind: 'gantryMove', mount: p.mount, waypoints, speeds, seconds });
  }
  applyUpdate(st, { type: 'pipette/zSet', pipetteId: p.id, z });
  arrive(st, { point, ref: { kind: 'none' }, lw: null, well: null }, p.mount);
  if (publish) st.log.after();
}

export function thermocyclerOpenLid(st: EngineState, moduleId: string): 'open' {
  return moveLid(st, moduleId, 'open');
}

export function thermocyclerCloseLid(st: EngineState, moduleId: string): 'closed' {
  return moveLid(st, moduleId, 'closed');
}

function moveLid<P extends 'open' | 'closed'>(st: EngineState, moduleId: string, to: P): P {
  const m = expect(st, moduleId, 'thermocyclerModuleType');
  if (to === 'open') st.log.before('command.THERMOCYCLER_OPEN', 'Opening Thermocycler lid');
  else st.log.before('command.THERMOCYCLER_CLOSE', 'Closing Thermocycler lid');
  tcClearanceMove(st);
  applyUpdate(st, { type: 'module/lidSet', moduleId: m.id, lid: to });
  st.log.advance(TIMING.tcLidMoveS);
  if (st.actions !== null) recordAction(st, { kind: 'moduleSetPoint', moduleId: m.id, target: 'lid', value: to, seconds: TIMING.tcLidMoveS });
  st.log.after();
  return to;
}

/**
 * `set_block_temperature(t, hold_time_seconds, hold_time_minutes, ramp_rate, block_max_volume)`.
 * Hold times are PyNums because their Python types show in the text.
 */
export function thermocyclerSetBlockTemperature(
  st: EngineState,
  moduleId: string,
  temperature: number,
  holdTimeSeconds: PyNum | null,
  holdTimeMinutes: PyNum | null,
  rampRate: number | null,
): void {
  const m = expect(st, moduleId, 'thermocyclerModuleType');
  let text = `Setting Thermocycler well block temperature to ${pyFloat(pyRound(temperature, 2))} °C`;
  const sec = holdTimeSeconds === null ? 0 : pyValue(holdTimeSeconds);
  const min = holdTimeMinutes === null ? 0 : pyValue(holdTimeMinutes);
  if (sec || min) {
    // Python arithmetic: total = (s or 0) + (m or 0) * 60; s = total % 60; m = (total - s) / 60.
    const secF = sec !== 0 && holdTimeSeconds !== null && isFloatNum(holdTimeSeconds);
    const minF = min !== 0 && holdTimeMinutes !== null && isFloatNum(holdTimeMinutes);
    const total = sec + min * 60;
    const totalIsFloat = secF || minF;
    const s = pyMod(total, 60);
    const mm = (total - s) / 60;
    text += ' with a hold time of ';
    if (mm > 0) text += `${pyFloat(mm)} minutes and `;
    text += `${totalIsFloat ? pyFloat(s) : pyInt(s)} seconds`;
  }
  st.log.before('command.THERMOCYCLER_SET_BLOCK_TEMP', text);
  const hold = sec + min * 60;
  const rampS = setTemperatureTarget(st, m, temperature, rampRate ?? TIMING.tcBlockHeatRate, rampRate ?? TIMING.tcBlockCoolRate, hold || null);
  st.log.advance(rampS + hold);
  if (st.actions !== null) {
    recordAction(st, { kind: 'moduleSetPoint', moduleId: m.id, target: 'temperature', value: temperature, seconds: 0 });
    recordAction(st, { kind: 'moduleWait', moduleId: m.id, target: 'temperature', holdSeconds: hold, seconds: rampS + hold });
  }
  st.log.after();
}

export function thermocyclerSetLidTemperature(st: EngineState, moduleId: string, temperature: number): void {
  const m = expect(st, moduleId, 'thermocyclerModuleType');
  st.log.before('command.THERMOCYCLER_SET_LID_TEMP', `Setting Thermocycler lid temperature to ${pyFloat(pyRound(temperature, 2))} °C`);
  const from = m.lidPhys;
  const dt = temperature >= from ? (temperature - from) / TIMING.tcLidHeatRate : (from - temperature) / TIMING.tcLidCoolRate;
  applyUpdate(st, { type: 'module/lidTemperatureSet', moduleId: m.id, celsius: temperature });
  st.log.advance(dt);
  if (st.actions !== null) {
    recordAction(st, { kind: 'moduleSetPoint', moduleId: m.id, target: 'lidTemperature', value: temperature, seconds: 0 });
    recordAction(st, { kind: 'moduleWait', moduleId: m.id, target: 'lidTemperature', holdSeconds: 0, seconds: dt });
  }
  st.log.after();
}

/**
 * `execute_profile(steps, repetitions, block_max_volume)`. `stepsRepr` is Python's `str(steps)`
 * when the caller has it (the Python layer); otherwise it is built from `steps`.
 */
export function thermocyclerExecuteProfile(st: EngineState, moduleId: string, steps: readonly ProfileStep[], repetitions: PyNum, stepsRepr: string | null): void {
  const m = expect(st, moduleId, 'thermocyclerModuleType');
  st.log.before(
    'command.THERMOCYCLER_EXECUTE_PROFILE',
    `Thermocycler starting ${pyNum(repetitions)} repetitions of cycle composed of the following steps: ${stepsRepr ?? pyRepr(steps)}`,
  );
  const reps = pyValue(repetitions);
  if (reps <= 0) throw pyError('ValueError', 'repetitions must be a positive integer');
  for (const s of steps) {
    if (s.temperature === undefined || s.temperature === null) {
      throw pyError('ValueError', 'temperature must be defined for each step in cycle');
    }
    if (s.hold_time_minutes == null && s.hold_time_seconds == null) {
      throw pyError('ValueError', 'either hold_time_minutes or hold_time_seconds must bedefined for each step in cycle');
    }
  }
  let t = 0;
  for (let r = 0; r < reps; r++) {
    for (const s of steps) {
      const temp = s.temperature as number;
      t += setTemperatureTarget(st, m, temp, s.ramp_rate ?? TIMING.tcBlockHeatRate, s.ramp_rate ?? TIMING.tcBlockCoolRate);
      t += (s.hold_time_seconds ?? 0) + (s.hold_time_minutes ?? 0) * 60;
    }
  }
  applyUpdate(st, { type: 'module/profileRun', moduleId: m.id, repetitions: reps, steps: steps.length });
  st.log.advance(t);
  if (st.actions !== null) {
    const planned = steps.map((s) => ({
      temperature: s.temperature as number,
      holdSeconds: (s.hold_time_seconds ?? 0) + (s.hold_time_minutes ?? 0) * 60,
      rampRate: s.ramp_rate ?? null,
    }));
    recordAction(st, { kind: 'thermocyclerProfile', moduleId: m.id, steps: planned, repetitions: reps, seconds: t });
  }
  st.log.after();
}

export function thermocyclerDeactivateLid(st: EngineState, moduleId: string): void {
  const m = expect(st, moduleId, 'thermocyclerModuleType');
  st.log.before('command.THERMOCYCLER_DEACTIVATE_LID', 'Deactivating Thermocycler lid heating');
  idleLid(st, m);
  if (st.actions !== null) recordAction(st, { kind: 'moduleSetPoint', moduleId: m.id, target: 'lidTemperature', value: null, seconds: 0 });
  st.log.after();
}

export function thermocyclerDeactivateBlock(st: EngineState, moduleId: string): void {
  const m = expect(st, moduleId, 'thermocyclerModuleType');
  st.log.before('command.THERMOCYCLER_DEACTIVATE_BLOCK', 'Deactivating Thermocycler well block heating');
  idleBlock(st, m);
  if (st.actions !== null) recordAction(st, { kind: 'moduleSetPoint', moduleId: m.id, target: 'temperature', value: null, seconds: 0 });
  st.log.after();
}

export function thermocyclerDeactivate(st: EngineState, moduleId: string): void {
  const m = expect(st, moduleId, 'thermocyclerModuleType');
  st.log.before('command.THERMOCYCLER_DEACTIVATE', 'Deactivating Thermocycler');
  idleBlock(st, m);
  idleLid(st, m);
  if (st.actions !== null) {
    recordAction(st, { kind: 'moduleSetPoint', moduleId: m.id, target: 'temperature', value: null, seconds: 0 });
    recordAction(st, { kind: 'moduleSetPoint', moduleId: m.id, target: 'lidTemperature', value: null, seconds: 0 });
  }
  st.log.after();
}

function isFloatNum(n: PyNum): boolean {
  return typeof n !== 'number' || !Number.isInteger(n);
}

/** Python's `%` for floats (sign follows the divisor). */
function pyMod(a: number, b: number): number {
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

function idleLid(st: EngineState, m: LoadedModule): void {
  applyUpdate(st, { type: 'module/lidTemperatureDeactivated', moduleId: m.id });
}
