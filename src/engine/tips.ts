// Tip tracking and tip commands: per-rack tip state, tip selection for a pipette, pick-up,
// drop and return.
import { labwareUri } from '../definitions/index.ts';
import type { PipetteSpec } from '../definitions/index.ts';
import { nextLabwareDropPoint } from './addressable-areas.ts';
import { requireNoTip, requireTip } from './engine-errors.ts';
import { pyError } from './errors.ts';
import { nextTip, type LabwareState, type WellState } from './labware.ts';
import { applyUpdate } from './stores/index.ts';
import { argRepr, fromTarget, locString, wellBottom, wellTop } from './locations.ts';
import { recordAction } from './actions.ts';
import { move } from './motion.ts';
import { tipAttachError } from './coded-errors.ts';
import { preparePlunger } from './pipetting.ts';
import type { ResolvedLocation, EngineState, LoadedPipette } from './state.ts';
import { TIMING } from './timing.ts';
import type { AnyLocationArg } from './types.ts';
import { logWarning } from './log-records.ts';

const PICK_UP_TYPE_ERROR =
  'If specified, location should be an instance of types.Location (e.g. the return value from ' +
  'tiprack.wells()[0].top()) or a Well (e.g. tiprack.wells()[0]. However, it is a ';

/** Tips taken from (`present: false`) or put back into a rack: from `start` down its column, `channels` wells or to its end. */
function setTips(st: EngineState, lw: LabwareState, start: WellState, channels: number, present: boolean): void {
  applyUpdate(st, { type: 'labware/tipsSet', labwareId: lw.id, wellName: start.name, channels, present });
}

/** `Labware.reset()`: every tip back. */
export function labwareReset(st: EngineState, labwareId: string): void {
  const lw = st.lw(labwareId);
  // The Protocol Engine runtime refuses what the legacy one silently skipped.
  if (!lw.isTiprack && st.has('engineCore')) throw pyError('TypeError', `${lw.displayName} is not a tip rack.`);
  applyUpdate(st, { type: 'labware/tipRackRefilled', labwareId: lw.id });
}

/**
 * `Labware.tip_length`: the definition's (a setter may have changed it). The Protocol Engine
 * runtime refuses labware that is not a tip rack; the legacy one raised Python's KeyError.
 */
export function labwareTipLength(st: EngineState, labwareId: string): number {
  const lw = st.lw(labwareId);
  const length = lw.def.parameters.tipLength;
  if (typeof length === 'number') return length;
  if (st.has('engineCore')) {
    throw pyError('LabwareIsNotTipRackError', `Error 4000 GENERAL_ERROR (LabwareIsNotTipRackError): Labware ${lw.id} has no tip length defined.`);
  }
  throw pyError('KeyError', "'tipLength'");
}

/** `Labware.next_tip(num_tips, starting_tip)` → well name or null. */
export function labwareNextTip(st: EngineState, labwareId: string, numTips: number, startingWell: string | null): string | null {
  const lw = st.lw(labwareId);
  if (!lw.isTiprack) return null;
  const start = startingWell === null ? null : st.wellOf(lw, startingWell);
  return nextTip(lw, numTips, start)?.name ?? null;
}

/** `Labware.use_tips(start_well, num_channels)`. */
export function labwareUseTips(st: EngineState, labwareId: string, wellName: string, numChannels: number): void {
  const lw = st.lw(labwareId);
  if (lw.isTiprack) setTips(st, lw, st.wellOf(lw, wellName), numChannels, false);
}

/** `Labware.return_tips(start_well, num_channels)`. */
export function labwareReturnTips(st: EngineState, labwareId: string, wellName: string, numChannels: number): void {
  const lw = st.lw(labwareId);
  if (lw.isTiprack) setTips(st, lw, st.wellOf(lw, wellName), numChannels, true);
}

