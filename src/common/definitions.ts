// Shapes of the definitions every layer speaks of: deck points, mounts, module models and labware
// definitions (schema 2, as @opentrons/shared-data ships them; only the fields Labwright reads are typed).

export type MountName = 'left' | 'right';

export interface Point {
  x: number;
  y: number;
  z: number;
}

export type ModuleModel =
  | 'magneticModuleV1'
  | 'magneticModuleV2'
  | 'temperatureModuleV1'
  | 'temperatureModuleV2'
  | 'thermocyclerModuleV1'
  /** JSON v6–8 and the Python API from 2.12 (4.7.0 knew no Heater-Shaker). */
  | 'heaterShakerModuleV1'
  /** JSON v6–8 and the Python API from 2.12 (4.7.0 knew no thermocycler GEN2). */
  | 'thermocyclerModuleV2';

export type ModuleType = 'magneticModuleType' | 'temperatureModuleType' | 'thermocyclerModuleType' | 'heaterShakerModuleType';

/** A labware definition (schema 2); only the fields the engine reads are typed. */
export interface LabwareDefinition {
  schemaVersion?: number;
  version: number;
  namespace: string;
  metadata: { displayName: string; displayCategory?: string; [k: string]: unknown };
  parameters: {
    loadName: string;
    format?: string;
    isTiprack: boolean;
    tipLength?: number;
    tipOverlap?: number;
    isMagneticModuleCompatible?: boolean;
    magneticModuleEngageHeight?: number;
    quirks?: string[];
    [k: string]: unknown;
  };
  cornerOffsetFromSlot: Point;
  ordering: string[][];
  dimensions: { xDimension: number; yDimension: number; zDimension: number };
  wells: Record<string, WellDefinition>;
  /** `adapter`, `labware`, ...: what the labware may be used as (an adapter takes labware on a module). */
  allowedRoles?: string[];
  /** How far this labware sinks into each labware it may stand on, by the lower one's load name. */
  stackingOffsetWithLabware?: Record<string, Point>;
  [k: string]: unknown;
}

export interface WellDefinition {
  depth: number;
  x: number;
  y: number;
  z: number;
  totalLiquidVolume: number;
  shape: 'circular' | 'rectangular';
  diameter?: number;
  xDimension?: number;
  yDimension?: number;
}
