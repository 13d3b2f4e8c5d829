// The store of the labware and the deck: the labware records, what stands in each slot, stacks,
// setup places, tips in tip racks, offsets and tip lengths, areas in use, custom labware noted.
// A labware keeps its record (pipettes' tips and the location cache name it) except where it is
// rebuilt on purpose (a move): tips, offsets and tip lengths change the record in place.
import type { EngineState } from '../state.ts';
import type { LabwareState, WellState } from '../labware.ts';
import type { LabwareUpdate } from '../updates/labware.ts';
import type { Point } from '../types.ts';
import type { UpdateHandlers } from './handlers.ts';
import { writable } from './writable.ts';

/** The deck's layout or a labware's height changed: memos of the deck (its highest point) are stale. */
function deckChanged(state: EngineState): void {
  writable(state).deckChanges += 1;
}

function tipsOf(lw: LabwareState): Uint8Array {
  return lw.hasTip as Uint8Array;
}

function setModuleLabware(state: EngineState, moduleId: string, labwareId: string | null): void {
  const mod = state.modules.get(moduleId);
  if (mod !== undefined) writable(mod).labwareId = labwareId;
}

export const labwareStore: UpdateHandlers<LabwareUpdate> = {
  'labware/placed'(state, { labware: lw, place }) {
    const st = writable(state);
    st.stackedOn.delete(lw.id);
    if (place !== 'offDeck') {
      if ('labwareId' in place) st.stackedOn.set(lw.id, place.labwareId);
      else if ('moduleId' in place) setModuleLabware(state, place.moduleId, lw.id);
      else st.deck.set(place.slotName, { kind: 'labware', lw });
      if (!st.setupPlaces.has(lw.id)) st.setupPlaces.set(lw.id, place);
    }
    st.labware.set(lw.id, lw);
    deckChanged(state);
  },
  'labware/fixedTrashPreloaded'(state, { labware: lw, inSlot }) {
    const st = writable(state);
    st.labware.set(lw.id, lw);
    if (inSlot) st.deck.set('12', { kind: 'labware', lw });
    deckChanged(state);
  },
  'labware/lifted'(state, { labwareId, from }) {
    const st = writable(state);
    if ('labwareId' in from) st.stackedOn.delete(labwareId);
    else if ('moduleId' in from) setModuleLabware(state, from.moduleId, null);
    else st.deck.delete(from.slotName);
    deckChanged(state);
  },
  'labware/slotCleared'(state, { slotName }) {
    writable(state).deck.delete(slotName);
    deckChanged(state);
  },
  'labware/moduleSetOnDeck'(state, { moduleId, slotName }) {
    writable(state).deck.set(slotName, { kind: 'module', moduleId });
    deckChanged(state);
  },
  'labware/setOnModule'(state, { labwareId, moduleId }) {
    setModuleLabware(state, moduleId, labwareId);
    deckChanged(state);
  },
  'labware/tipsSet'(state, { labwareId, wellName, channels, present }) {
    const lw = state.lw(labwareId);
    const start: WellState = state.wellOf(lw, wellName);
    const col = lw.columns[start.column];
    const end = Math.min(col.length, start.rowInColumn + channels);
    const tips = tipsOf(lw);
    for (let r = start.rowInColumn; r < end; r++) tips[col[r]] = present ? 1 : 0;
  },
  'labware/tipRackRefilled'(state, { labwareId }) {
    tipsOf(state.lw(labwareId)).fill(1);
  },
  'labware/offsetSet'(state, { labwareId, offset }) {
    // Every position of the labware moves with the offset, in the record (its identity is kept).
    const lw = writable(state.lw(labwareId));
    const old = lw.calibrationOffset ?? { x: 0, y: 0, z: 0 };
    const d = { x: offset.x - old.x, y: offset.y - old.y, z: offset.z - old.z };
    const shift = (p: Point): Point => ({ x: p.x + d.x, y: p.y + d.y, z: p.z + d.z });
    lw.origin = shift(lw.origin);
    lw.highestZ += d.z;
    for (const w of lw.wells) writable(w).top = shift(w.top);
    lw.calibrationOffset = { ...offset };
    deckChanged(state);
  },
  'labware/tipLengthSet'(state, { labwareId, length }) {
    // 4.7.0 writes it into the definition's parameters: only this labware's definition changes.
    const lw = writable(state.lw(labwareId));
    lw.def = { ...lw.def, parameters: { ...lw.def.parameters, tipLength: length } };
  },
  'labware/definitionAdded'(state, { definition }) {
    writable(state).definedLabware.push(definition);
  },
  'labware/customLabwareNoted'(state, { use }) {
    writable(state).customLabwareUses.push(use);
  },
  'labware/areaUsed'(state, { area }) {
    writable(state).areasInUse.add(area);
  },
  'labware/dropSpotUsed'(state, { key, side }) {
    writable(state).lastDropSpot.set(key, side);
  },
};