/** `Labware.previous_tip(num_tips)`: the last well of the last used run, or null. */
export function labwarePreviousTip(st: EngineState, labwareId: string, numTips: number): string | null {
  const lw = st.lw(labwareId);
  if (!lw.isTiprack) return null;
  for (let ci = lw.columns.length - 1; ci >= 0; ci--) {
    const col = lw.columns[ci];
    let r = col.length - 1;
    while (r >= 0 && lw.hasTip[col[r]] === 1) r--;
    let run = 0;
    while (r - run >= 0 && lw.hasTip[col[r - run]] === 0) run++;
    if (run > 0 && run >= numTips) return lw.wells[col[r]].name;
  }
  return null;
}

export function wellHasTip(st: EngineState, labwareId: string, wellName: string): boolean {
  const lw = st.lw(labwareId);
  const w = st.wellOf(lw, wellName);
  return lw.isTiprack && lw.hasTip[w.index] === 1;
}

export function setWellHasTip(st: EngineState, labwareId: string, wellName: string, value: boolean): void {
  const lw = st.lw(labwareId);
  const w = st.wellOf(lw, wellName);
  if (lw.isTiprack) setTips(st, lw, w, 1, value);
}

/** `pipette.starting_tip = well` (or null). */
export function setStartingTip(st: EngineState, pipetteId: string, well: { labwareId: string; wellName: string } | null): void {
  st.pipette(pipetteId);
  let tip: { labwareId: string; wellName: string } | null = null;
  if (well !== null) {
    // An unknown labware or well fails here, before the change (the store resolves the same ids).
    const lw = st.lw(well.labwareId);
    tip = { labwareId: lw.id, wellName: st.wellOf(lw, well.wellName).name };
  }
  applyUpdate(st, { type: 'pipette/startingTipSet', pipetteId, tip });
}

/** `pipette.reset_tipracks()`: every rack refilled, starting tip cleared. */
export function resetTipracks(st: EngineState, pipetteId: string): void {
  const p = st.pipette(pipetteId);
  for (const id of p.tipRacks) if (st.labware.has(id)) applyUpdate(st, { type: 'labware/tipRackRefilled', labwareId: id });
  applyUpdate(st, { type: 'pipette/startingTipSet', pipetteId, tip: null });
}

/** `next_available_tip(starting_tip, tip_racks, channels)` → rack and well, or null. */
export function nextAvailableTip(st: EngineState, pipetteId: string): { labwareId: string; wellName: string } | null {
  return tipAsRef(findNextTip(st, st.pipette(pipetteId)));
}

/**
 * `labware.next_available_tip(starting_tip, tip_racks, channels)` called by a protocol with racks,
 * start and channels of its own (not a pipette's): the same search over the given racks.
 */
export function nextAvailableTipIn(
  st: EngineState,
  tipRackIds: readonly string[],
  startingTip: { labwareId: string; wellName: string } | null,
  channels: number,
): { labwareId: string; wellName: string } | null {
  const racks = tipRackIds.map((id) => st.lw(id));
  let start: { lw: LabwareState; well: WellState } | null = null;
  if (startingTip !== null) {
    const lw = st.lw(startingTip.labwareId);
    if (!racks.includes(lw)) return null;
    start = { lw, well: st.wellOf(lw, startingTip.wellName) };
  }
  return tipAsRef(searchTipRacks(racks, start, channels));
}

export function findNextTip(st: EngineState, p: LoadedPipette): { lw: LabwareState; well: WellState } | null {
  const racks = p.tipRacks.map((id) => st.labware.get(id)).filter((x): x is LabwareState => x !== undefined);
  return searchTipRacks(racks, p.startingTip, p.spec.channels);
}

/** The first rack (from the starting tip's on) with `channels` tips in a column from its next tip. */
function searchTipRacks(
  racks: readonly LabwareState[],
  startingTip: { lw: LabwareState; well: WellState } | null,
  channels: number,
): { lw: LabwareState; well: WellState } | null {
  let startIdx = 0;
  let start: WellState | null = null;
  if (startingTip) {
    startIdx = racks.indexOf(startingTip.lw);
    if (startIdx < 0) return null;
    start = startingTip.well;
  }
  for (let i = startIdx; i < racks.length; i++) {
    const well = nextTip(racks[i], channels, i === startIdx ? start : null);
    if (well) return { lw: racks[i], well };
  }
  return null;
}

