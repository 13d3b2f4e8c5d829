// Run results: required equipment in the original's shape and the liquid ledger's summary.
import type { LabwareRequirement, RequiredEquipment, WellLiquidSummary } from '../common/index.ts';
import { labwareUri } from '../definitions/index.ts';
import type { LabwareState } from './labware.ts';
import { engineLabwareLocation, OFF_DECK } from './protocol-engine.ts';
import { loadedLabwares } from './deck.ts';
import { loadedInstruments } from './instruments.ts';
import { loadedModules } from './modules.ts';
import type { EngineState } from './state.ts';

/** Required equipment in the original's shape (http-api.md §2.1). */
export function requiredEquipment(st: EngineState): RequiredEquipment {
  const pipettes = loadedInstruments(st).map(({ mount, pipetteId }) => {
    const p = st.pipette(pipetteId);
    return { mount, requestedAs: p.requestedAs, pipetteName: p.spec.name, channels: p.spec.channels };
  });
  const labware = st.has('labwareMovement')
    ? setupLabware(st)
    : loadedLabwares(st)
        .map(({ slot, labwareId }) => {
          const lw = st.lw(labwareId);
          return { label: requirementLabel(lw), uri: labwareUri(lw.def), location: slot };
        })
        // In slot order (robot software 7's loaded_labwares keeps load order; the resource does not).
        .sort((a, b) => a.location - b.location);
  const modules = loadedModules(st)
    .map(({ moduleId }) => st.module(moduleId))
    .map((m) => ({ type: m.spec.type, model: m.model, location: Number(m.slot) }))
    .sort((a, b) => a.location - b.location);
  return { pipettes, labware, modules };
}

function requirementLabel(lw: LabwareState): string {
  return lw.label ?? lw.def.parameters.loadName;
}

type SetupPlace = { slotName: string } | { moduleId: string } | { labwareId: string };

/** Where a labware stood when it first came onto the deck; labware never there has none. */
function setupPlace(st: EngineState, lw: LabwareState): SetupPlace | null {
  const first = st.setupPlaces.get(lw.id);
  if (first !== undefined) return first;
  // The pre-loaded fixed trash was never loaded by the protocol: where it is.
  const now = engineLabwareLocation(st, lw);
  return now === OFF_DECK ? null : now;
}

/** The slot a setup place is in (under a module or a stack: theirs). */
function setupSlot(st: EngineState, place: SetupPlace): number {
  if ('slotName' in place) return Number(place.slotName);
  if ('moduleId' in place) return Number(st.module(place.moduleId).slot);
  const below = setupPlace(st, st.lw(place.labwareId));
  return below === null ? 0 : setupSlot(st, below);
}

/**
 * From 2.15 the labware a run needs is every labware that was ever on the deck, where it first
 * stood (set out before the run, or handed over at a manual move), by slot and then load order:
 * labware moved off the deck is still needed, and labware on modules, adapters and other labware
 * names what it stands on.
 */
function setupLabware(st: EngineState): LabwareRequirement[] {
  const out: LabwareRequirement[] = [];
  for (const lw of st.labware.values()) {
    const place = setupPlace(st, lw);
    if (place === null) continue;
    const item: LabwareRequirement = { label: requirementLabel(lw), uri: labwareUri(lw.def), location: setupSlot(st, place) };
    if ('moduleId' in place) item.on = { kind: 'module', model: st.module(place.moduleId).model };
    if ('labwareId' in place) {
      const below = st.lw(place.labwareId);
      item.on = { kind: 'labware', label: requirementLabel(below), uri: labwareUri(below.def) };
    }
    out.push(item);
  }
  // Array sort is stable: a stack keeps its load order (the adapter before what stands on it).
  return out.sort((a, b) => a.location - b.location);
}

export function liquidSummary(st: EngineState): WellLiquidSummary[] {
  return st.ledger.summary(st.labware);
}
