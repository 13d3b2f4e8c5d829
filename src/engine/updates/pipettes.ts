// Changes to the loaded pipettes: loading one on a mount, its settings, its tip, what it holds,
// where its Z axis and plunger stand.
import type { LoadedPipette } from '../state-records.ts';

/** A tip or a tip's well, by ids: the store resolves the labware and well from the state. */
export interface WellRef {
  labwareId: string;
  wellName: string;
}

/**
 * A new pipette record as the update carries it: everything but its definition (named by
 * `pipetteName`, resolved by the store) and its tips (none yet).
 */
export type NewPipette = Omit<LoadedPipette, 'spec' | 'startingTip' | 'lastTip'>;

/** A pipette was loaded on its mount; `replacedId` is the pipette it unloaded there, if any. */
export interface PipetteLoaded {
  type: 'pipette/loaded';
  pipette: NewPipette;
  pipetteName: string;
  replacedId: string | null;
}

/** Flow rates (µL/s) set, from `flow_rate` or `speed`; an absent one is unchanged. */
export interface FlowRatesSet {
  type: 'pipette/flowRatesSet';
  pipetteId: string;
  aspirate?: number;
  dispense?: number;
  blowOut?: number;
}

/** `well_bottom_clearance` set; an absent one is unchanged. */
export interface ClearancesSet {
  type: 'pipette/clearancesSet';
  pipetteId: string;
  aspirate?: number;
  dispense?: number;
}

export interface DefaultSpeedSet {
  type: 'pipette/defaultSpeedSet';
  pipetteId: string;
  speed: number;
}

export interface TipRacksSet {
  type: 'pipette/tipRacksSet';
  pipetteId: string;
  tipRackIds: string[];
}

/** The pipette's trash: a labware's id, or the trash bin's. */
export interface TrashSet {
  type: 'pipette/trashSet';
  pipetteId: string;
  trashId: string;
}

export interface StartingTipSet {
  type: 'pipette/startingTipSet';
  pipetteId: string;
  tip: WellRef | null;
}

/** A tip was picked up from `tip`: the pipette holds nothing and stands at the tip's top (`z`). */
export interface TipAttached {
  type: 'pipette/tipAttached';
  pipetteId: string;
  tip: WellRef;
  tipLength: number;
  tipCapacity: number;
  z: number;
}

/** The tip came off: no tip, no liquid, the plunger no longer prepared. */
export interface TipDropped {
  type: 'pipette/tipDropped';
  pipetteId: string;
}

/** The tip holds `volume` µL after an aspirate or dispense. */
export interface VolumeSet {
  type: 'pipette/volumeSet';
  pipetteId: string;
  volume: number;
}

/** The plunger went to its bottom, ready to aspirate. */
export interface PlungerPrepared {
  type: 'pipette/plungerPrepared';
  pipetteId: string;
}

/** A blow-out: the tip is empty and the plunger no longer prepared. */
export interface BlownOut {
  type: 'pipette/blownOut';
  pipetteId: string;
}

/**
 * Whether the engine lost track of what the tip holds (a blow-out under the Protocol Engine's
 * rules, until an aspirate from a well, a preparation or a new tip).
 */
export interface VolumeUnknownSet {
  type: 'pipette/volumeUnknownSet';
  pipetteId: string;
  unknown: boolean;
}

/** The height of the pipette's critical point after a move, retract or home. */
export interface ZSet {
  type: 'pipette/zSet';
  pipetteId: string;
  z: number;
}

/** The plunger's position (mm), kept while hardware actions are recorded. */
export interface PlungerMoved {
  type: 'pipette/plungerMoved';
  pipetteId: string;
  mm: number;
}

export type PipetteUpdate =
  | PipetteLoaded
  | FlowRatesSet
  | ClearancesSet
  | DefaultSpeedSet
  | TipRacksSet
  | TrashSet
  | StartingTipSet
  | TipAttached
  | TipDropped
  | VolumeSet
  | PlungerPrepared
  | BlownOut
  | VolumeUnknownSet
  | ZSet
  | PlungerMoved;
