// Members the Protocol Engine runtime (apiLevel ≥ 2.14, §B.2.14) removed or refuses, as data:
// each with the levels it is refused at and its APIVersionError text.
import { pyError } from './errors.ts';
import type { ProtocolApiError } from './errors.ts';
import { gateOpen } from './versions.ts';
import type { ApiLevel, Gate } from './versions.ts';

interface Removal extends Gate {
  /** The APIVersionError text; `{v}` is the protocol's level. */
  readonly text: string;
}

const FROM_2_14: Gate = { addedIn: [2, 14] };

/**
 * By the member's qualified name (a setter as `.setter`, a refused parameter as `method(name=)`).
 * `addedIn`/`removedIn` here bound the levels that refuse it.
 */
export const REMOVED = {
  'InstrumentContext.speed': { ...FROM_2_14, text: 'InstrumentContext.speed has been removed. Use InstrumentContext.flow_rate, instead.' },
  'ProtocolContext.max_speeds': {
    ...FROM_2_14,
    text: "ProtocolContext.max_speeds is not supported at apiLevel 2.14 or higher. Use a lower apiLevel or set speeds using InstrumentContext.default_speed or the per-method 'speed' argument.",
  },
  'ProtocolContext.resume': {
    ...FROM_2_14,
    text: 'A Python Protocol cannot safely resume itself after a pause. To wait automatically for a period of time, use ProtocolContext.delay().',
  },
  'Labware.name.setter': { ...FROM_2_14, text: 'Labware.name setter has been deprecated' },
  'Labware.tip_length.setter': { ...FROM_2_14, text: 'Labware.tip_length setter has been deprecated' },
  'Labware.set_calibration': {
    ...FROM_2_14,
    text: "Labware.set_calibration() is not supported when apiLevel is 2.14 or higher. Use a lower apiLevel or use the Opentrons App's Labware Position Check.",
  },
  'Labware.separate_calibration': { ...FROM_2_14, text: 'Labware.separate_calibration has been removed' },
  'Labware.use_tips': { ...FROM_2_14, text: 'Labware.use_tips has been deprecated. To modify tip state, use Labware.reset' },
  'Labware.previous_tip': { ...FROM_2_14, text: 'Labware.previous_tip is unsupported in this API version.' },
  'Labware.return_tips': { ...FROM_2_14, text: 'Labware.return_tips() is unsupported in this API version. Use Labware.reset() instead.' },
  'Well.has_tip.setter': { ...FROM_2_14, text: 'Manually setting the tip state of a well in a tip rack has been deprecated.' },
  'Well.geometry': { ...FROM_2_14, text: 'Well.geometry has been deprecated.' },
  'ModuleContext.geometry': { ...FROM_2_14, text: '`ModuleContext.geometry` has been deprecated; use properties of the `ModuleContext` itself, instead.' },
  'ModuleContext.load_labware_object': {
    ...FROM_2_14,
    text: '`ModuleContext.load_labware_object` is an internal, deprecated method. Use `ModuleContext.load_labware` or `load_labware_by_definition` instead.',
  },
  'MagneticModuleContext.engage(height=)': {
    ...FROM_2_14,
    text: 'The height parameter of MagneticModuleContext.engage() was removed in 2.14. Use offset or height_from_base instead.',
  },
  'MagneticModuleContext.calibrate': { ...FROM_2_14, text: '`MagneticModuleContext.calibrate` has been removed.' },
  'ProtocolContext.load_module(configuration=)': { ...FROM_2_14, text: 'The configuration parameter of load_module has been removed.' },
  'InstrumentContext.pick_up_tip(presses=)': { ...FROM_2_14, text: 'presses is only available in API versions lower than 2.14, but you are using API {v}.' },
  'InstrumentContext.pick_up_tip(increment=)': { ...FROM_2_14, text: 'increment is only available in API versions lower than 2.14, but you are using API {v}.' },
  'Labware.set_offset': {
    addedIn: [2, 14],
    removedIn: [2, 18],
    text: "Labware.set_offset() is not supported when apiLevel is 2.14, 2.15, 2.16, or 2.17. Use apilevel 2.13 or below, or 2.18 or above to set offset, or use the Opentrons App's Labware Position Check.",
  },
  'Deck.__delitem__': {
    addedIn: [2, 14],
    removedIn: [2, 15],
    text: 'Deleting deck elements is not supported with apiLevel 2.14. Try increasing your apiLevel to 2.15.',
  },
} as const satisfies Record<string, Removal>;

export type RemovedName = keyof typeof REMOVED;

/** The APIVersionError of a member the protocol's level refuses, or null when the level has it. */
export function removalError(level: ApiLevel, name: RemovedName): ProtocolApiError | null {
  const removal: Removal = REMOVED[name];
  if (!gateOpen(level, removal)) return null;
  return pyError('APIVersionError', removal.text.replace('{v}', `${level[0]}.${level[1]}`));
}
