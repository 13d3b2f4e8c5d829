// Motion planning and its modeled time: arcs and direct moves, the labware height check, the
// thermocycler lid safety, `max_speeds` caps, `move_to`, `home`, and the engine's `retractAxis`.
import { recordAction } from './actions.ts';
import { highestZ, isThermocycler, tallestName } from './deck.ts';
import { thermocyclerNotOpen } from './engine-errors.ts';
import { keyError, pyError } from './errors.ts';
import { checkPythonMoveNearHeaterShaker, hasHeaterShaker } from './heater-shaker.ts';
import { argRepr, fromTarget, locString, toCache } from './locations.ts';
import { pyFloat } from './pyfloat.ts';
import type { CachedLocation, ResolvedLocation, EngineState, MaxSpeedAxis, LoadedModule, LoadedPipette } from './state.ts';
import { TIMING } from './timing.ts';
import type { AnyLocationArg, MountName, Point } from './types.ts';
import { applyUpdate } from './stores/index.ts';
import type { Moved } from './updates/motion.ts';

/**
 * `ctx.max_speeds` after a change: the whole mapping (axes `X`, `Y`, `Z` = left mount, `A` =
 * right mount, mm/s). Only the modeled clock sees it; values must be > 0.
 */
export function setMaxSpeeds(st: EngineState, speeds: Readonly<Partial<Record<string, number>>>): void {
  const next: Partial<Record<MaxSpeedAxis, number>> = {};
  for (const [key, value] of Object.entries(speeds)) {
    const axis = key.toUpperCase();
    if (axis !== 'X' && axis !== 'Y' && axis !== 'Z' && axis !== 'A') throw keyError(key);
    if (value === undefined) continue;
    if (!(typeof value === 'number' && value > 0)) throw pyError('AssertionError', 'max speeds should be numerical values in mm/s');
    next[axis] = value;
  }
  applyUpdate(st, { type: 'motion/maxSpeedsSet', speeds: next });
}

export function maxSpeedLimits(st: EngineState): Readonly<Partial<Record<MaxSpeedAxis, number>>> {
  return st.maxSpeeds;
}

/**
 * The highest point this pipette's critical point can reach (hardware `get_instrument_max_height`):
 * the mount's Z home for this pipette, minus the Z retract distance, plus the critical point's
 * offset (nozzle minus the attached tip's length). In today's deck coordinates (`nozzleOffset`),
 * which is what a calibrated robot reaches: runs, levels from 2.12 and the modeled arcs use it;
 * 4.7's analysis uses `analysisMaxHeight`.
 */
export function instrMaxHeight(p: LoadedPipette): number {
  return p.spec.homePosition - TIMING.zRetractDistance + (p.spec.nozzleOffset[2] - (p.hasTip ? p.tipLength : 0));
}

/** Where this pipette last moved to, as far as motion planning knows (per mount from 2.10). */
export function planningOrigin(st: EngineState, p: LoadedPipette): ResolvedLocation | null {
  if (st.cache === null) return null;
  if (st.has('arcsFromOwnMountOnly') && st.lastMount !== p.mount) return null;
  return cachedLocation(st);
}

/** The location cache with its labware and well (the state keeps them by id). */
export function cachedLocation(st: EngineState): ResolvedLocation | null {
  const c = st.cache;
  if (c === null) return null;
  if (c === memoCached && memoResolved !== null) return memoResolved;
  return toCache(st, c.point, c.ref);
}

/**
 * The cache entry the last `arrive` made, with the location it was made from: every move reads
 * the cache, and this spares the lookups. A memo, not state: the lookups would give the same
 * labware and well, since a labware is rebuilt only by a move, which forgets the cache.
 */
let memoCached: CachedLocation | null = null;
let memoResolved: ResolvedLocation | null = null;

/** Pipette `p` moved to `to`, its height now `z`: the gantry, the location cache, the last mount, the pipette's Z. */
export function arrive(st: EngineState, to: ResolvedLocation, p: LoadedPipette, z: number = to.point.z): void {
  const moved: Moved = { type: 'motion/moved', point: to.point, ref: to.ref, mount: p.mount, pipetteId: p.id, z };
  applyUpdate(st, moved);
  remember(moved, to);
}

/** `touch_tip` ended at `to` (the well's touch height): the location cache only. */
export function touchedTip(st: EngineState, to: ResolvedLocation): void {
  const location: CachedLocation = { point: to.point, ref: to.ref };
  applyUpdate(st, { type: 'motion/tipTouched', location });
  remember(location, to);
}

