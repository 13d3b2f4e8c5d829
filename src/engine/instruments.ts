// Pipettes: loading, their info and state, and their settings (flow rates, speeds, clearances,
// tip racks, trash), plus homing a pipette.
import { ulPerMm } from '../definitions/index.ts';
import { fixedTrash } from './deck.ts';
import { hasTrashBin, TRASH_BIN_ID } from './trash-bin.ts';
import { homedZ } from './motion.ts';
import { pyError } from './errors.ts';
import { MOUNTS, type EngineState } from './state.ts';
import { recordAction } from './actions.ts';
import { TIMING } from './timing.ts';
import { checkTipRackMatch } from './tips.ts';
import type { MountName, PipetteInfo, PipetteState } from './types.ts';
import { issueId } from './ids.ts';
import { applyUpdate } from './stores/index.ts';
import type { NewPipette } from './updates/pipettes.ts';

/** The pipette models 7.5.0 simulates (the newest of each name); the repr shows them. */
const SIMULATED_MODELS_7: Readonly<Record<string, string>> = {
  p10_single: 'p10_single_v1.5',
  p10_multi: 'p10_multi_v1.6',
  p50_single: 'p50_single_v1.5',
  p50_multi: 'p50_multi_v1.5',
  p300_single: 'p300_single_v1.5',
  p300_multi: 'p300_multi_v1.5',
  p1000_single: 'p1000_single_v1.5',
  p20_single_gen2: 'p20_single_v2.2',
  p20_multi_gen2: 'p20_multi_v2.1',
  p300_single_gen2: 'p300_single_v2.1',
  p300_multi_gen2: 'p300_multi_v2.1',
  p1000_single_gen2: 'p1000_single_v2.2',
};

/**
 * 7.5.0's checks (from 2.12), in its order: the lower-cased name, the mount, an occupied mount,
 * then each tip rack. The Python layer has already refused a missing mount or one of the wrong type.
 */
function checkLoadRelease7(st: EngineState, name: string, mount: string, replace: boolean): void {
  if (st.defs.pipette(name) === null) throw pyError('ValueError', `Cannot resolve ${name} to pipette, must be given valid pipette name.`);
  const m = mount.toLowerCase();
  if (m !== 'left' && m !== 'right') {
    throw pyError('InvalidPipetteMountError', `If mount is specified as a string, it must be 'left' or 'right'; instead, ${mount} was given.`);
  }
  const existing = st.byMount[m];
  if (existing && !replace) throw pyError('RuntimeError', `Instrument already present on ${m}: ${existing.spec.name}`);
}

export function loadInstrument(
  st: EngineState,
  requestedName: string,
  mount: string,
  tipRackIds: readonly string[] | null,
  replace: boolean,
  /** The protocol's id for it (JSON v6–8); the engine still issues one, as it counts loads. */
  givenId?: string,
): PipetteInfo {
  const instrumentName = st.has('release7') ? requestedName.toLowerCase() : requestedName;
  if (st.has('release7')) checkLoadRelease7(st, instrumentName, mount, replace);
  const m = mount.toLowerCase();
  if (m !== 'left' && m !== 'right') {
    throw pyError(
      'ValueError',
      `If mount is specified as a string, it should be either'left' or 'right' (ignoring capitalization, which the system strips), not ${mount}`,
    );
  }
  const existing = st.byMount[m];
  if (existing && !replace) {
    throw pyError('RuntimeError', `Instrument already present in ${m} mount: ${existing.requestedAs}`);
  }
  const spec = st.defs.pipette(instrumentName);
  if (!spec) throw pyError('RuntimeError', `${instrumentName} is not a valid pipette name`);
  const racks = (tipRackIds ?? []).map((id) => st.lw(id));
  for (const rack of racks) {
    if (!rack.isTiprack) throw st.has('release7') ? pyError('ValueError', `Labware ${rack.def.parameters.loadName} is not a tip rack.`) : pyError('AssertionError', '');
    checkTipRackMatch(st, spec, rack);
  }
  const flows = spec.defaultFlowRates(st.apiLevel);
  const issuedId = issueId(st, 'pipette');
  const pip: NewPipette = {
    id: givenId ?? issuedId,
    mount: m,
    requestedAs: instrumentName,
    tipRacks: racks.map((r) => r.id),
    // Schema 8 JSON loads its trash (if any) after its pipettes: the id it will have, by convention.
    trashId: st.protocolEngine && st.deck.get('12') === undefined ? 'fixedTrash' : fixedTrash(st),
    aspirateFlowRate: flows.aspirate,
    dispenseFlowRate: flows.dispense,
    blowOutFlowRate: flows.blowOut,
    aspirateClearance: 1,
    dispenseClearance: 1,
    defaultSpeed: TIMING.gantrySpeed,
    hasTip: false,
    currentVolume: 0,
    workingVolume: spec.maxVolume,
    tipCapacity: spec.maxVolume,
    tipLength: 0,
    ready: false,
    z: TIMING.mountHomeZ + spec.nozzleOffset[2],
    plungerMm: spec.plunger.top,
  };
  // Under the Protocol Engine's rules a second pipette on a mount does not unload the first (§7.1).
  const replacedId = existing && !st.protocolEngine ? existing.id : null;
  applyUpdate(st, { type: 'pipette/loaded', pipette: pip, pipetteName: spec.name, replacedId });
  return pipetteInfo(st, pip.id);
}

