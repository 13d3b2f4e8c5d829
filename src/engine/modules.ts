// Loading modules and module queries; temperature and magnetic module commands.
import type { ModuleSpec } from '../definitions/index.ts';
import { recordAction } from './actions.ts';
import { placeCheck, thermocyclerSlots } from './deck.ts';
import { engineCoreEngageHeight } from './engine-core-magnet.ts';
import { engageHeightOutOfRange, temperatureTarget } from './engine-errors.ts';
import { pyError } from './errors.ts';
import { moduleName } from './module-names.ts';
import { heaterShakerState } from './heater-shaker-status.ts';
import { pyFloat, pyInt, pyRound } from './pyfloat.ts';
import { magneticEngageHeight } from './labware.ts';
import type { EngineState, LoadedModule } from './state.ts';
import { TIMING } from './timing.ts';
import type { DeckLocation, ModuleInfo, ModuleModel, ModuleState, Point } from './types.ts';
import { logWarning } from './log-records.ts';
import { issueId } from './ids.ts';
import { applyUpdate } from './stores/index.ts';

export function loadModule(st: EngineState, moduleName: string, location: DeckLocation | null, configuration: string | null): ModuleInfo {
  if (configuration !== null && !st.has('moduleConfiguration')) {
    throw pyError(
      'APIVersionError',
      `You have specified API ${st.apiLevel[0]}.${st.apiLevel[1]}, but you areusing thermocycler parameters only available in 2.4`,
    );
  }
  const model = st.defs.resolveModule(moduleName);
  if (!model) throw pyError('ValueError', st.defs.moduleNameError(moduleName));
  const v2 = st.defs.module(model, false);
  if (!v2) throw pyError('ValueError', st.defs.moduleNameError(moduleName));
  let slot: string;
  if (location === null) {
    if (model !== 'thermocyclerModuleV1') {
      throw pyError('AssertionError', `${v2.typeDisplay}s do not have default location, you must specify a slot`);
    }
    slot = '7';
  } else {
    const key = typeof location === 'number' ? String(location) : location;
    const s = st.defs.slots().get(/^\d+$/.test(key) ? String(Number(key)) : key);
    if (!s) {
      throw pyError(
        'ValueError',
        `slot ${key} could not be found,valid deck slots are: [${[...st.defs.slots().keys()].map((k) => `'${k}'`).join(', ')}]`,
      );
    }
    if (!s.compatibleModuleTypes.includes(v2.type)) {
      throw pyError('AssertionError', `A ${v2.typeDisplay} cannot be loaded into slot ${key}`);
    }
    slot = s.id;
  }
  const useV1 = !st.has('moduleDefinitionsV2');
  const spec = st.defs.module(model, useV1);
  if (!spec) {
    throw pyError(
      'NoSuchModuleError',
      `API version ${st.apiLevel[0]}.${st.apiLevel[1]} does not support the module ${v2.displayName}. Please use at least version 2.3 to use this module.`,
    );
  }
  const config = moduleConfiguration(model, configuration);
  const displayName = `${spec.displayName} on ${slot}`;
  // Slot 12 takes no module (its compatibleModuleTypes is empty), so the trash rules of placeCheck never apply here.
  placeCheck(st, slot, slot, displayName, model === 'thermocyclerModuleV1' ? thermocyclerSlots(config) : [slot]);
  return placePythonModule(st, spec, slot, config, useV1);
}

/** `load_module`'s configuration: 'full' or 'semi' in any case; only the GEN1 thermocycler keeps it. */
export function moduleConfiguration(model: ModuleModel, configuration: string | null): 'full' | 'semi' | null {
  if (configuration === null) return null;
  const c = configuration.toLowerCase();
  if (c !== 'full' && c !== 'semi') throw pyError('AttributeError', `${configuration} not available`);
  return model === 'thermocyclerModuleV1' ? c : null;
}

/**
 * Places a magnetic or temperature module or a GEN1 thermocycler as the Python API's loaders do:
 * v2 definitions mirror the labware offset in slots 3, 6 and 9; a semi configuration moves it.
 */
export function placePythonModule(st: EngineState, spec: ModuleSpec, slot: string, config: 'full' | 'semi' | null, v1: boolean): ModuleInfo {
  let off = { ...spec.labwareOffset };
  const xf = spec.slotXTransform[slot];
  if (xf && !v1) off = { ...off, x: xf[0] * off.x + xf[1] };
  if (config === 'semi') off = { ...off, x: off.x - 23.28 };
  return placeModule(st, spec, slot, {
    contextClass: spec.type === 'magneticModuleType' ? 'MagneticModuleContext' : spec.type === 'temperatureModuleType' ? 'TemperatureModuleContext' : 'ThermocyclerContext',
    labwareOffset: off,
    configuration: config,
    temperature: spec.type === 'thermocyclerModuleType' ? TIMING.ambientC : 0,
    lid: 'open',
  });
}

