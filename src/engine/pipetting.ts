// Liquid handling: aspirate, dispense, mix, blow-out, touch-tip and air gap, with the liquid
// ledger bookkeeping across a multichannel's wells.
import { checkAspirateVolume, requireTip } from './engine-errors.ts';
import { pyError } from './errors.ts';
import { isAdapter } from './labware.ts';
import type { ProtocolApiError } from './errors.ts';
import type { LabwareState, WellState } from './labware.ts';
import { argRepr, fromTarget, locString, samePoint, sameRef, wellBottom, wellTop } from './locations.ts';
import { recordAction } from './actions.ts';
import { cachedLocation, move, moveTo, touchedTip } from './motion.ts';
import { noTip } from './coded-errors.ts';
import { plungerSpeed, recordPlungerMove, recordPlungerVolume } from './plunger.ts';
import { pyFloat, pyNum, pyValue } from './pyfloat.ts';
import type { ResolvedLocation, EngineState, LoadedPipette } from './state.ts';
import { TIMING } from './timing.ts';
import type { AnyLocationArg, PyNum } from './types.ts';
import { logWarning } from './log-records.ts';
import { applyUpdate } from './stores/index.ts';

export function checkTakesLiquid(st: EngineState, c: ResolvedLocation, action: 'aspirate' | 'dispense'): void {
  if (!st.has('liquidOnlyInWells')) return;
  // From 2.15 an adapter holds labware, not liquid (one text for both commands).
  if (c.lw !== null && st.has('labwareMovement') && isAdapter(c.lw.def)) throw pyError('ValueError', 'Cannot aspirate/dispense to an adapter');
  if (st.has('release7')) {
    // 7.5.0 refuses only a target inside a tip rack; any other location is taken as it is.
    if ((c.ref.kind === 'well' || c.ref.kind === 'labware') && c.lw?.isTiprack) throw pyError('ValueError', 'Cannot aspirate/dispense to a tip rack');
    return;
  }
  switch (c.ref.kind) {
    case 'well':
      if (c.lw?.isTiprack) throw pyError('RuntimeError', `Cannot ${action} a tiprack`);
      return;
    case 'none':
      throw pyError('AttributeError', "'NoneType' object has no attribute 'parent'");
    case 'slot':
      throw pyError('AttributeError', "'str' object has no attribute 'parent'");
    default:
      throw pyError('AttributeError', "'str' object has no attribute 'is_tiprack'");
  }
}

type PlungerCommand = 'aspirate' | 'dispense' | 'blow out';

/** The command the original's "called without an explicit location" text suggests before this one. */
const MOVING_COMMAND: Record<PlungerCommand, string> = { aspirate: 'dispense', dispense: 'aspirate', 'blow out': 'dispense' };

/**
 * Where a plunger command acts: the location cache when no location is given (the original
 * refuses if nothing has moved yet), a well at the point this command uses (aspirate: bottom +
 * aspirate clearance; dispense: bottom + dispense clearance, or the top of the trash; blow-out:
 * the top), or the given Location as is.
 */
function commandTarget(st: EngineState, p: LoadedPipette, location: AnyLocationArg | null, command: PlungerCommand): ResolvedLocation {
  if (location === null) {
    // The Protocol Engine runtime keeps the last location per mount: another pipette's is none.
    const here = cachedLocation(st);
    if (!here || (st.lastMount !== p.mount && st.lastMount !== null && st.has('engineCore') && !st.protocolEngine)) {
      throw pyError(
        'RuntimeError',
        `If ${command} is called without an explicit location, another method that moves to a location (such as move_to or ${MOVING_COMMAND[command]}) must previously have been called so the robot knows where it is.`,
      );
    }
    return here;
  }
  if (location.kind === 'well') {
    const lw = st.lw(location.labwareId);
    if (command === 'blow out' && lw.isTiprack) logWarning(st, 'instrument_context', 'Blow_out being performed on a tiprack. Please re-check your code');
    const w = st.wellOf(lw, location.wellName);
    if (command === 'aspirate') return wellBottom(lw, w, p.aspirateClearance);
    if (command === 'dispense') return lw.fixedTrash ? wellTop(lw, w) : wellBottom(lw, w, p.dispenseClearance);
    return wellTop(lw, w);
  }
  if (location.kind === 'location') return fromTarget(st, location);
  if (st.has('release7') && command !== 'blow out') {
    throw pyError('LocationTypeError', `location should be a Well, Location, TrashBin or WasteChute, but it is ${argRepr(st, location)}`);
  }
  throw pyError('TypeError', `location should be a Well or Location, but it is ${argRepr(st, location)}`);
}