function tipAsRef(found: { lw: LabwareState; well: WellState } | null): { labwareId: string; wellName: string } | null {
  return found ? { labwareId: found.lw.id, wellName: found.well.name } : null;
}

export function checkTipRackMatch(st: EngineState, spec: PipetteSpec, rack: LabwareState): void {
  if (rack.def.namespace !== 'opentrons') return;
  const vol = rack.wells[0]?.maxVolume ?? 0;
  const size = Number(/^p(\d+)/.exec(spec.name)?.[1] ?? 0);
  const ok =
    size === 10 || size === 20
      ? vol === 10 || vol === 20
      : size === 50 || size === 300
        ? vol === 200 || vol === 300 || (size === 50 && vol === 50 && st.has('release7'))
        : vol === 1000;
  if (!ok) logWarning(st, 'instrument', `The pipette ${spec.name} and its tip rack ${rack.def.parameters.loadName} appear to be mismatched. Please check your protocol.`);
}

export function pickUpTip(
  st: EngineState,
  pipetteId: string,
  location: AnyLocationArg | null,
  presses: number | null,
  increment: number | null,
  prepAfter: boolean | null = null,
): void {
  const p = st.pipette(pipetteId);
  if (prepAfter !== null && !st.has('moduleLocationsRefused')) {
    throw pyError('APIVersionError', `prep_after is only available in API 2.13 and newer, but you are using API ${st.apiLevel[0]}.${st.apiLevel[1]}.`);
  }
  const { lw, w } = st.has('release7') ? tipToPickUpRelease7(st, p, location) : tipToPickUp(st, p, location);
  if (!lw.isTiprack) throw pyError('AssertionError', `${lw.displayName} is not a tiprack`);
  checkTipRackMatch(st, p.spec, lw);
  st.log.before('command.PICK_UP_TIP', 'Picking up tip from ' + w.displayName);
  move(st, p, wellTop(lw, w));
  // From 2.14 the engine refuses it (a failed command); below, the Python API does.
  if (st.has('engineCore')) requireNoTip(p);
  if (p.hasTip) throw st.has('release7') ? tipAttachError('pick_up_tip', p) : pyError('TipAttachedError', 'Cannot pick up tip with a tip attached');
  const n = presses ?? p.spec.pickUpPresses;
  const seconds = TIMING.pickUpTipS + Math.max(0, n - 1) * 0.5 + (increment ?? 0) * 0;
  st.log.advance(seconds);
  if (st.actions !== null) recordTipPress(st, p, n, increment, seconds);
  const overlap = p.spec.tipOverlap[labwareUri(lw.def)] ?? p.spec.tipOverlap.default ?? 0;
  applyUpdate(st, {
    type: 'pipette/tipAttached',
    pipetteId,
    tip: { labwareId: lw.id, wellName: w.name },
    tipLength: (lw.def.parameters.tipLength ?? p.spec.fallbackTipLength) - overlap,
    tipCapacity: Math.min(p.spec.maxVolume, w.maxVolume),
    z: w.top.z,
  });
  setTips(st, lw, w, p.spec.channels, false);
  // From 2.13 the plunger is prepared right after the pick-up unless `prep_after=False`.
  if (st.has('moduleLocationsRefused') && prepAfter !== false) preparePlunger(st, p);
  st.log.after();
}

/** 4.7.0's choice of the tip a pick-up takes. */
function tipToPickUp(st: EngineState, p: LoadedPipette, location: AnyLocationArg | null): { lw: LabwareState; w: WellState } {
  let lw: LabwareState;
  let w: WellState;
  if (location === null) {
    const found = findNextTip(st, p);
    if (!found) throw pyError('OutOfTipsError', '');
    lw = found.lw;
    w = found.well;
  } else if (location.kind === 'well') {
    lw = st.lw(location.labwareId);
    w = st.wellOf(lw, location.wellName);
  } else if (location.kind === 'location' && location.ref.kind === 'labware') {
    lw = st.lw(location.ref.labwareId);
    const t = lw.isTiprack ? nextTip(lw, p.spec.channels, null) : null;
    if (!t) throw pyError('OutOfTipsError', '');
    w = t;
  } else if (location.kind === 'location' && location.ref.kind === 'well') {
    lw = st.lw(location.ref.labwareId);
    w = st.wellOf(lw, location.ref.wellName);
  } else {
    throw pyError('TypeError', PICK_UP_TYPE_ERROR + argRepr(st, location));
  }
  if (!lw.isTiprack) throw pyError('AssertionError', `${lw.displayName} is not a tiprack`);
  return { lw, w };
}

