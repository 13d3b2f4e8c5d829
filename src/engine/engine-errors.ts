// The Protocol Engine's errors (robot software 7), each text once: the engine's commands of JSON
// protocols v6–8 and the Python API at apiLevel ≥ 2.14 (`engineCore`) raise them alike. Most are
// failed engine commands (they carry their code, errors.ts); the two the Python layer raises
// itself are marked so.
import { engineError, pyError } from './errors.ts';
import type { ProtocolApiError } from './errors.ts';
import type { EngineState, LoadedModule, LoadedPipette } from './state.ts';

/** A plain Python exception inside the engine, reported as `PythonException` with `Class: text`. */
export function pythonException(pyClass: string, text: string): ProtocolApiError {
  return engineError('PythonException', `${pyClass}: ${text}`);
}

/** A number as Python prints the engine's floats (`5.0`, `4.55`). */
export function floatText(n: number): string {
  return Number.isInteger(n) ? `${n}.0` : String(n);
}

/** How the engine prints a deck slot in its errors: `<DeckSlotName.SLOT_3: '3'>`. */
export function deckSlotText(slot: string): string {
  return `<DeckSlotName.${slot === '12' ? 'FIXED_TRASH' : `SLOT_${slot}`}: '${slot}'>`;
}

export function requireTip(p: LoadedPipette): void {
  if (!p.hasTip) throw engineError('TipNotAttachedError', 'Pipette should have a tip attached, but does not.');
}

export function requireNoTip(p: LoadedPipette): void {
  if (p.hasTip) throw engineError('TipAttachedError', 'Pipette should not have a tip attached, but does.');
}

/**
 * The engine's aspirate limit: min(tip volume, pipette max) − what the tip holds, within 1e-9 µL.
 * Returns the volume to take (clamped within the tolerance).
 */
export function checkAspirateVolume(p: LoadedPipette, volume: number): number {
  const tipVolume = p.lastTip?.well.maxVolume ?? p.tipCapacity;
  const available = Math.min(tipVolume, p.spec.maxVolume) - p.currentVolume;
  if (volume > available + 1e-9) {
    // The engine's min(tip volume (a float), pipette max (an int)) minus what is in the tip, as Python prints it.
    const shown = tipVolume <= p.spec.maxVolume || p.currentVolume > 0 ? floatText(available) : String(available);
    throw engineError('InvalidAspirateVolumeError', `Cannot aspirate ${floatText(volume)} µL when only ${shown} is available.`);
  }
  return Math.min(volume, available);
}

/** `LocationIsOccupiedError` for a deck slot holding something (the fixed trash included), else null. */
export function slotOccupied(st: EngineState, slot: string): ProtocolApiError | null {
  const item = st.deck.get(slot);
  if (item === undefined) return null;
  const what = item.kind === 'labware' ? `Labware ${item.lw.def.parameters.loadName}` : `Module ${st.module(item.moduleId).model}`;
  return engineError('LocationIsOccupiedError', `${what} is already present at slotName=${deckSlotText(slot)}.`);
}

/** `LocationIsOccupiedError` for a module that already holds a labware, else null. */
export function moduleOccupied(st: EngineState, mod: LoadedModule): ProtocolApiError | null {
  if (mod.labwareId === null) return null;
  return engineError('LocationIsOccupiedError', `Labware ${st.lw(mod.labwareId).def.parameters.loadName} is already present at moduleId='${mod.id}'.`);
}

/** A module type (`thermocyclerModuleType`) in a slot it may not stand in. */
export function moduleSlotRefused(moduleType: string, slot: string): ProtocolApiError {
  return pythonException('ValueError', `A ${moduleType} cannot be loaded into slot ${slot}`);
}

export function labwareNotFound(loadName: string, namespace: string, version: number): ProtocolApiError {
  return pythonException('FileNotFoundError', `Labware "${loadName}" not found with version ${version} in namespace "${namespace}".`);
}

export function thermocyclerNotOpen(): ProtocolApiError {
  return engineError('ThermocyclerNotOpenError', 'Thermocycler must be open when moving to labware inside it.');
}

/** A Temperature Module's target: rounded to an integer and within −9…99 °C. */
export function temperatureTarget(celsius: number): number {
  const target = Math.round(celsius);
  if (target < -9 || target > 99) {
    throw engineError('InvalidTargetTemperatureError', `Temperature module got an invalid temperature ${floatText(celsius)} °C. Valid range is TemperatureRange(min=-9, max=99).`);
  }
  return target;
}

/** A magnet height (hardware mm) beyond the model's travel. */
export function engageHeightOutOfRange(model: string, height: number, max: number): ProtocolApiError {
  return engineError('EngageHeightOutOfRangeError', `Invalid engage height for ${model}: ${floatText(height)}. Must be 0 - ${max}.`);
}

/** Raised by the Python layer (not a command failure): no height given and none known. */
export function noDefaultEngageHeight(hasLabware: boolean): ProtocolApiError {
  return pyError(
    'InvalidMagnetEngageHeightError',
    hasLabware
      ? 'The labware loaded on this Magnetic Module does not have a default engage height, so you must specify an engage height with the `height_from_base` parameter.'
      : 'There is no labware loaded on this Magnetic Module, so you must specify an engage height with the `height_from_base` parameter.',
  );
}

/**
 * Raised by the Python layer (not a command failure): a module other than the Thermocycler needs
 * a slot. The model is named by its enum name (`temperatureModuleV1` → `TEMPERATURE_V1`).
 */
export function moduleWithoutLocation(model: string): ProtocolApiError {
  const enumName = model.replace(/Module(V\d)$/, '$1').replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
  return pyError('InvalidModuleLocationError', `None is not a valid load location for ${enumName}.`);
}