export function moduleInfo(st: EngineState, moduleId: string): ModuleInfo {
  return st.module(moduleId).info;
}

/** The labware on a module, or null. */
export function moduleLabware(st: EngineState, moduleId: string): string | null {
  return st.module(moduleId).labwareId;
}

/**
 * `ctx.loaded_modules`: in load order, one per slot as the original's dict keyed by slot (a module
 * loaded where a cleared one stood takes its place).
 */
export function loadedModules(st: EngineState): { slot: number; moduleId: string }[] {
  const bySlot = new Map<number, string>();
  for (const m of st.modules.values()) bySlot.set(Number(m.slot), m.id);
  return [...bySlot].map(([slot, moduleId]) => ({ slot, moduleId }));
}

export function moduleState(st: EngineState, moduleId: string): ModuleState {
  const m = st.module(moduleId);
  if (m.spec.type === 'heaterShakerModuleType') return heaterShakerState(st, m);
  // The Python API's Protocol Engine runtime drives no virtual module in simulation: its
  // modules report their simulator's starting state whatever they were told.
  const frozen = st.has('engineCore') && !st.protocolEngine && st.isSimulating;
  if (frozen && m.spec.type === 'temperatureModuleType') return { kind: 'temperature', temperature: 0, target: null, status: 'idle' };
  if (frozen && m.spec.type === 'magneticModuleType') return { kind: 'magnetic', height: 0, status: 'disengaged' };
  if (frozen && m.spec.type === 'thermocyclerModuleType') return THERMOCYCLER_AT_START;
  if (m.spec.type === 'temperatureModuleType') {
    const status =
      m.target === null ? 'idle' : Math.abs(m.temperature - m.target) <= 0.7 ? 'holding at target' : m.temperature < m.target ? 'heating' : 'cooling';
    return { kind: 'temperature', temperature: m.temperature, target: m.target, status };
  }
  if (m.spec.type === 'magneticModuleType') {
    return { kind: 'magnetic', height: m.height, status: m.height > 0 ? 'engaged' : 'disengaged' };
  }
  return {
    kind: 'thermocycler',
    lidPosition: m.lid,
    blockTemperature: m.temperature,
    blockTarget: m.target,
    lidTemperature: m.lidTemp,
    lidTarget: m.lidTarget,
    holdTime: m.holdTime,
    totalCycleCount: m.totalCycleCount,
    currentCycleIndex: m.totalCycleCount,
    totalStepCount: m.totalStepCount,
    currentStepIndex: m.totalStepCount,
  };
}

/** A simulated thermocycler before any command: lid open, block and lid at ambient, no targets. */
const THERMOCYCLER_AT_START: ModuleState = {
  kind: 'thermocycler',
  lidPosition: 'open',
  blockTemperature: TIMING.ambientC,
  blockTarget: null,
  lidTemperature: TIMING.ambientC,
  lidTarget: null,
  holdTime: null,
  totalCycleCount: null,
  currentCycleIndex: null,
  totalStepCount: null,
  currentStepIndex: null,
};

export function expect(st: EngineState, moduleId: string, type: ModuleSpec['type']): LoadedModule {
  const m = st.module(moduleId);
  if (m.spec.type !== type) {
    const [name, cls] =
      type === 'magneticModuleType'
        ? ['Magnetic Module', 'MagneticModuleContext']
        : type === 'temperatureModuleType'
          ? ['Temperature Module', 'TemperatureModuleContext']
          : ['Thermocycler Module', 'ThermocyclerContext'];
    throw pyError('RuntimeError', `${name} does not match ${cls} interface`);
  }
  return m;
}

/**
 * Sets the block's / temperature module's target and starts its modeled ramp there (the previous
 * ramp is taken as done); returns the ramp's duration. A thermocycler's block set-point also
 * gives its hold time.
 */
export function setTemperatureTarget(st: EngineState, m: LoadedModule, target: number, heat: number, cool: number, holdTime?: number | null): number {
  const from = m.physTemp;
  const dt = target >= from ? (target - from) / heat : (from - target) / cool;
  const reachAt = st.log.clock + dt;
  applyUpdate(st, { type: 'module/temperatureTargetSet', moduleId: m.id, celsius: target, reachAt, holdTime });
  return dt;
}

/** Waits for module `m` to reach its temperature at modeled time `t` (no time if it already has). */
export function waitUntil(st: EngineState, m: LoadedModule, t: number): void {
  const dt = t - st.log.clock;
  if (dt > 0) st.log.advance(dt);
  if (st.actions !== null) recordAction(st, { kind: 'moduleWait', moduleId: m.id, target: 'temperature', holdSeconds: 0, seconds: dt });
}

