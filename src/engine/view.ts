// Read-only views of a run's state, for code that decides what to do next from what has happened
// (transfer planning) without reaching into the state's records.
import { labwareInfoById } from './deck.ts';
import { pipetteInfo, pipetteState } from './instruments.ts';
import { moduleInfo } from './modules.ts';
import type { EngineState } from './state.ts';
import type { FeatureName } from './versions.ts';
import { nextAvailableTip } from './tips.ts';
import { engineLabwareLocation } from './protocol-engine.ts';
import type { EngineLabwareLocation } from './protocol-engine.ts';
import type { LabwareInfo, ModuleInfo, PipetteInfo, PipetteState } from './types.ts';

export class EngineView {
  constructor(private readonly state: EngineState) {}

  get apiLevel(): readonly [number, number] {
    return this.state.apiLevel;
  }

  /** Whether the protocol's level has a behaviour (see FEATURES in versions.ts). */
  has(feature: FeatureName): boolean {
    return this.state.has(feature);
  }

  labwareInfo(labwareId: string): LabwareInfo {
    return labwareInfoById(this.state, labwareId);
  }

  pipetteInfo(pipetteId: string): PipetteInfo {
    return pipetteInfo(this.state, pipetteId);
  }

  pipetteState(pipetteId: string): PipetteState {
    return pipetteState(this.state, pipetteId);
  }

  moduleInfo(moduleId: string): ModuleInfo {
    return moduleInfo(this.state, moduleId);
  }

  /** The labware, pipette or module by id if loaded, else null (readers that must not fail). */
  findLabware(labwareId: string): LabwareInfo | null {
    return this.state.labware.has(labwareId) ? labwareInfoById(this.state, labwareId) : null;
  }

  findPipette(pipetteId: string): PipetteInfo | null {
    return this.state.pipettes.has(pipetteId) ? pipetteInfo(this.state, pipetteId) : null;
  }

  findModule(moduleId: string): ModuleInfo | null {
    return this.state.modules.has(moduleId) ? moduleInfo(this.state, moduleId) : null;
  }

  /** Where a loaded labware is, in the Protocol Engine's form (`{slotName}`, `{moduleId}`, ...). */
  engineLocation(labwareId: string): EngineLabwareLocation | 'offDeck' {
    return engineLabwareLocation(this.state.lw(labwareId));
  }

  nextAvailableTip(pipetteId: string): { labwareId: string; wellName: string } | null {
    return nextAvailableTip(this.state, pipetteId);
  }
}
