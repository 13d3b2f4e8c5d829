// Changes to the protocol's liquids and the liquid ledger: liquids defined and loaded into wells,
// volumes aspirated from and dispensed into wells, and the ledger's warnings. Wells are named by
// labware id and well name; `slot` is their labware's slot at the time (the ledger reports a well
// with the slot it first saw it in), `well` the well's display name, as the warnings print it.
import type { EngineLiquid } from '../types.ts';

/** A Python protocol defined a liquid (`ctx.define_liquid`). */
export interface LiquidDefined {
  type: 'liquid/defined';
  liquid: EngineLiquid;
}

/** `loadLiquid`: volumes of a liquid put into wells of a labware (their content is known from then on). */
export interface LiquidLoaded {
  type: 'liquid/loaded';
  liquidId: string;
  labwareId: string;
  slot: string;
  volumeByWell: Record<string, number>;
}

/** `volume` µL was taken from a well, by the plunger command of run-log entry `commandIndex`. */
export interface LiquidAspirated {
  type: 'liquid/aspirated';
  labwareId: string;
  wellName: string;
  slot: string;
  well: string;
  volume: number;
  commandIndex: number;
}

/** `volume` µL was put into a well of `capacity` µL, by the plunger command of run-log entry `commandIndex`. */
export interface LiquidDispensed {
  type: 'liquid/dispensed';
  labwareId: string;
  wellName: string;
  slot: string;
  well: string;
  capacity: number;
  volume: number;
  commandIndex: number;
}

/** An aspirate brings the tip to `volume` µL, over its `tipCapacity` (a ledger warning). */
export interface TipOverCapacity {
  type: 'liquid/tipOverCapacity';
  volume: number;
  tipCapacity: number;
  commandIndex: number;
  well?: string;
}

export type LiquidUpdate = LiquidDefined | LiquidLoaded | LiquidAspirated | LiquidDispensed | TipOverCapacity;