/** Temperature module `set_temperature` (blocking) or `start_set_temperature` (`wait=false`, 2.3). */
export function temperatureSetTemperature(st: EngineState, moduleId: string, celsius: number, wait: boolean): void {
  const m = expect(st, moduleId, 'temperatureModuleType');
  st.log.before(
    'command.TEMPDECK_SET_TEMP',
    `Setting Temperature Module temperature to ${pyFloat(pyRound(celsius, 0))} °C (rounded off to nearest integer)`,
  );
  if (!wait) st.requireMember('TemperatureModuleContext.start_set_temperature');
  if (st.has('engineCore')) temperatureTarget(celsius);
  setTemperatureTarget(st, m, celsius, TIMING.tempModuleHeatRate, TIMING.tempModuleCoolRate);
  if (st.actions !== null) recordAction(st, { kind: 'moduleSetPoint', moduleId: m.id, target: 'temperature', value: celsius, seconds: 0 });
  if (wait) waitUntil(st, m, m.reachAt);
  st.log.after();
}

export function temperatureAwait(st: EngineState, moduleId: string, celsius: number): void {
  const m = expect(st, moduleId, 'temperatureModuleType');
  st.log.before(
    'command.TEMPDECK_AWAIT_TEMP',
    `Waiting for Temperature Module to reach temperature ${pyFloat(pyRound(celsius, 0))} °C (rounded off to nearest integer)`,
  );
  st.requireMember('TemperatureModuleContext.await_temperature');
  waitUntil(st, m, m.reachAt);
  st.log.after();
}

export function temperatureDeactivate(st: EngineState, moduleId: string): void {
  const m = expect(st, moduleId, 'temperatureModuleType');
  st.log.before('command.TEMPDECK_DEACTIVATE', 'Deactivating Temperature Module');
  // Its ramp ends now.
  applyUpdate(st, { type: 'module/temperatureDeactivated', moduleId: m.id, reachAt: st.log.clock });
  if (st.actions !== null) recordAction(st, { kind: 'moduleSetPoint', moduleId: m.id, target: 'temperature', value: null, seconds: 0 });
  st.log.after();
}

/** Magnetic module `engage(height, offset, height_from_base)` (spec §9.4). */
export function magneticEngage(st: EngineState, moduleId: string, opts: { height?: number | null; offset?: number | null; heightFromBase?: number | null } = {}): void {
  const m = expect(st, moduleId, 'magneticModuleType');
  st.log.before('command.MAGDECK_ENGAGE', 'Engaging Magnetic Module');
  const gen2 = m.model === 'magneticModuleV2';
  let h: number;
  if (opts.height != null) st.refuseRemoved('MagneticModuleContext.engage(height=)');
  if (st.has('engineCore') && !st.protocolEngine) h = engineCoreEngageHeight(st, m, opts.offset ?? null, opts.heightFromBase ?? null);
  else if (opts.height != null) h = opts.height;
  else if (opts.heightFromBase != null && st.has('magnetHeightFromBase')) h = opts.heightFromBase + (gen2 ? 2.5 : 5);
  else {
    const lw = m.labwareId ? st.labware.get(m.labwareId) : undefined;
    const eh = magneticEngageHeight(lw);
    if (eh === null && st.has('release7')) {
      throw pyError(
        'ValueError',
        `Currently loaded labware ${lw?.displayName ?? 'None'} does not have a default engage height; specify engage height explicitly using \`height_from_base\` or \`height\``,
      );
    }
    if (eh === null) {
      throw pyError(
        'ValueError',
        `Currently loaded labware ${lw?.displayName ?? 'None'} does not have a known engage height; please specify explicitly with the height param`,
      );
    }
    h = eh;
    if (st.has('magnetEngageHeightInMillimetres') && lw) {
      const mm = ['biorad_96_wellplate_200ul_pcr', 'nest_96_wellplate_100ul_pcr_full_skirt', 'usascientific_96_wellplate_2.4ml_deep'].includes(
        lw.def.parameters.loadName,
      );
      if (!gen2 && !mm) h = h * 2;
      if (gen2 && mm) h = h / 2;
    }
    if (opts.offset) h += opts.offset;
  }
  const max = gen2 ? 25 : 45;
  if (!(h >= 0 && h <= max)) {
    if (st.has('engineCore') && !st.protocolEngine) throw engageHeightOutOfRange(m.model, h, max);
    if (st.has('release7')) throw pyError('ValueError', `Invalid engage height for ${m.model}: ${pyNumLoose(h)}. Must be 0 - ${max}.`);
    throw pyError('ValueError', `Invalid engage height for ${m.model}: ${pyNumLoose(h)} mm. Must be 0 - ${max} mm`);
  }
  applyUpdate(st, { type: 'module/magnetMoved', moduleId: m.id, height: h });
  st.log.advance(TIMING.magnetMoveS);
  if (st.actions !== null) recordAction(st, { kind: 'moduleSetPoint', moduleId: m.id, target: 'magnetHeight', value: h, seconds: TIMING.magnetMoveS });
  st.log.after();
}