function remember(location: CachedLocation, resolved: ResolvedLocation): void {
  memoCached = location;
  memoResolved = resolved;
}

/** The engine no longer knows where the pipette is (an error mid-move, a retract, labware moved away). */
export function forgetLocation(st: EngineState): void {
  applyUpdate(st, { type: 'motion/locationForgotten' });
}

/** Moves the pipette (no run-log entry): thermocycler lid safety, height check, clock, cache. */
export function move(st: EngineState, p: LoadedPipette, to: ResolvedLocation, opts: { forceDirect?: boolean; minimumZHeight?: number | null; speed?: number | null } = {}): void {
  const from = planningOrigin(st, p);
  if (hasClosedThermocycler(st)) {
    const onTc = (c: ResolvedLocation | null) => c?.lw?.moduleId != null && isTcModule(st, st.modules.get(c.lw.moduleId));
    const tcMod = to.lw?.moduleId ? st.modules.get(to.lw.moduleId) : undefined;
    const fromMod = from?.lw?.moduleId ? st.modules.get(from.lw.moduleId) : undefined;
    if ((onTc(to) && tcMod?.lid !== 'open') || (onTc(from) && fromMod?.lid !== 'open')) {
      forgetLocation(st);
      if (st.has('engineCore')) throw thermocyclerNotOpen();
      throw pyError('RuntimeError', 'Cannot move to labware loaded in Thermocycler when lid is not fully open.');
    }
  }
  // JSON v6–8 commands checked their target before moving (checkReachable).
  if (!st.protocolEngine && hasHeaterShaker(st)) checkPythonMoveNearHeaterShaker(st, p, to);
  const minZ = opts.minimumZHeight ?? 0;
  const forceDirect = opts.forceDirect === true;
  if (analysisPlanning(st)) checkClearance(st, analysisMaxHeight(p), cachedLocation(st), to, forceDirect, minZ);
  else checkClearance(st, instrMaxHeight(p), from, to, forceDirect, minZ);
  const direct = isDirect(from, to, forceDirect, minZ);
  let travel = 0;
  if (!direct) travel = safeHeight(st, p, from, to, minZ);
  advanceMove(st, p, to.point, direct, travel, opts.speed ?? null);
  arrive(st, to, p);
}

/** A straight move: forced, or staying in the same well with no minimum height (planning.py). */
function isDirect(from: ResolvedLocation | null, to: ResolvedLocation, forceDirect: boolean, minZ: number): boolean {
  const sameWell = from !== null && from.well !== null && from.well === to.well && from.lw === to.lw;
  return forceDirect || (sameWell && !(minZ > 0));
}

/**
 * Whether the LabwareHeightError check follows 4.7's analysis: robot software 4.7.0 analyses an
 * upload with its fast simulation (`protocols/context/simulator/instrument_context.py`), which only
 * plans each move to catch planning errors, from the protocol-wide last location (whichever mount
 * moved there) and with the max height it cached when the pipette was loaded. Runs keep the
 * hardware-backed planning; levels from 2.12 keep the rule they had.
 */
function analysisPlanning(st: EngineState): boolean {
  return st.isSimulating && !st.protocolEngine && !st.has('release7');
}

/**
 * The max height 4.7's fast simulation caches at `load_instrument` (hardware
 * `get_instrument_max_height` with no tip yet, identity calibration): the mount's Z home minus the
 * retract distance plus the model offset's Z (`hardware_control/pipette.py` `critical_point` reads
 * `modelOffset`). P300 GEN2 172.15 − 2 + 4.45 = 174.6 mm, P20 GEN2 155.6, P1000 GEN2 195.29, GEN1
 * singles 205–238, GEN1 multis 192.2, P300 multi GEN2 164.27, P20 multi GEN2 148.15. A tip picked
 * up later does not lower it.
 */
export function analysisMaxHeight(p: LoadedPipette): number {
  return p.spec.homePosition - TIMING.zRetractDistance + p.spec.modelOffset[2];
}

/**
 * planning.py `_build_safe_height`'s refusal: an arc between different labware (or from an unknown
 * place) clears the deck's tallest item, and a pipette that cannot rise 1 mm above it raises
 * LabwareHeightError. Direct moves and arcs inside one labware never raise.
 */
