// `Labware.set_offset(x, y, z)`: the labware's calibration offset from its nominal place. It
// replaces any earlier offset (not added to it), and every position of the labware moves with it:
// its wells, its origin, its highest point. Robot software 7.5.0 has it at 2.12–2.13 (legacy core)
// and again from 2.18 (an engine labware offset for the labware's definition and place).
import { buildLabware, labwareInfo } from './labware.ts';
import type { LabwareState } from './labware.ts';
import type { EngineState } from './state.ts';
import type { LabwareInfo, Point } from './types.ts';

/** The offset each labware was given, per run (none: zero). */
const offsets = new WeakMap<EngineState, Map<string, Point>>();

function offsetOf(st: EngineState, labwareId: string): Point {
  return offsets.get(st)?.get(labwareId) ?? { x: 0, y: 0, z: 0 };
}

/**
 * Moves the labware to its nominal place plus `offset`. Its state objects are updated in place,
 * since pipettes and the location cache hold them (the labware moved, it is not a new one).
 */
export function setLabwareOffset(st: EngineState, labwareId: string, offset: Point): LabwareInfo {
  const lw = st.lw(labwareId);
  const before = offsetOf(st, labwareId);
  const c = lw.def.cornerOffsetFromSlot;
  const nominalParent = { x: lw.origin.x - before.x - c.x, y: lw.origin.y - before.y - c.y, z: lw.origin.z - before.z - c.z };
  const parentPoint = { x: nominalParent.x + offset.x, y: nominalParent.y + offset.y, z: nominalParent.z + offset.z };
  // Only the geometry of the rebuilt labware is taken (names stay the labware's own).
  const moved = buildLabware(lw.id, lw.def, lw.label, lw.slot, lw.moduleId, lw.parentDisplay, parentPoint, false);
  relocate(lw, moved);
  let table = offsets.get(st);
  if (table === undefined) offsets.set(st, (table = new Map()));
  table.set(labwareId, { ...offset });
  st.highestZCache = null;
  return labwareInfo(lw);
}

/** The geometry of `moved` onto the labware's own state objects. */
function relocate(lw: LabwareState, moved: LabwareState): void {
  Object.assign(lw, { origin: moved.origin, highestZ: moved.highestZ, info: null });
  lw.wells.forEach((w, i) => Object.assign(w, { top: moved.wells[i].top }));
}
