// The names a command's text needs (text.ts), read from the engine's state as the run goes.
import type { EngineLiquid, EngineView } from '../../engine/index.ts';
import type { TextLabware, TextState } from './text.ts';

export function engineTextState(view: () => EngineView, liquids: readonly EngineLiquid[]): TextState {
  return {
    labware(labwareId): TextLabware | undefined {
      const v = view();
      const info = v.findLabware(labwareId);
      if (info === null) return undefined;
      return {
        displayName: info.label,
        definitionName: info.definition.metadata.displayName,
        fixedTrash: info.quirks.includes('fixedTrash'),
        isTipRack: info.isTiprack,
        location: v.engineLocation(labwareId),
        columns: info.columns,
      };
    },
    pipette(pipetteId) {
      const info = view().findPipette(pipetteId);
      return info === null ? undefined : { displayName: info.displayName, channels: info.channels };
    },
    module(moduleId) {
      const info = view().findModule(moduleId);
      return info === null ? undefined : { model: info.model, slot: info.slot };
    },
    liquid(liquidId) {
      return liquids.find((l) => l.id === liquidId);
    },
  };
}