/**
 * What an aspirate without a volume takes: what the tip still holds room for. The Python API's
 * Protocol Engine runtime (2.14) knows no available volume while nothing is aspirated, so there it
 * takes 0 µL from an empty tip.
 */
function availableVolume(st: EngineState, p: LoadedPipette): number {
  if (p.currentVolume === 0 && st.has('engineCore') && !st.protocolEngine) return 0;
  return (p.hasTip ? p.tipCapacity : p.spec.maxVolume) - p.currentVolume;
}

/**
 * The volume a plunger command was given, or null for "the default" (all there is room for, all
 * there is). Up to 2.15 a volume of 0 meant the default too; from 2.16 it means 0 µL.
 */
function givenVolume(st: EngineState, volume: number | null): number | null {
  if (st.has('trashBin') && !st.protocolEngine) return volume;
  return volume ? volume : null;
}

/** The engine's refusal to dispense more than the tip holds (from 2.17 in the Python API). */
export function invalidDispenseVolume(volume: number, held: number): ProtocolApiError {
  return pyError('InvalidDispenseVolumeError', `Cannot dispense ${pyFloat(volume)} µL when only ${held === 0 ? '0' : pyFloat(held)} µL has been aspirated.`);
}

/**
 * 4.7.0 prepares the plunger and moves before it publishes the entry; 7.5.0 (from 2.12) publishes
 * first and moves inside the step, so a missing tip fails after the entry, with the coded error.
 */
export function aspirate(st: EngineState, pipetteId: string, volume: number | null, location: AnyLocationArg | null, rate: number): void {
  const p = st.pipette(pipetteId);
  const dest = commandTarget(st, p, location, 'aspirate');
  checkTakesLiquid(st, dest, 'aspirate');
  refuseModuleLocation(st, p, location);
  const moveFirst = !st.has('release7');
  if (moveFirst) approachAspirate(st, p, dest);
  const vol = givenVolume(st, volume) ?? availableVolume(st, p);
  const flow = rate * p.aspirateFlowRate;
  const entry = st.log.before(
    'command.ASPIRATE',
    'Aspirating ' + pyFloat(vol) + ' uL from ' + (dest.well ? dest.well.displayName : locString(st, dest.ref, dest.point)) + ' at ' + pyFloat(flow) + ' uL/sec',
  );
  // From 2.14 the engine's aspirate command refuses a missing tip or too much (a failed command).
  if (st.has('engineCore')) {
    requireTip(p);
    checkAspirateVolume(p, vol);
  }
  if (!moveFirst) approachAspirate(st, p, dest);
  if (!p.hasTip) throw missingTip(st, p, 'ASPIRATE');
  const after = p.currentVolume + vol;
  if (after > p.workingVolume + 1e-9) throw pyError('AssertionError', 'Cannot aspirate more than pipette max volume');
  if (after > p.tipCapacity + 1e-9) applyUpdate(st, { type: 'liquid/tipOverCapacity', volume: after, tipCapacity: p.tipCapacity, commandIndex: entry.index, well: dest.well?.displayName });
  if (vol > 0) {
    const seconds = vol / flow;
    st.log.advance(seconds);
    if (st.actions !== null) recordPlungerVolume(st, p, after, flow, 'aspirate', seconds);
    ledgerOp(st, p, dest, vol, entry.index, true);
  }
  applyUpdate(st, { type: 'pipette/volumeSet', pipetteId: p.id, volume: after });
  // Aspirating from a well resets the plunger: the engine knows the volume again (blow-outs in place).
  if (st.blownOut.has(p.id)) applyUpdate(st, { type: 'pipette/volumeUnknownSet', pipetteId: p.id, unknown: false });
  st.log.after();
}

/**
 * The moves before an aspirate: with an empty tip, to the well's top to prepare the plunger
 * (unless it is still ready, from 2.3) and down to the target; otherwise to the target unless
 * the pipette is already there.
 */
