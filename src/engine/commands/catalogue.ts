// Every command the engine knows, by type. Each definition lives in its own file named after its
// command type; this list is the only place that gathers them.
import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { TypeCheck } from '@sinclair/typebox/compiler';
import { aspirate } from './aspirate.ts';
import { blowout } from './blowout.ts';
import type { CommandDefinition } from './command.ts';
import { comment } from './comment.ts';
import { dispense } from './dispense.ts';
import { dropTip } from './dropTip.ts';
import { home } from './home.ts';
import { hsSetTargetTemperatureCommand } from './heaterShaker/setTargetTemperature.ts';
import { hsWaitForTemperatureCommand } from './heaterShaker/waitForTemperature.ts';
import { hsSetAndWaitForShakeSpeedCommand } from './heaterShaker/setAndWaitForShakeSpeed.ts';
import { hsDeactivateShakerCommand } from './heaterShaker/deactivateShaker.ts';
import { hsDeactivateHeaterCommand } from './heaterShaker/deactivateHeater.ts';
import { hsOpenLabwareLatchCommand } from './heaterShaker/openLabwareLatch.ts';
import { hsCloseLabwareLatchCommand } from './heaterShaker/closeLabwareLatch.ts';
import { airGap } from './labwright/airGap.ts';
import { calibrateMagneticModule } from './labwright/calibrateMagneticModule.ts';
import { clearSlot } from './labwright/clearSlot.ts';
import { deactivateThermocycler } from './labwright/deactivateThermocycler.ts';
import { homePipette } from './labwright/homePipette.ts';
import { loadLabwareObject } from './labwright/loadLabwareObject.ts';
import { mix } from './labwright/mix.ts';
import { moveTo } from './labwright/moveTo.ts';
import { resetLabware } from './labwright/resetLabware.ts';
import { resetTipracks } from './labwright/resetTipracks.ts';
import { resume } from './labwright/resume.ts';
import { defineLiquid } from './labwright/defineLiquid.ts';
import { returnTip } from './labwright/returnTip.ts';
import { setDefaultSpeed } from './labwright/setDefaultSpeed.ts';
import { setFlowRate } from './labwright/setFlowRate.ts';
import { setLocationCache } from './labwright/setLocationCache.ts';
import { setMaxSpeeds } from './labwright/setMaxSpeeds.ts';
import { setPlungerSpeed } from './labwright/setPlungerSpeed.ts';
import { setStartingTip } from './labwright/setStartingTip.ts';
import { setTipLength } from './labwright/setTipLength.ts';
import { setLabwareOffset } from './labwright/setLabwareOffset.ts';
import { setTipRacks } from './labwright/setTipRacks.ts';
import { setTrashContainer } from './labwright/setTrashContainer.ts';
import { setWellBottomClearance } from './labwright/setWellBottomClearance.ts';
import { setWellHasTip } from './labwright/setWellHasTip.ts';
import { transfer } from './labwright/transfer.ts';
import { useTips } from './labwright/useTips.ts';
import { loadLabware } from './loadLabware.ts';
import { loadLiquid } from './loadLiquid.ts';
import { loadModule } from './loadModule.ts';
import { loadPipette } from './loadPipette.ts';
import { disengage } from './magneticModule/disengage.ts';
import { engage } from './magneticModule/engage.ts';
import { moveLabware } from './moveLabware.ts';
import { moveRelative } from './moveRelative.ts';
import { moveToCoordinates } from './moveToCoordinates.ts';
import { moveToWell } from './moveToWell.ts';
import { pickUpTip } from './pickUpTip.ts';
import { savePosition } from './savePosition.ts';
import { setRailLights } from './setRailLights.ts';
import { deactivate as temperatureDeactivate } from './temperatureModule/deactivate.ts';
import { setTargetTemperature } from './temperatureModule/setTargetTemperature.ts';
import { waitForTemperature } from './temperatureModule/waitForTemperature.ts';
import { closeLid } from './thermocycler/closeLid.ts';
import { deactivateBlock } from './thermocycler/deactivateBlock.ts';
import { deactivateLid } from './thermocycler/deactivateLid.ts';
import { openLid } from './thermocycler/openLid.ts';
import { runProfile } from './thermocycler/runProfile.ts';
import { setTargetBlockTemperature } from './thermocycler/setTargetBlockTemperature.ts';
import { setTargetLidTemperature } from './thermocycler/setTargetLidTemperature.ts';
import { waitForBlockTemperature } from './thermocycler/waitForBlockTemperature.ts';
import { waitForLidTemperature } from './thermocycler/waitForLidTemperature.ts';
import { touchTip } from './touchTip.ts';
import { moveToAddressableArea } from './moveToAddressableArea.ts';
import { moveToAddressableAreaForDropTip } from './moveToAddressableAreaForDropTip.ts';
import { aspirateInPlace } from './aspirateInPlace.ts';
import { dispenseInPlace } from './dispenseInPlace.ts';
import { blowOutInPlace } from './blowOutInPlace.ts';
import { dropTipInPlace } from './dropTipInPlace.ts';
import { prepareToAspirate } from './prepareToAspirate.ts';
import { configureForVolume } from './configureForVolume.ts';
import { configureNozzleLayout } from './configureNozzleLayout.ts';
import { getTipPresence } from './getTipPresence.ts';
import { reloadLabware } from './reloadLabware.ts';
import { calibrateModule } from './calibration/calibrateModule.ts';
import { calibratePipette } from './calibration/calibratePipette.ts';
import { moveToMaintenancePosition } from './calibration/moveToMaintenancePosition.ts';
import { retractAxis } from './retractAxis.ts';
import { waitForDuration } from './waitForDuration.ts';
import { waitForResume } from './waitForResume.ts';