export function magneticDisengage(st: EngineState, moduleId: string): void {
  const m = expect(st, moduleId, 'magneticModuleType');
  st.log.before('command.MAGDECK_DISENGAGE', 'Disengaging Magnetic Module');
  applyUpdate(st, { type: 'module/magnetMoved', moduleId: m.id, height: 0 });
  st.log.advance(TIMING.magnetMoveS);
  if (st.actions !== null) recordAction(st, { kind: 'moduleSetPoint', moduleId: m.id, target: 'magnetHeight', value: 0, seconds: TIMING.magnetMoveS });
  st.log.after();
}

export function magneticCalibrate(st: EngineState, moduleId: string): void {
  const m = expect(st, moduleId, 'magneticModuleType');
  st.log.before('command.MAGDECK_CALIBRATE', 'Calibrating Magnetic Module');
  st.refuseRemoved('MagneticModuleContext.calibrate');
  st.log.advance(TIMING.magnetMoveS * 2);
  if (st.actions !== null) recordAction(st, { kind: 'magnetCalibrate', moduleId: m.id, seconds: TIMING.magnetMoveS * 2 });
  logWarning(st, 'module_contexts', '`MagneticModuleContext.calibrate` doesn\'t do anything useful and will be removed in Protocol API version 2.14 and higher.');
  st.log.after();
}

function pyNumLoose(x: number): string {
  return Number.isInteger(x) ? pyInt(x) : pyFloat(x);
}

/** A deactivated block (thermocycler, Heater-Shaker) has no target, no hold time, and is modeled back at ambient. */
export function idleBlock(st: EngineState, m: LoadedModule): void {
  applyUpdate(st, { type: 'module/temperatureDeactivated', moduleId: m.id });
}

/**
 * Puts a loaded module on the deck in its starting state (no targets, nothing held, latch
 * unknown): the one place every loader (the Python API's, the Protocol Engine's) builds a module.
 */
export function placeModule(
  st: EngineState,
  spec: ModuleSpec,
  slot: string,
  start: { contextClass: ModuleInfo['contextClass']; labwareOffset: Point; configuration: ModuleInfo['configuration']; temperature: number; lid: LoadedModule['lid'] },
): ModuleInfo {
  const id = issueId(st, 'module');
  const displayName = `${moduleName(st, spec)} on ${slot}`;
  const info: ModuleInfo = {
    moduleId: id,
    model: spec.model,
    type: spec.type,
    slot,
    displayName,
    contextClass: start.contextClass,
    labwareOffset: start.labwareOffset,
    configuration: start.configuration,
  };
  const mod: LoadedModule = {
    id,
    model: spec.model,
    spec,
    slot,
    displayName,
    configuration: start.configuration,
    labwareId: null,
    info,
    temperature: start.temperature,
    target: null,
    physTemp: TIMING.ambientC,
    reachAt: 0,
    height: 0,
    lid: start.lid,
    lidTemp: TIMING.ambientC,
    lidTarget: null,
    lidPhys: TIMING.ambientC,
    lidReachAt: 0,
    holdTime: null,
    latch: 'unknown',
    shakeRpm: null,
    totalCycleCount: null,
    totalStepCount: null,
  };
  applyUpdate(st, { type: 'module/loaded', module: mod });
  applyUpdate(st, { type: 'labware/moduleSetOnDeck', moduleId: id, slotName: slot });
  return info;
}

/** Loads a Heater-Shaker into a slot the caller has checked; its labware sits on its plate. */
export function loadHeaterShaker(st: EngineState, slot: string): ModuleInfo {
  const spec = st.defs.module('heaterShakerModuleV1', false);
  if (spec === null) throw pyError('PythonException', 'KeyError: heaterShakerModuleV1');
  // In slots 3, 6 and 9 the module is turned round: its labware offset is mirrored in x and y.
  const turned = spec.slotXTransform[slot] !== undefined;
  const off = turned ? { x: -spec.labwareOffset.x, y: -spec.labwareOffset.y, z: spec.labwareOffset.z } : { ...spec.labwareOffset };
  return placeModule(st, spec, slot, { contextClass: 'HeaterShakerContext', labwareOffset: off, configuration: null, temperature: TIMING.ambientC, lid: 'open' });
}