function approachAspirate(st: EngineState, p: LoadedPipette, dest: ResolvedLocation): void {
  if (p.currentVolume === 0) {
    if (!st.has('aspirateKeepsReadyPlunger') || !p.ready) {
      if (dest.well && dest.lw) move(st, p, wellTop(dest.lw, dest.well));
      if (!p.hasTip) throw missingTip(st, p, 'PREPARE_ASPIRATE');
      preparePlunger(st, p);
    }
    move(st, p, dest);
  } else if (!st.cache || !samePoint(dest.point, st.cache.point) || !sameRef(dest.ref, st.cache.ref)) {
    move(st, p, dest);
  }
}

/** An aspirate step without a tip: 4.7.0's NoTipAttachedError, the coded error from 2.12. */
function missingTip(st: EngineState, p: LoadedPipette, action: 'ASPIRATE' | 'PREPARE_ASPIRATE'): ProtocolApiError {
  return noTip(st, action, pyError('NoTipAttachedError', `Cannot perform ${action} without a tip attached`), p);
}

export function dispense(st: EngineState, pipetteId: string, volume: number | null, location: AnyLocationArg | null, rate: number): void {
  const p = st.pipette(pipetteId);
  const dest = commandTarget(st, p, location, 'dispense');
  checkTakesLiquid(st, dest, 'dispense');
  refuseModuleLocation(st, p, location);
  // 7.5.0 moves inside the published step: a failed move leaves the entry.
  const moveFirst = location !== null && !st.has('release7');
  if (moveFirst) move(st, p, dest);
  const vol = givenVolume(st, volume) ?? p.currentVolume;
  const flow = rate * p.dispenseFlowRate;
  const entry = st.log.before(
    'command.DISPENSE',
    'Dispensing ' + pyFloat(vol) + ' uL into ' + (dest.well ? dest.well.displayName : locString(st, dest.ref, dest.point)) + ' at ' + pyFloat(flow) + ' uL/sec',
  );
  if (location !== null && !moveFirst) move(st, p, dest);
  if (!p.hasTip) throw noTip(st, 'DISPENSE', pyError('NoTipAttachedError', 'Cannot perform DISPENSE without a tip attached'), p);
  if (st.has('dispenseVolumeChecked') && vol > p.currentVolume + 1e-9) throw invalidDispenseVolume(vol, p.currentVolume);
  const dispensed = Math.min(vol, p.currentVolume);
  if (dispensed > 0) {
    const seconds = dispensed / flow;
    st.log.advance(seconds);
    if (st.actions !== null) recordPlungerVolume(st, p, p.currentVolume - dispensed, flow, 'dispense', seconds);
    ledgerOp(st, p, dest, dispensed, entry.index, false);
  }
  const left = p.currentVolume - dispensed;
  applyUpdate(st, { type: 'pipette/volumeSet', pipetteId: p.id, volume: left < 1e-12 ? 0 : left });
  st.log.after();
}

/** Seconds the plunger takes to its bottom, ready to aspirate. */
const PREPARE_S = 0.3;

/** Moves the plunger to the bottom, ready to aspirate. */
export function preparePlunger(st: EngineState, p: LoadedPipette): void {
  st.log.advance(PREPARE_S);
  if (st.actions !== null) recordPlungerMove(st, p, p.spec.plunger.bottom, plungerSpeed(p, p.blowOutFlowRate, 'aspirate'), PREPARE_S);
  applyUpdate(st, { type: 'pipette/plungerPrepared', pipetteId: p.id });
}

/**
 * From 2.13 a Location tied to a module context is refused for aspirate and dispense, once the
 * pipette has moved there (the move is published).
 */
function refuseModuleLocation(st: EngineState, p: LoadedPipette, location: AnyLocationArg | null): void {
  if (location?.kind !== 'location' || location.ref.kind !== 'module' || location.ref.context === undefined) return;
  if (!st.has('moduleLocationsRefused')) return;
  moveTo(st, p.id, location);
  throw pyError('ValueError', 'Cannot aspirate/dispense directly to a module');
}