/** The Protocol Engine's commands (its names and params), then the ones of ours. */
export const COMMANDS = [
  loadPipette,
  loadLabware,
  loadModule,
  pickUpTip,
  aspirate,
  dispense,
  blowout,
  touchTip,
  dropTip,
  moveToCoordinates,
  moveToWell,
  moveRelative,
  savePosition,
  loadLiquid,
  home,
  waitForDuration,
  waitForResume,
  comment,
  setRailLights,
  engage,
  disengage,
  setTargetTemperature,
  waitForTemperature,
  temperatureDeactivate,
  openLid,
  closeLid,
  setTargetBlockTemperature,
  setTargetLidTemperature,
  runProfile,
  deactivateBlock,
  deactivateLid,
  waitForBlockTemperature,
  waitForLidTemperature,
  moveLabware,
  hsSetTargetTemperatureCommand,
  hsWaitForTemperatureCommand,
  hsSetAndWaitForShakeSpeedCommand,
  hsDeactivateShakerCommand,
  hsDeactivateHeaterCommand,
  hsOpenLabwareLatchCommand,
  hsCloseLabwareLatchCommand,
  moveToAddressableArea,
  moveToAddressableAreaForDropTip,
  aspirateInPlace,
  dispenseInPlace,
  blowOutInPlace,
  dropTipInPlace,
  prepareToAspirate,
  configureForVolume,
  configureNozzleLayout,
  getTipPresence,
  reloadLabware,
  calibratePipette,
  moveToMaintenancePosition,
  calibrateModule,
  retractAxis,
  // What the 4.x Python API does on its own, under names of ours.
  transfer,
  mix,
  airGap,
  moveTo,
  returnTip,
  homePipette,
  resume,
  defineLiquid,
  calibrateMagneticModule,
  deactivateThermocycler,
  setFlowRate,
  setPlungerSpeed,
  setWellBottomClearance,
  setDefaultSpeed,
  setTipRacks,
  setTrashContainer,
  setStartingTip,
  resetTipracks,
  setLocationCache,
  setMaxSpeeds,
  clearSlot,
  setTipLength,
  setLabwareOffset,
  loadLabwareObject,
  useTips,
  setWellHasTip,
  resetLabware,
] as const;

export type KnownCommand = (typeof COMMANDS)[number];
export type CommandType = KnownCommand['commandType'];

export type AnyCommandDefinition = CommandDefinition<string, TSchema, unknown>;

interface CatalogueEntry {
  readonly definition: AnyCommandDefinition;
  /** The params schema, compiled on first use. */
  check: TypeCheck<TSchema> | null;
}

const byType = new Map<string, CatalogueEntry>();
for (const definition of COMMANDS) {
  byType.set(definition.commandType, { definition: definition as unknown as CommandDefinition<string, TSchema, unknown>, check: null });
}

/** The definition of a command type with its compiled params check, or undefined if unknown. */
export function lookupCommand(commandType: string): { readonly definition: CommandDefinition<string, TSchema, unknown>; readonly check: TypeCheck<TSchema> } | undefined {
  const entry = byType.get(commandType);
  if (entry === undefined) return undefined;
  entry.check ??= TypeCompiler.Compile(entry.definition.params);
  return entry as { readonly definition: CommandDefinition<string, TSchema, unknown>; readonly check: TypeCheck<TSchema> };
}

/** The definition of a command type, without compiling its schema (commands built by typed code). */
export function commandDefinition(commandType: string): AnyCommandDefinition | undefined {
  return byType.get(commandType)?.definition;
}

export function commandTypes(): string[] {
  return [...byType.keys()];
}
