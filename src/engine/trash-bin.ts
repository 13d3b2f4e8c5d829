// The Python API's fixed trash from apiLevel 2.16: a `TrashBin`, the deck's fixed-trash fixture
// (the addressable area `fixedTrash`) instead of labware in slot 12. What identifies it across the
// bridge and in a pipette's trash, and whether a run has one. No dependencies on other modules'
// rules, so the deck, the instruments and the commands can all ask.
import type { EngineState } from './state.ts';
import type { Point } from './types.ts';

/** A pipette's trash (`trashId`) and `ctx.fixed_trash` when it is the trash bin, not labware. */
export const TRASH_BIN_ID = 'trashBin';

/** The addressable area the OT-2's trash bin is. */
export const TRASH_BIN_AREA = 'fixedTrash';

/** How run-log texts name it (`Dropping tip into Trash Bin on slot 12`). */
export const TRASH_BIN_TEXT = 'Trash Bin on slot 12';

/** A `TrashBin` passed as a location: `offset` from its default point (`TrashBin.top(x, y, z)`, 2.18). */
export interface TrashBinArg {
  kind: 'trashBin';
  offset: Point;
}

export function isTrashBin(location: unknown): location is TrashBinArg {
  return typeof location === 'object' && location !== null && (location as { kind?: unknown }).kind === 'trashBin';
}

/** Whether the run's fixed trash is a trash bin: Python protocols from 2.16 (JSON v6–8 load their own). */
export function hasTrashBin(st: EngineState): boolean {
  return st.has('trashBin') && !st.protocolEngine;
}
