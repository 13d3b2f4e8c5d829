// Run results: required equipment in the original's shape and the liquid ledger's summary.
import type { RequiredEquipment, WellLiquidSummary } from '../common/index.ts';
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
  const labware = loadedLabwares(st).map(({ slot, labwareId }) => {
    const lw = st.lw(labwareId);
    const d = lw.def;
    return {
      label: lw.label ?? d.parameters.loadName,
      uri: `${d.namespace}/${d.parameters.loadName}/${d.version}`,
      location: slot,
    };
  });
  // In slot order (robot software 7's loaded_labwares keeps load order; the resource does not).
  labware.sort((a, b) => a.location - b.location);
  const modules = loadedModules(st)
    .map(({ moduleId }) => st.module(moduleId))
    .map((m) => ({ type: m.spec.type, model: m.model, location: Number(m.slot) }))
    .sort((a, b) => a.location - b.location);
  return { pipettes, labware, modules };
}

export function liquidSummary(st: EngineState): WellLiquidSummary[] {
  return st.ledger.summary();
}