/** Ledger bookkeeping for one plunger action, across the channels' wells. */
export function ledgerOp(st: EngineState, p: LoadedPipette, dest: ResolvedLocation, vol: number, index: number, aspirate: boolean): void {
  const lw = dest.lw;
  const well = dest.well;
  if (!lw || !well || lw.fixedTrash || lw.isTiprack) return;
  const channels = p.spec.channels;
  if (channels === 1) return record(st, aspirate, lw, well, vol, index);
  const col = lw.columns[well.column];
  // Every channel enters the same well (reservoirs) or the column is short: all in this well.
  if (lw.centerMultichannel || col.length < channels) return record(st, aspirate, lw, well, vol * channels, index);
  const step = col.length >= channels * 2 ? 2 : 1;
  for (let c = 0, r = well.rowInColumn; c < channels && r < col.length; c++, r += step) {
    record(st, aspirate, lw, lw.wells[col[r]], vol, index);
  }
}

function record(st: EngineState, aspirate: boolean, lw: LabwareState, well: WellState, vol: number, index: number): void {
  if (aspirate) applyUpdate(st, { type: 'liquid/aspirated', labwareId: lw.id, wellName: well.name, slot: lw.slot, well: well.displayName, volume: vol, commandIndex: index });
  else applyUpdate(st, { type: 'liquid/dispensed', labwareId: lw.id, wellName: well.name, slot: lw.slot, well: well.displayName, capacity: well.maxVolume, volume: vol, commandIndex: index });
}

export function mix(st: EngineState, pipetteId: string, repetitions: PyNum, volume: number | null, location: AnyLocationArg | null, rate: number): void {
  const p = st.pipette(pipetteId);
  if (!p.hasTip) throw noTip(st, 'mix', pyError('NoTipAttachedError', 'Pipette has no tip. Aborting mix()'), p);
  const shown = givenVolume(st, volume) ?? availableVolume(st, p);
  st.log.before('command.MIX', `Mixing ${pyNum(repetitions)} times with a volume of ${pyFloat(shown)} ul`);
  aspirate(st, pipetteId, volume, location, rate);
  const reps = pyValue(repetitions);
  for (let i = 1; i < reps; i++) {
    dispense(st, pipetteId, volume, null, rate);
    aspirate(st, pipetteId, volume, null, rate);
  }
  dispense(st, pipetteId, volume, null, rate);
  st.log.after();
}

export function blowOut(st: EngineState, pipetteId: string, location: AnyLocationArg | null): void {
  const p = st.pipette(pipetteId);
  const loc = commandTarget(st, p, location, 'blow out');
  if (location !== null) move(st, p, loc);
  const entry = st.log.before('command.BLOW_OUT', 'Blowing out at ' + locString(st, loc.ref, loc.point));
  if (!p.hasTip) throw noTip(st, 'BLOWOUT', pyError('NoTipAttachedError', 'Cannot perform BLOWOUT without a tip attached'), p);
  st.log.advance(TIMING.blowOutS);
  if (st.actions !== null) recordPlungerMove(st, p, p.spec.plunger.blowout, plungerSpeed(p, p.blowOutFlowRate, 'dispense'), TIMING.blowOutS);
  // What is left in the tip ends up where the blow-out happens.
  if (p.currentVolume > 0) ledgerOp(st, p, loc, p.currentVolume, entry.index, false);
  applyUpdate(st, { type: 'pipette/blownOut', pipetteId: p.id });
  st.log.after();
}