function checkClearance(st: EngineState, limit: number, from: ResolvedLocation | null, to: ResolvedLocation, forceDirect: boolean, minZ: number): void {
  if (isDirect(from, to, forceDirect, minZ)) return;
  if (from !== null && to.lw !== null && to.lw === from.lw) return;
  const tallest = highestZ(st);
  if (tallest + TIMING.arcClearance <= limit || limit >= tallest + TIMING.minimumArcMargin) return;
  forgetLocation(st);
  throw pyError(
    'LabwareHeightError',
    `The ${tallestName(st, tallest)} has a total height of ${pyFloat(tallest)} mm, which is too tall for your current pipette configurations. The longest pipette on your robot can only be raised to ${pyFloat(limit)} mm above the deck. This may be because the labware is incorrectly defined, incorrectly calibrated, or physically too tall. This could also be caused by the pipette and its tipracks being mismatched. Please check your protocol, labware definitions and calibrations.`,
  );
}

/**
 * Arc height (planning.py `_build_safe_height`), capped at the pipette's max height; the
 * refusal is `checkClearance`'s, made before.
 */
export function safeHeight(st: EngineState, p: LoadedPipette, from: ResolvedLocation | null, to: ResolvedLocation, minZ: number): number {
  const maxH = instrMaxHeight(p);
  let toSafety: number;
  let fromSafety = 0;
  if (from !== null && to.lw !== null && to.lw === from.lw) {
    toSafety = (to.well ? to.well.top.z : to.lw.highestZ) + TIMING.inLabwareArcMargin;
    fromSafety = (from.well ? from.well.top.z : to.lw.highestZ) + TIMING.inLabwareArcMargin;
    if (Math.max(toSafety, fromSafety) > maxH) {
      toSafety = maxH;
      fromSafety = 0;
    }
  } else {
    toSafety = Math.min(highestZ(st) + TIMING.arcClearance, maxH);
  }
  return Math.max(to.point.z, p.z, toSafety, fromSafety, minZ);
}

/** Spends the modeled time of a move (straight, or rise / travel / descend, under `max_speeds`); the pipette's Z takes the target. */
export function advanceMove(st: EngineState, p: LoadedPipette, to: Point, direct: boolean, travel: number, speedArg: number | null): void {
  const speed = Math.min(speedArg ?? p.defaultSpeed, TIMING.gantrySpeed) || TIMING.gantrySpeed;
  const dx = Math.abs(to.x - st.gantry.x);
  const dy = Math.abs(to.y - st.gantry.y);
  const caps = st.maxSpeeds;
  const zCap = st.hasSpeedCaps ? caps[p.mount === 'left' ? 'Z' : 'A'] : undefined;
  let t: number;
  if (direct) {
    const dz = Math.abs(to.z - p.z);
    t = Math.sqrt(dx * dx + dy * dy + dz * dz) / speed;
    if (st.hasSpeedCaps) t = cappedTime(st, t, dx, dy, dz, zCap);
  } else {
    const rise = Math.max(0, travel - p.z);
    const fall = Math.max(0, travel - to.z);
    const zSpeed = zCap === undefined ? TIMING.zSpeed : Math.min(TIMING.zSpeed, zCap);
    let xy = Math.sqrt(dx * dx + dy * dy) / speed;
    if (st.hasSpeedCaps) xy = cappedTime(st, xy, dx, dy, 0, undefined);
    t = (rise + fall) / zSpeed + xy;
  }
  st.log.advance(t);
  if (st.actions !== null) recordMove(st, p, to, direct, travel, speed, t);
  // The gantry and the pipette's Z take the target with the location cache (`arrive`).
}

/**
 * The gantry action of a move (called before the gantry and `p.z` take the target): a straight
 * line to `to`, or up to `travel`, across, and down. Speeds are what the time model used, under
 * any `max_speeds` caps (a straight move's Z shares the move's speed; an arc's is the Z speed).
 */
function recordMove(st: EngineState, p: LoadedPipette, to: Point, direct: boolean, travel: number, speed: number, seconds: number): void {
  const { X, Y } = st.maxSpeeds;
  const zCap = st.maxSpeeds[p.mount === 'left' ? 'Z' : 'A'];
  const zSpeed = direct ? speed : TIMING.zSpeed;
  const speeds = {
    x: X === undefined ? speed : Math.min(speed, X),
    y: Y === undefined ? speed : Math.min(speed, Y),
    z: zCap === undefined ? zSpeed : Math.min(zSpeed, zCap),
  };
  const from = st.gantry;
  const waypoints = direct
    ? [{ ...to }]
    : [
        { x: from.x, y: from.y, z: travel },
        { x: to.x, y: to.y, z: travel },
        { ...to },
      ];
  recordAction(st, { kind: 'gantryMove', mount: p.mount, waypoints, speeds, seconds });
}