export function pipetteInfo(st: EngineState, pipetteId: string): PipetteInfo {
  const p = st.pipette(pipetteId);
  return {
    pipetteId: p.id,
    mount: p.mount,
    name: p.spec.name,
    model: st.has('release7') ? (SIMULATED_MODELS_7[p.spec.name] ?? p.spec.model) : p.spec.model,
    requestedAs: p.requestedAs,
    channels: p.spec.channels,
    type: p.spec.channels > 1 ? 'multi' : 'single',
    displayName: p.spec.displayName,
    minVolume: p.spec.minVolume,
    maxVolume: p.spec.maxVolume,
    returnTipHeight: p.spec.returnTipHeight,
    tipRackIds: [...p.tipRacks],
    trashId: p.trashId,
  };
}

export function pipetteState(st: EngineState, pipetteId: string): PipetteState {
  const p = st.pipette(pipetteId);
  const upm = (action: 'aspirate' | 'dispense') => ulPerMm(p.spec.ulPerMm[action], p.spec.maxVolume);
  return {
    currentVolume: p.currentVolume,
    hasTip: p.hasTip,
    workingVolume: p.hasTip ? p.tipCapacity : p.spec.maxVolume,
    availableVolume: (p.hasTip ? p.tipCapacity : p.spec.maxVolume) - p.currentVolume,
    flowRate: { aspirate: p.aspirateFlowRate, dispense: p.dispenseFlowRate, blowOut: p.blowOutFlowRate },
    speed: {
      aspirate: round6(p.aspirateFlowRate / upm('aspirate')),
      dispense: round6(p.dispenseFlowRate / upm('dispense')),
      blowOut: round6(p.blowOutFlowRate / upm('dispense')),
    },
    wellBottomClearance: { aspirate: p.aspirateClearance, dispense: p.dispenseClearance },
    defaultSpeed: p.defaultSpeed,
    startingTip: p.startingTip ? { labwareId: p.startingTip.lw.id, wellName: p.startingTip.well.name } : null,
    tipRackIds: [...p.tipRacks],
    trashId: p.trashId,
    lastTipPickedUpFrom: p.lastTip ? { labwareId: p.lastTip.lw.id, wellName: p.lastTip.well.name } : null,
    tipLength: p.tipLength,
    readyToAspirate: p.ready,
  };
}

/** `ctx.loaded_instruments`: left first. */
export function loadedInstruments(st: EngineState): { mount: MountName; pipetteId: string }[] {
  const out: { mount: MountName; pipetteId: string }[] = [];
  for (const m of MOUNTS) {
    const p = st.byMount[m];
    if (p) out.push({ mount: m, pipetteId: p.id });
  }
  return out;
}

/** `flow_rate.aspirate = v` etc.; each value must be a number > 0. */
export function setFlowRate(st: EngineState, pipetteId: string, rates: { aspirate?: number; dispense?: number; blowOut?: number }): void {
  st.pipette(pipetteId);
  requirePositive(rates, 'flow rate should be a numerical value in ul/s');
  applyUpdate(st, { type: 'pipette/flowRatesSet', pipetteId, ...definedRates(rates) });
}

/** `speed.aspirate = mm/s` etc.; stored as flow rates (ul/mm at the pipette's max volume). */
export function setPlungerSpeed(st: EngineState, pipetteId: string, speeds: { aspirate?: number; dispense?: number; blowOut?: number }): void {
  const p = st.pipette(pipetteId);
  requirePositive(speeds, 'speed should be a numerical value in mm/s');
  const max = p.spec.maxVolume;
  const flow = (speed: number | undefined, table: 'aspirate' | 'dispense') => (speed === undefined ? undefined : round6(speed * ulPerMm(p.spec.ulPerMm[table], max)));
  const rates = { aspirate: flow(speeds.aspirate, 'aspirate'), dispense: flow(speeds.dispense, 'dispense'), blowOut: flow(speeds.blowOut, 'dispense') };
  applyUpdate(st, { type: 'pipette/flowRatesSet', pipetteId, ...definedRates(rates) });
}