export function touchTip(
  st: EngineState,
  pipetteId: string,
  location: AnyLocationArg | null,
  radius: number,
  vOffset: number,
  speed: number,
): void {
  const p = st.pipette(pipetteId);
  st.log.before('command.TOUCH_TIP', 'Touching tip');
  if (!p.hasTip) throw noTip(st, 'touch_tip', pyError('NoTipAttachedError', 'Pipette has no tip to touch_tip()'), p);
  const min = st.has('touchTipV2') ? 1 : 20;
  const s = Math.min(80, Math.max(min, speed));
  let lw: LabwareState;
  let w: WellState;
  if (location === null) {
    const here = cachedLocation(st);
    if (!here) throw pyError('RuntimeError', 'No valid current location cache present');
    if (!here.well || !here.lw) {
      throw pyError('TypeError', `location should be a Well, but it is ${here.lw ? here.lw.displayName : locString(st, here.ref, here.point)}`);
    }
    lw = here.lw;
    w = here.well;
  } else if (location.kind === 'well') {
    lw = st.lw(location.labwareId);
    w = st.wellOf(lw, location.wellName);
  } else {
    throw pyError('TypeError', `location should be a Well, but it is ${argRepr(st, location)}`);
  }
  if (lw.touchTipDisabled) {
    st.log.after();
    return;
  }
  move(st, p, st.has('touchTipV2') ? wellTop(lw, w, vOffset) : wellTop(lw, w));
  const halfX = ((w.diameter ?? w.xDim ?? 0) / 2) * radius;
  const halfY = ((w.diameter ?? w.yDim ?? 0) / 2) * radius;
  let path = 0;
  let at = { x: 0, y: 0 };
  for (const e of touchTipEdges(st, p, lw, w)) {
    const to = { x: e[0] * halfX, y: e[1] * halfY };
    path += Math.hypot(to.x - at.x, to.y - at.y);
    at = to;
  }
  st.log.advance(path / s);
  if (st.actions !== null) recordTouchTip(st, p, lw, w, halfX, halfY, vOffset, s, path / s);
  touchedTip(st, wellTop(lw, w, vOffset));
  st.log.after();
}

/** The gantry action of `touch_tip`: from the well's centre to each edge in turn, at the touch speed. */
function recordTouchTip(st: EngineState, p: LoadedPipette, lw: LabwareState, w: WellState, halfX: number, halfY: number, vOffset: number, speed: number, seconds: number): void {
  const centre = wellTop(lw, w, vOffset).point;
  const waypoints = touchTipEdges(st, p, lw, w).map((e) => ({ x: centre.x + e[0] * halfX, y: centre.y + e[1] * halfY, z: centre.z }));
  recordAction(st, { kind: 'gantryMove', mount: p.mount, waypoints, speeds: { x: speed, y: speed, z: speed }, seconds });
}

/**
 * Edge points of `touch_tip` as unit offsets from the well centre (util.py `build_edges`):
 * right, left, back, front below 2.4; from 2.4 the centre comes between left and back, and one
 * side is skipped where the pipette's other nozzle could hit a neighbour: the left pipette in
 * the last column of labware in slot 3/6/9 or beside a module on its right skips the right edge;
 * the right pipette in the first column beside a module on its left skips the left edge.
 */
export function touchTipEdges(st: EngineState, p: LoadedPipette, lw: LabwareState, w: WellState): [number, number][] {
  const right: [number, number] = [1, 0];
  const left: [number, number] = [-1, 0];
  const center: [number, number] = [0, 0];
  const back: [number, number] = [0, 1];
  const front: [number, number] = [0, -1];
  if (!st.has('touchTipV2')) return [right, left, back, front];
  const lastCol = w.column === lw.columns.length - 1;
  const firstCol = w.column === 0;
  const slot = Number(lw.slot);
  const neighbour = (delta: number): boolean => {
    const sameRow = Math.floor((slot - 1) / 3) === Math.floor((slot - 1 + delta) / 3);
    const item = sameRow ? st.deck.get(String(slot + delta)) : undefined;
    return item?.kind === 'module';
  };
  if (p.mount === 'left' && lastCol && (['3', '6', '9'].includes(lw.slot) || neighbour(1))) return [left, center, back, front];
  if (p.mount === 'right' && firstCol && neighbour(-1)) return [right, center, back, front];
  return [right, left, center, back, front];
}

export function airGap(st: EngineState, pipetteId: string, volume: number | null, height: number | null): void {
  const p = st.pipette(pipetteId);
  st.log.before('command.AIR_GAP', 'Air gap');
  if (!p.hasTip) throw noTip(st, 'air_gap', pyError('NoTipAttachedError', 'Pipette has no tip. Aborting air_gap'), p);
  const h = height ?? 5;
  const c = cachedLocation(st);
  if (!c || !c.well || !c.lw) throw pyError('RuntimeError', 'No previous Well cached to perform air gap');
  move(st, p, wellTop(c.lw, c.well, h));
  aspirate(st, pipetteId, volume, null, 1);
  st.log.after();
}
