// Resolving locations: plain bridge locations to labware/well objects, the texts the original
// prints for them, well top/bottom points and the location cache.
import type { LabwareState, WellState } from './labware.ts';
import { pyFloat } from './pyfloat.ts';
import type { ResolvedLocation, EngineState } from './state.ts';
import { applyUpdate } from './stores/index.ts';
import type { AnyLocationArg, LocationArg, LocationRef, Point } from './types.ts';

export function locString(st: EngineState, ref: LocationRef, point: Point): string {
  switch (ref.kind) {
    case 'well':
      return st.wellOf(st.lw(ref.labwareId), ref.wellName).displayName;
    case 'labware':
      return st.lw(ref.labwareId).displayName;
    case 'slot':
      return ref.slot;
    case 'module':
      return ref.context ?? st.module(ref.moduleId).displayName;
    case 'none':
      return ref.text ?? `(${pyFloat(point.x)}, ${pyFloat(point.y)}, ${pyFloat(point.z)})`;
  }
}

export function argRepr(st: EngineState, arg: AnyLocationArg): string {
  switch (arg.kind) {
    case 'other':
      return arg.repr;
    case 'labware':
      return st.lw(arg.labwareId).displayName;
    case 'well':
      return st.wellOf(st.lw(arg.labwareId), arg.wellName).displayName;
    case 'location':
      return `Location(point=Point(x=${pyFloat(arg.point.x)}, y=${pyFloat(arg.point.y)}, z=${pyFloat(arg.point.z)}), labware=${arg.ref.kind === 'none' ? '' : locString(st, arg.ref, arg.point)})`;
  }
}

export function toCache(st: EngineState, point: Point, ref: LocationRef): ResolvedLocation {
  if (ref.kind === 'well') {
    const lw = st.lw(ref.labwareId);
    return { point, ref, lw, well: st.wellOf(lw, ref.wellName) };
  }
  if (ref.kind === 'labware') return { point, ref, lw: st.lw(ref.labwareId), well: null };
  return { point, ref, lw: null, well: null };
}

/** `ctx.location_cache` as plain data (null when empty). */
export function locationCache(st: EngineState): LocationArg | null {
  return st.cache ? { kind: 'location', point: st.cache.point, ref: st.cache.ref } : null;
}

/** `ctx.location_cache = loc`: no mount is known, so from 2.10 no pipette plans from it. */
export function setLocationCache(st: EngineState, loc: LocationArg | null): void {
  // An unknown labware or well is Python's KeyError, as when the cache resolved them at once.
  if (loc !== null) toCache(st, loc.point, loc.ref);
  applyUpdate(st, { type: 'motion/locationCacheSet', location: loc === null ? null : { point: loc.point, ref: loc.ref } });
}

/** A point relative to a well's top or bottom centre: the one rule for `top(z)`, `bottom(z)` and offsets. */
export function wellPoint(well: { readonly top: Point; readonly depth: number }, origin: 'top' | 'bottom', offset: Point = ORIGIN): Point {
  if (origin === 'top' && offset === ORIGIN) return well.top;
  const base = origin === 'top' ? well.top.z : well.top.z - well.depth;
  return { x: well.top.x + offset.x, y: well.top.y + offset.y, z: base + offset.z };
}

const ORIGIN: Point = { x: 0, y: 0, z: 0 };

export function wellTop(lw: LabwareState, w: WellState, z = 0): ResolvedLocation {
  return { point: z === 0 ? w.top : wellPoint(w, 'top', { x: 0, y: 0, z }), ref: { kind: 'well', labwareId: lw.id, wellName: w.name }, lw, well: w };
}

export function wellBottom(lw: LabwareState, w: WellState, z: number): ResolvedLocation {
  return { point: wellPoint(w, 'bottom', { x: 0, y: 0, z }), ref: { kind: 'well', labwareId: lw.id, wellName: w.name }, lw, well: w };
}

export function fromTarget(st: EngineState, loc: LocationArg): ResolvedLocation {
  return toCache(st, loc.point, loc.ref);
}

export function samePoint(a: Point, b: Point): boolean {
  const close = (x: number, y: number) => Math.abs(x - y) <= Math.max(1e-5 * Math.max(Math.abs(x), Math.abs(y)), 1e-8);
  return close(a.x, b.x) && close(a.y, b.y) && close(a.z, b.z);
}

export function sameRef(a: LocationRef, b: LocationRef): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'well':
      return b.kind === 'well' && a.labwareId === b.labwareId && a.wellName === b.wellName;
    case 'labware':
      return b.kind === 'labware' && a.labwareId === b.labwareId;
    case 'slot':
      return b.kind === 'slot' && a.slot === b.slot;
    case 'module':
      return b.kind === 'module' && a.moduleId === b.moduleId;
    case 'none':
      return true;
  }
}
