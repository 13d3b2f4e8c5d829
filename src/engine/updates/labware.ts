// Changes to the labware and the deck: loads and moves, what stands in each slot, tips in tip
// racks, offsets and tip lengths, the addressable areas in use, custom labware noted.
import type { CustomLabwareUse } from '../../common/index.ts';
import type { LabwareState } from '../labware.ts';
import type { LabwareDefinition, Point } from '../types.ts';

/** Where a labware stands: a deck slot, a module, another labware (a stack, an adapter), or off the deck. */
export type LabwarePlace = { slotName: string } | { moduleId: string } | { labwareId: string } | 'offDeck';

/**
 * A labware record was put at `place`: a new load, or a labware rebuilt where it moved to (the
 * same id, its tips kept in the record). It replaces the record of that id, leaves any stack the
 * labware stood in, stands at its place (on a module: the module's labware), and its first place
 * on the deck is kept as its setup place.
 */
export interface LabwarePlaced {
  type: 'labware/placed';
  labware: LabwareState;
  place: LabwarePlace;
}

/**
 * The fixed trash, known before the run: in slot 12, or (`inSlot: false`, the trash bin from
 * 2.16) for its geometry only, on no slot.
 */
export interface FixedTrashPreloaded {
  type: 'labware/fixedTrashPreloaded';
  labware: LabwareState;
  inSlot: boolean;
}

/** A labware was taken off its place (before a move): off the labware under it, its module, or its slot. */
export interface LabwareLifted {
  type: 'labware/lifted';
  labwareId: string;
  from: { labwareId: string } | { moduleId: string } | { slotName: string };
}

/** `del ctx.deck[slot]` before 2.15: the deck forgets what stood there (the item itself stays usable). */
export interface SlotCleared {
  type: 'labware/slotCleared';
  slotName: string;
}

/** A module stands in a slot (loaded, or known under the protocol's id). */
export interface ModuleSetOnDeck {
  type: 'labware/moduleSetOnDeck';
  moduleId: string;
  slotName: string;
}

/** `ModuleContext.load_labware_object(labware)`: a loaded labware becomes the module's labware. */
export interface LabwareSetOnModule {
  type: 'labware/setOnModule';
  labwareId: string;
  moduleId: string;
}

/**
 * Tips taken from (`present: false`) or put back into (`present: true`) a tip rack: from
 * `wellName` down its column, `channels` wells or to the column's end.
 */
export interface TipsSet {
  type: 'labware/tipsSet';
  labwareId: string;
  wellName: string;
  channels: number;
  present: boolean;
}

/** Every tip of a rack back (`Labware.reset()`, `reset_tipracks()`). */
export interface TipRackRefilled {
  type: 'labware/tipRackRefilled';
  labwareId: string;
}

/** `Labware.set_offset(x, y, z)`: the calibration offset that replaces the previous one. */
export interface OffsetSet {
  type: 'labware/offsetSet';
  labwareId: string;
  offset: Point;
}

/** `labware.tip_length = x`: written into the labware's definition. */
export interface TipLengthSet {
  type: 'labware/tipLengthSet';
  labwareId: string;
  length: number;
}

/** A definition the protocol loaded labware from (≥ 2.14): later loads by name find it. */
export interface DefinitionAdded {
  type: 'labware/definitionAdded';
  definition: LabwareDefinition;
}

/** A custom labware the protocol loaded (each definition and request once). */
export interface CustomLabwareNoted {
  type: 'labware/customLabwareNoted';
  use: CustomLabwareUse;
}

/** A command that used an addressable area succeeded: its cutout now holds that fixture. */
export interface AreaUsed {
  type: 'labware/areaUsed';
  area: string;
}

/** An alternating tip drop went to this side of an area (or of a trash labware: `labware:<id>`). */
export interface DropSpotUsed {
  type: 'labware/dropSpotUsed';
  key: string;
  side: 'left' | 'right';
}

export type LabwareUpdate =
  | LabwarePlaced
  | FixedTrashPreloaded
  | LabwareLifted
  | SlotCleared
  | ModuleSetOnDeck
  | LabwareSetOnModule
  | TipsSet
  | TipRackRefilled
  | OffsetSet
  | TipLengthSet
  | DefinitionAdded
  | CustomLabwareNoted
  | AreaUsed
  | DropSpotUsed;