/** The rates given, without absent keys (a recorded update holds only what was set). */
function definedRates(rates: { aspirate?: number; dispense?: number; blowOut?: number }): { aspirate?: number; dispense?: number; blowOut?: number } {
  const out: { aspirate?: number; dispense?: number; blowOut?: number } = {};
  if (rates.aspirate !== undefined) out.aspirate = rates.aspirate;
  if (rates.dispense !== undefined) out.dispense = rates.dispense;
  if (rates.blowOut !== undefined) out.blowOut = rates.blowOut;
  return out;
}

export function setWellBottomClearance(st: EngineState, pipetteId: string, clearance: { aspirate?: number; dispense?: number }): void {
  st.pipette(pipetteId);
  const given: { aspirate?: number; dispense?: number } = {};
  if (clearance.aspirate !== undefined) given.aspirate = clearance.aspirate;
  if (clearance.dispense !== undefined) given.dispense = clearance.dispense;
  applyUpdate(st, { type: 'pipette/clearancesSet', pipetteId, ...given });
}

export function setDefaultSpeed(st: EngineState, pipetteId: string, speed: number): void {
  st.pipette(pipetteId);
  applyUpdate(st, { type: 'pipette/defaultSpeedSet', pipetteId, speed });
}

export function setTipRacks(st: EngineState, pipetteId: string, tipRackIds: readonly string[]): void {
  st.pipette(pipetteId);
  applyUpdate(st, { type: 'pipette/tipRacksSet', pipetteId, tipRackIds: tipRackIds.map((id) => st.lw(id).id) });
}

export function setTrashContainer(st: EngineState, pipetteId: string, labwareId: string): void {
  st.pipette(pipetteId);
  const trashId = labwareId === TRASH_BIN_ID && hasTrashBin(st) ? TRASH_BIN_ID : st.lw(labwareId).id;
  applyUpdate(st, { type: 'pipette/trashSet', pipetteId, trashId });
}

/** `pipette.home()`: logged, homes this mount's Z and plunger. */
export function homePipette(st: EngineState, pipetteId: string): void {
  const p = st.pipette(pipetteId);
  st.log.before('command.HOME', `Homing pipette plunger on mount ${p.mount}`);
  st.log.advance(TIMING.homePipetteS);
  if (st.actions !== null) {
    recordAction(st, { kind: 'home', axes: p.mount, seconds: TIMING.homePipetteS });
    applyUpdate(st, { type: 'pipette/plungerMoved', pipetteId: p.id, mm: p.spec.plunger.top });
  }
  applyUpdate(st, { type: 'pipette/zSet', pipetteId: p.id, z: homedZ(p) });
  st.log.after();
}

/** `pipette.home_plunger()`: not logged. */
export function homePlunger(st: EngineState, pipetteId: string): void {
  const p = st.pipette(pipetteId);
  st.log.advance(TIMING.plungerHomeS);
  if (st.actions !== null) {
    recordAction(st, { kind: 'plungerHome', mount: p.mount, seconds: TIMING.plungerHomeS });
    applyUpdate(st, { type: 'pipette/plungerMoved', pipetteId: p.id, mm: p.spec.plunger.top });
  }
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Values come from Python unchecked, so a non-number must fail here with the original's text. */
function requirePositive(values: { aspirate?: number; dispense?: number; blowOut?: number }, message: string): void {
  for (const v of [values.aspirate, values.dispense, values.blowOut]) {
    if (v !== undefined && !(typeof v === 'number' && v > 0)) throw pyError('AssertionError', message);
  }
}

/**
 * The keys 7.5.0's hardware pipette dict adds to 4.7.0's (legacy core, spec A.4.2), from the
 * pipette's definition: its back-compatible names and tip overlaps (the OT-2's only data version
 * is `v0`).
 */
export function hwPipetteRelease7Keys(st: EngineState, pipetteId: string): Record<string, unknown> {
  const p = st.pipette(pipetteId);
  return {
    tip_overlap: { ...p.spec.tipOverlap },
    versioned_tip_overlap: { v0: { ...p.spec.tipOverlap } },
    back_compat_names: [...p.spec.backCompatNames],
  };
}