/**
 * 7.5.0's choice (from 2.12): a tip rack (`Labware`, or a `Location` in one) gives its next tip
 * even if it is not among the pipette's racks; anything not in a rack is refused by load name.
 */
function tipToPickUpRelease7(st: EngineState, p: LoadedPipette, location: AnyLocationArg | null): { lw: LabwareState; w: WellState } {
  if (location === null) {
    const found = findNextTip(st, p);
    if (!found) throw pyError('OutOfTipsError', '');
    return { lw: found.lw, w: found.well };
  }
  const rack = (lw: LabwareState): LabwareState => {
    if (!lw.isTiprack) throw pyError('ValueError', `Labware ${lw.def.parameters.loadName} is not a tip rack.`);
    return lw;
  };
  const nextIn = (lw: LabwareState): { lw: LabwareState; w: WellState } => {
    const t = nextTip(rack(lw), p.spec.channels, null);
    if (!t) throw pyError('OutOfTipsError', '');
    return { lw, w: t };
  };
  if (location.kind === 'well') {
    const lw = rack(st.lw(location.labwareId));
    return { lw, w: st.wellOf(lw, location.wellName) };
  }
  if (location.kind === 'labware') return nextIn(st.lw(location.labwareId));
  if (location.kind === 'location' && location.ref.kind === 'well') {
    const lw = rack(st.lw(location.ref.labwareId));
    return { lw, w: st.wellOf(lw, location.ref.wellName) };
  }
  if (location.kind === 'location' && location.ref.kind === 'labware') return nextIn(st.lw(location.ref.labwareId));
  throw pyError(
    'TypeError',
    'If specified, location should be an instance of `types.Location` (e.g. the return value from `Well.top()`),  `Labware` or `Well` (e.g. `tiprack.wells()[0]`). However, it is ' +
      argRepr(st, location),
  );
}

/**
 * `pipette.drop_tip(location, home_after)`; no location = the pipette's trash. From 2.15 tips
 * dropped there without a location alternate between two spots in the fixed trash (right of its
 * centre, then left). Answers whether this drop alternated.
 */
