// Definitions of labware, pipettes, modules and the deck, read from @opentrons/shared-data.
// This folder does the file reading (cached); the engine receives a DefinitionsSource and stays pure.
import type { LabwareDefinition, ModuleModel } from '../common/index.ts';
import { deckSlots, type SlotSpec } from './deck.ts';
import { findLabwareDefinition, standardLabware, type LabwareLookup } from './labware.ts';
import { moduleNameErrorText, moduleSpec, resolveModuleName, type ModuleSpec } from './modules.ts';
import { pipetteSpec, type PipetteSpec } from './pipettes.ts';

export { STANDARD_LOAD_NAMES, builtInLabware, findLabwareDefinition, labwareUri, standardLabware } from './labware.ts';
export type { LabwareLookup, LabwareOrigin, LookupFailure } from './labware.ts';
export { checkLibraryLabware, labwareSizeIssues, MAX_WELLS } from './library-check.ts';
export type { LabwareCheck, LabwareIssue } from './library-check.ts';
export { validateLabwareDefinition, validateProtocolDocument } from './schemas.ts';
export { customLabwareFromFiles } from './custom-labware.ts';
export type { NamedFile } from './custom-labware.ts';
export type { SchemaCheck } from './schemas.ts';
export { OT2_PIPETTE_NAMES, pipetteSpec, simulatedModelFor, ulPerMm } from './pipettes.ts';
export type { ConfigValue, PipetteSpec, FlowRates } from './pipettes.ts';
export { MAGNETIC_BLOCK, MODULE_MODELS, moduleSpec, resolveModuleName, moduleNameErrorText, moduleV2DisplayName, moduleDisplayNameWithGeneration } from './modules.ts';
export type { ModuleSpec } from './modules.ts';
export { deckSlots, ot2DeckDefinition } from './deck.ts';
export type { SlotSpec } from './deck.ts';

/** What the engine needs from definitions; synchronous, cached. */
export interface DefinitionsSource {
  findLabware(
    loadName: string,
    namespace: string | null,
    version: number | null,
    custom: readonly LabwareDefinition[],
    library?: readonly LabwareDefinition[],
  ): LabwareLookup;
  /** The 4.7.0 fixed trash (`opentrons_1_trash_1100ml_fixed`). */
  fixedTrash(): LabwareDefinition;
  pipette(name: string): PipetteSpec | null;
  /** `release7`: robot software 7.5.0's module names (the Python API from 2.12), else 4.7.0's. */
  resolveModule(name: string, release7?: boolean): ModuleModel | null;
  moduleNameError(name: string, release7?: boolean): string;
  module(model: ModuleModel, v1: boolean): ModuleSpec | null;
  slots(): ReadonlyMap<string, SlotSpec>;
}

const source: DefinitionsSource = {
  findLabware: findLabwareDefinition,
  fixedTrash: () => {
    const def = standardLabware('opentrons_1_trash_1100ml_fixed', 1);
    if (def === null) throw new Error('shared-data has no fixed trash definition');
    return def;
  },
  pipette: pipetteSpec,
  resolveModule: resolveModuleName,
  moduleNameError: moduleNameErrorText,
  module: moduleSpec,
  slots: deckSlots,
};

/** The process-wide definitions source backed by the pinned shared-data package. */
export function sharedDefinitions(): DefinitionsSource {
  return source;
}

