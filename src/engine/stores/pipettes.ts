// The store of the loaded pipettes: the records by id and by mount, and the pipettes whose
// aspirated volume the engine lost track of (`blownOut`).
import { keyError } from '../errors.ts';
import type { EngineState } from '../state.ts';
import type { LoadedPipette } from '../state-records.ts';
import type { PipetteUpdate, WellRef } from '../updates/pipettes.ts';
import type { UpdateHandlers } from './handlers.ts';
import { writable } from './writable.ts';

function pipette(state: EngineState, pipetteId: string) {
  return writable(state.pipette(pipetteId));
}

/** A well named by ids, as the pipette record keeps it (the labware and well records). */
function resolveWell(state: EngineState, ref: WellRef): LoadedPipette['lastTip'] {
  const lw = state.lw(ref.labwareId);
  return { lw, well: state.wellOf(lw, ref.wellName) };
}

export const pipettesStore: UpdateHandlers<PipetteUpdate> = {
  'pipette/loaded'(state, update) {
    const spec = state.defs.pipette(update.pipetteName);
    if (spec === null) throw keyError(update.pipetteName);
    const record: LoadedPipette = { ...update.pipette, spec, startingTip: null, lastTip: null };
    const pipettes = writable(state).pipettes;
    if (update.replacedId !== null) pipettes.delete(update.replacedId);
    pipettes.set(record.id, record);
    writable(state.byMount)[record.mount] = record;
  },
  'pipette/flowRatesSet'(state, update) {
    const p = pipette(state, update.pipetteId);
    if (update.aspirate !== undefined) p.aspirateFlowRate = update.aspirate;
    if (update.dispense !== undefined) p.dispenseFlowRate = update.dispense;
    if (update.blowOut !== undefined) p.blowOutFlowRate = update.blowOut;
  },
  'pipette/clearancesSet'(state, update) {
    const p = pipette(state, update.pipetteId);
    if (update.aspirate !== undefined) p.aspirateClearance = update.aspirate;
    if (update.dispense !== undefined) p.dispenseClearance = update.dispense;
  },
  'pipette/defaultSpeedSet'(state, update) {
    pipette(state, update.pipetteId).defaultSpeed = update.speed;
  },
  'pipette/tipRacksSet'(state, update) {
    pipette(state, update.pipetteId).tipRacks = [...update.tipRackIds];
  },
  'pipette/trashSet'(state, update) {
    pipette(state, update.pipetteId).trashId = update.trashId;
  },
  'pipette/startingTipSet'(state, update) {
    pipette(state, update.pipetteId).startingTip = update.tip === null ? null : resolveWell(state, update.tip);
  },
  'pipette/tipAttached'(state, update) {
    const p = pipette(state, update.pipetteId);
    p.hasTip = true;
    p.currentVolume = 0;
    p.tipLength = update.tipLength;
    p.tipCapacity = update.tipCapacity;
    p.workingVolume = p.spec.maxVolume;
    p.z = update.z;
    p.lastTip = resolveWell(state, update.tip);
  },
  'pipette/tipDropped'(state, update) {
    const p = pipette(state, update.pipetteId);
    p.hasTip = false;
    p.currentVolume = 0;
    p.ready = false;
    p.tipLength = 0;
    p.tipCapacity = p.spec.maxVolume;
    p.lastTip = null;
  },
  'pipette/volumeSet'(state, update) {
    pipette(state, update.pipetteId).currentVolume = update.volume;
  },
  'pipette/plungerPrepared'(state, update) {
    pipette(state, update.pipetteId).ready = true;
  },
  'pipette/blownOut'(state, update) {
    const p = pipette(state, update.pipetteId);
    p.currentVolume = 0;
    p.ready = false;
  },
  'pipette/volumeUnknownSet'(state, update) {
    const unknown = writable(state).blownOut;
    if (update.unknown) unknown.add(update.pipetteId);
    else unknown.delete(update.pipetteId);
  },
  'pipette/zSet'(state, update) {
    pipette(state, update.pipetteId).z = update.z;
  },
  'pipette/plungerMoved'(state, update) {
    pipette(state, update.pipetteId).plungerMm = update.mm;
  },
};