/** A move's time when no axis may exceed its `max_speeds` cap. */
export function cappedTime(st: EngineState, t: number, dx: number, dy: number, dz: number, zCap: number | undefined): number {
  const { X, Y } = st.maxSpeeds;
  let out = t;
  if (X !== undefined) out = Math.max(out, dx / X);
  if (Y !== undefined) out = Math.max(out, dy / Y);
  if (zCap !== undefined) out = Math.max(out, dz / zCap);
  return out;
}

function isTcModule(st: EngineState, m: LoadedModule | undefined): boolean {
  return m !== undefined && isThermocycler(st, m);
}

export function hasClosedThermocycler(st: EngineState): boolean {
  // Asked on every move: most runs have no module at all.
  if (st.modules.size === 0) return false;
  for (const m of st.modules.values()) if (isThermocycler(st, m) && m.lid !== 'open') return true;
  return false;
}

export function moveTo(
  st: EngineState,
  pipetteId: string,
  location: AnyLocationArg,
  opts: { forceDirect?: boolean; minimumZHeight?: number | null; speed?: number | null; publish?: boolean } = {},
): void {
  const p = st.pipette(pipetteId);
  const publish = opts.publish ?? true;
  if (publish) {
    const text =
      location.kind === 'location' ? locString(st, location.ref, location.point) : argRepr(st, location);
    st.log.before('command.MOVE_TO', 'Moving to ' + text);
  }
  if (location.kind !== 'location') {
    const cls = location.kind === 'well' ? 'Well' : location.kind === 'labware' ? 'Labware' : 'object';
    throw pyError('AttributeError', `'${cls}' object has no attribute 'point'`);
  }
  move(st, p, fromTarget(st, location), opts);
  if (publish) st.log.after();
}

/** `ctx.home()`: not logged; clears the location cache. */
export function home(st: EngineState): void {
  st.log.advance(TIMING.homeAllS);
  if (st.actions !== null) {
    recordAction(st, { kind: 'home', axes: 'all', seconds: TIMING.homeAllS });
    for (const p of st.pipettes.values()) applyUpdate(st, { type: 'pipette/plungerMoved', pipetteId: p.id, mm: p.spec.plunger.top });
  }
  // The Protocol Engine runtime (2.14) keeps the location cache across a home.
  if (!st.has('engineCore') || st.protocolEngine) applyUpdate(st, { type: 'motion/locationCacheSet', location: null });
  for (const p of st.pipettes.values()) applyUpdate(st, { type: 'pipette/zSet', pipetteId: p.id, z: homedZ(p) });
}

/** Height of the pipette's critical point with its mount homed (the tip hangs below the nozzle). */
export function homedZ(p: LoadedPipette): number {
  return TIMING.mountHomeZ + p.spec.nozzleOffset[2] - (p.hasTip ? p.tipLength : 0);
}

/**
 * The Protocol Engine's `retractAxis` (JSON v7–8): a mount's Z axis goes up to its home (the
 * pipette on it, if any, and the next move arcs from there). The gantry and plunger axes are
 * homed without modeled time.
 */
export function retractAxis(st: EngineState, axis: string): void {
  const mount: MountName | null = axis === 'leftZ' ? 'left' : axis === 'rightZ' ? 'right' : null;
  const p = mount === null ? null : st.byMount[mount];
  if (p === null) return;
  const top = homedZ(p);
  const seconds = Math.max(0, top - p.z) / TIMING.zSpeed;
  st.log.advance(seconds);
  if (st.actions !== null) recordAction(st, { kind: 'gantryMove', mount: p.mount, waypoints: [{ ...st.gantry, z: top }], speeds: { x: TIMING.zSpeed, y: TIMING.zSpeed, z: TIMING.zSpeed }, seconds });
  applyUpdate(st, { type: 'pipette/zSet', pipetteId: p.id, z: top });
  applyUpdate(st, { type: 'motion/retracted', gantry: { ...st.gantry, z: top } });
}