export function dropTip(st: EngineState, pipetteId: string, location: AnyLocationArg | null, homeAfter: boolean): boolean {
  const p = st.pipette(pipetteId);
  let target: ResolvedLocation;
  let alternated = false;
  if (location === null) {
    const trash = st.lw(p.trashId);
    target = wellTop(trash, trash.wells[0]);
    if (st.has('labwareMovement') && trash.fixedTrash) {
      target = { ...target, point: nextLabwareDropPoint(st, trash.id, target.point) };
      alternated = true;
    }
  } else if (location.kind === 'well') {
    const lw = st.lw(location.labwareId);
    const w = st.wellOf(lw, location.wellName);
    if (lw.fixedTrash) target = wellTop(lw, w);
    else if (!st.has('dropTipAtReturnHeight')) target = wellBottom(lw, w, 10);
    else {
      // The Protocol Engine runtime drops into any well: at its top when it is not a tip rack.
      if (!lw.isTiprack && st.has('engineCore')) target = wellTop(lw, w);
      else if (!lw.isTiprack) throw pyError('AssertionError', st.has('release7') ? 'Expected tip drop target to be a tip rack.' : '');
      else target = wellTop(lw, w, -p.spec.returnTipHeight * (lw.def.parameters.tipLength ?? 0));
    }
  } else if (location.kind === 'location') {
    if (location.ref.kind !== 'well') {
      const given = location.ref.kind === 'none' ? 'None' : locString(st, location.ref, location.point);
      throw pyError(
        'TypeError',
        st.has('release7')
          ? 'If a location is specified as a `types.Location` (for instance, as the result of a call to `Well.top()`), it must be a location relative to a well, since that is where a tip is dropped. However, the given location refers to ' + given
          : 'If a location is specified as a types.Location (for instance, as the result of a call to tiprack.wells()[0].top()) it must be a location relative to a well, since that is where a tip is dropped. The passed location, however, is in reference to ' + given,
      );
    }
    target = fromTarget(st, location);
  } else if (st.has('release7')) {
    throw pyError(
      'TypeError',
      'If specified, location should be an instance of `types.Location` (e.g. the return value from `Well.top()`) or `Well` (e.g. `tiprack.wells()[0]`). However, it is ' +
        argRepr(st, location),
    );
  } else {
    throw pyError('TypeError', PICK_UP_TYPE_ERROR + argRepr(st, location));
  }
  st.log.before('command.DROP_TIP', 'Dropping tip into ' + (target.well ? target.well.displayName : locString(st, target.ref, target.point)));
  move(st, p, target);
  if (st.has('engineCore')) requireTip(p);
  if (!p.hasTip && st.has('release7')) {
    // 7.5.0's legacy core drops nothing and raises nothing.
    st.log.after();
    return alternated;
  }
  if (!p.hasTip) throw pyError('NoTipAttachedError', 'Cannot perform DROPTIP without a tip attached');
  if (!st.has('dropTipAtReturnHeight') && target.lw?.isTiprack && target.well) setTips(st, target.lw, target.well, p.spec.channels, true);
  ejectTip(st, p, homeAfter);
  st.log.after();
  return alternated;
}

/** The tip comes off where the pipette is: the eject's time (and the plunger home), and the pipette without a tip. */
export function ejectTip(st: EngineState, p: LoadedPipette, homeAfter: boolean): void {
  const seconds = TIMING.dropTipS + (homeAfter ? TIMING.plungerHomeS : 0);
  st.log.advance(seconds);
  if (st.actions !== null) recordTipEject(st, p, homeAfter, seconds);
  applyUpdate(st, { type: 'pipette/tipDropped', pipetteId: p.id });
}

export function returnTip(st: EngineState, pipetteId: string, homeAfter: boolean): void {
  const p = st.pipette(pipetteId);
  st.log.before('command.RETURN_TIP', 'Returning tip');
  if (!p.hasTip) logWarning(st, 'instrument_context', 'Pipette has no tip to return');
  const last = p.lastTip;
  if (!last) throw pyError('TypeError', 'Last tip location should be a Well but it is: None');
  const target = st.has('returnTipAtReturnHeight')
    ? wellTop(last.lw, last.well, -p.spec.returnTipHeight * (last.lw.def.parameters.tipLength ?? 0))
    : wellBottom(last.lw, last.well, 10);
  dropTip(st, pipetteId, { kind: 'location', point: target.point, ref: target.ref }, homeAfter);
  st.log.after();
}

/** The pick-up presses as the pipette's definition gives them (`increment` overrides its own). */
function recordTipPress(st: EngineState, p: LoadedPipette, presses: number, increment: number | null, seconds: number): void {
  const { pickUpDistance, pickUpIncrement, pickUpSpeed } = p.spec;
  recordAction(st, { kind: 'tipPress', mount: p.mount, presses, distanceMm: pickUpDistance, incrementMm: increment ?? pickUpIncrement, speedMmPerS: pickUpSpeed, seconds });
}

/** The eject; the plunger ends at the bottom, or homed at the top. */
function recordTipEject(st: EngineState, p: LoadedPipette, homesPlunger: boolean, seconds: number): void {
  recordAction(st, { kind: 'tipEject', mount: p.mount, speedMmPerS: p.spec.dropTipSpeed, homesPlunger, seconds });
  applyUpdate(st, { type: 'pipette/plungerMoved', pipetteId: p.id, mm: homesPlunger ? p.spec.plunger.top : p.spec.plunger.bottom });
}
