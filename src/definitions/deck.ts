// OT-2 deck slots from deck/definitions/3/ot2_standard.json (spec §5).
import type { ModuleType, Point } from '../common/index.ts';
import { readSharedJson } from './read.ts';

export interface SlotSpec {
  id: string;
  position: Point;
  xDimension: number;
  yDimension: number;
  compatibleModuleTypes: readonly ModuleType[];
}

interface RawSlot {
  id: string;
  position: [number, number, number];
  boundingBox: { xDimension: number; yDimension: number };
  compatibleModuleTypes: string[];
}

let slots: ReadonlyMap<string, SlotSpec> | null = null;

/** The OT-2 standard deck definition as shipped (slots, fixtures and its drawing layers). */
export function ot2DeckDefinition(): Record<string, unknown> {
  return readSharedJson('deck', 'definitions', '3', 'ot2_standard.json') as Record<string, unknown>;
}

export function deckSlots(): ReadonlyMap<string, SlotSpec> {
  if (slots === null) {
    const def = readSharedJson('deck', 'definitions', '3', 'ot2_standard.json') as {
      locations: { orderedSlots: RawSlot[] };
    };
    const m = new Map<string, SlotSpec>();
    for (const s of def.locations.orderedSlots) {
      m.set(s.id, {
        id: s.id,
        position: { x: s.position[0], y: s.position[1], z: s.position[2] },
        xDimension: s.boundingBox.xDimension,
        yDimension: s.boundingBox.yDimension,
        compatibleModuleTypes: s.compatibleModuleTypes.filter(
          (t): t is ModuleType =>
            t === 'magneticModuleType' || t === 'temperatureModuleType' || t === 'thermocyclerModuleType' || t === 'heaterShakerModuleType',
        ),
      });
    }
    slots = m;
  }
  return slots;
}
