// The OT-2 deck's addressable areas under the Protocol Engine's rules (JSON v8): the deck slots
// `1`–`12` and, on cutout 12 instead of slot 12, the fixed trash `fixedTrash`. The engine admits
// an area when it is first used; slot 12 and the fixed trash exclude each other (one fixture per
// cutout). Where a pipette goes over an area, and the alternating spots a tip is dropped at.
import { engineError } from './errors.ts';
import type { EngineState } from './state.ts';
import { applyUpdate } from './stores/index.ts';
import type { Point } from './types.ts';

/** The fixed trash area's top centre on the OT-2 deck (its fixture: 107.11 × 165.67 mm, 82 mm high, over slot 12). */
const FIXED_TRASH_TOP_CENTRE: Point = { x: 347.84, y: 351.5, z: 82 };

/** Where alternating tip drops land in the fixed trash: right of its centre, then left (robot software 7.5.0's spots). */
const DROP_SPOT_X: Readonly<Record<'left' | 'right', number>> = { right: 363.895, left: 331.785 };

/** How far those spots lie from the trash's centre. */
const DROP_SPOT_OFFSET = 16.055;

/** What each area is called in the engine's words (the fixture that provides it). */
function fixtureName(area: string): string {
  return area === 'fixedTrash' ? 'Slot 12/Fixed Trash' : `Slot ${area}`;
}

function isSlotArea(name: string): boolean {
  return /^(?:[1-9]|1[0-2])$/.test(name);
}

/** The area that excludes this one on the same cutout, if any. */
function rival(area: string): string | null {
  if (area === '12') return 'fixedTrash';
  if (area === 'fixedTrash') return '12';
  return null;
}

/** The engine's words for an area no cutout fixture of the OT-2's deck provides. */
export function notOnDeck(area: string): string {
  return `${area} is not provided by any cutout fixtures in deck definition ot2_standard`;
}

/**
 * Throws the engine's refusal when `area` is not on the OT-2 deck or cannot be used beside the
 * areas in use already: `AddressableAreaDoesNotExistError`, `IncompatibleAddressableAreaError`.
 */
export function checkArea(st: EngineState, area: string): void {
  if (!isSlotArea(area) && area !== 'fixedTrash') {
    throw engineError('AddressableAreaDoesNotExistError', notOnDeck(area));
  }
  const other = rival(area);
  if (other !== null && st.areasInUse.has(other)) {
    throw engineError('IncompatibleAddressableAreaError', `Cannot use ${fixtureName(area)}, not compatible with one or more of the following fixtures: ${fixtureName(other)}`);
  }
}

/** Notes that a command that used `area` succeeded: from now on its cutout holds that fixture. */
export function useArea(st: EngineState, area: string): void {
  applyUpdate(st, { type: 'labware/areaUsed', area });
}

/** The top centre of an area: a slot's centre at deck height, the fixed trash's top. */
export function areaTopCentre(st: EngineState, area: string): Point {
  if (area === 'fixedTrash') return { ...FIXED_TRASH_TOP_CENTRE };
  const slot = st.defs.slots().get(area);
  if (slot === undefined) throw engineError('AddressableAreaDoesNotExistError', notOnDeck(area));
  return { x: slot.position.x + slot.xDimension / 2, y: slot.position.y + slot.yDimension / 2, z: slot.position.z };
}

/**
 * The point of the next alternating tip drop over an area: in the fixed trash right of its centre
 * first, then left, and so on; any other area at its top centre.
 */
export function nextDropPoint(st: EngineState, area: string): Point {
  const centre = areaTopCentre(st, area);
  const next = st.lastDropSpot.get(area) === 'right' ? 'left' : 'right';
  applyUpdate(st, { type: 'labware/dropSpotUsed', key: area, side: next });
  return area === 'fixedTrash' ? { ...centre, x: DROP_SPOT_X[next] } : centre;
}

/**
 * The next alternating drop point in trash labware (a `dropTip` with `alternateDropLocation`):
 * the well's top centre moved right, then left, by the trash area's spot distance, per labware.
 */
export function nextLabwareDropPoint(st: EngineState, labwareId: string, topCentre: Point): Point {
  const key = `labware:${labwareId}`;
  const next = st.lastDropSpot.get(key) === 'right' ? 'left' : 'right';
  applyUpdate(st, { type: 'labware/dropSpotUsed', key, side: next });
  return { ...topCentre, x: topCentre.x + (next === 'right' ? DROP_SPOT_OFFSET : -DROP_SPOT_OFFSET) };
}
