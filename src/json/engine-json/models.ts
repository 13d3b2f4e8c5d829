// The engine's command models as robot software 7.5.0 parses a JSON protocol's commands into them
// (json-protocols-v6-v8 §4.1, §7): each command type's params with their types, what is required,
// the defaults a record shows, and pydantic's words when a value does not fit.
import { coerceBool, coerceFloat, coerceInt, coerceStr, isObject } from './coerce.ts';

type FieldType =
  | { kind: 'str' }
  | { kind: 'float'; ge?: number; gt?: number }
  | { kind: 'int' }
  | { kind: 'bool' }
  | { kind: 'enum'; name: string; values: readonly string[] }
  | { kind: 'list'; of: FieldType }
  | { kind: 'point' }
  | { kind: 'wellLocation'; origins: readonly string[]; defaultOrigin: string }
  | { kind: 'labwareLocation' }
  | { kind: 'slotLocation' }
  | { kind: 'volumeByWell' }
  | { kind: 'profileStep' }
  | { kind: 'any' };

interface Field {
  type: FieldType;
  required?: boolean;
  /** What a record shows when the protocol gave nothing (null unless said). */
  default?: unknown;
}

const STR: Field = { type: { kind: 'str' } };
const REQ_STR: Field = { type: { kind: 'str' }, required: true };
const FLOAT: Field = { type: { kind: 'float' } };
const REQ_FLOAT: Field = { type: { kind: 'float' }, required: true };
const BOOL = (dflt: boolean | null = null): Field => ({ type: { kind: 'bool' }, default: dflt });
const ENUM = (name: string, values: readonly string[], required = true): Field => ({ type: { kind: 'enum', name, values }, required });

export const PIPETTE_NAMES = [
  'p10_single', 'p10_multi', 'p20_single_gen2', 'p20_multi_gen2', 'p50_single', 'p50_multi', 'p50_single_flex',
  'p50_multi_flex', 'p300_single', 'p300_multi', 'p300_single_gen2', 'p300_multi_gen2', 'p1000_single',
  'p1000_single_gen2', 'p1000_single_flex', 'p1000_multi_flex', 'p1000_96',
] as const;
export const MOUNTS = ['left', 'right', 'extension'] as const;
export const MODULE_MODELS = [
  'temperatureModuleV1', 'temperatureModuleV2', 'magneticModuleV1', 'magneticModuleV2', 'thermocyclerModuleV1',
  'thermocyclerModuleV2', 'heaterShakerModuleV1', 'magneticBlockV1',
] as const;
const MOTOR_AXES = ['x', 'y', 'leftZ', 'rightZ', 'leftPlunger', 'rightPlunger', 'extensionZ', 'extensionJaw'] as const;
const WELL_ORIGINS = ['top', 'bottom', 'center'] as const;
const DROP_TIP_ORIGINS = ['top', 'bottom', 'center', 'default'] as const;

/** The deck slots an OT-2 file may name: its own, and the Flex names the engine converts. */
export const FLEX_TO_OT2_SLOT: Readonly<Record<string, string>> = {
  D1: '1', D2: '2', D3: '3', C1: '4', C2: '5', C3: '6', B1: '7', B2: '8', B3: '9', A1: '10', A2: '11', A3: '12',
};
const DECK_SLOTS = [...Array.from({ length: 12 }, (_, i) => String(i + 1)), ...Object.keys(FLEX_TO_OT2_SLOT)];

const PIPETTE: Record<string, Field> = { pipetteId: REQ_STR };
const WELL: Record<string, Field> = {
  labwareId: REQ_STR,
  wellName: REQ_STR,
  wellLocation: { type: { kind: 'wellLocation', origins: WELL_ORIGINS, defaultOrigin: 'top' } },
};
const MOVE: Record<string, Field> = { minimumZHeight: FLOAT, forceDirect: BOOL(false), speed: FLOAT };
const MODULE: Record<string, Field> = { moduleId: REQ_STR };
const VOLUME: Field = { type: { kind: 'float', ge: 0 }, required: true };
const FLOW_RATE: Field = { type: { kind: 'float', gt: 0 }, required: true };

/** Each command type's params as the engine's model lists them. */
export const COMMAND_MODELS: Readonly<Record<string, Record<string, Field>>> = {
  home: { axes: { type: { kind: 'list', of: { kind: 'enum', name: 'MotorAxis', values: MOTOR_AXES } } }, skipIfMountPositionOk: STR },
  loadPipette: { pipetteName: ENUM('PipetteNameType', PIPETTE_NAMES), mount: ENUM('MountType', MOUNTS), pipetteId: STR, tipOverlapNotAfterVersion: STR },
  loadModule: { model: ENUM('ModuleModel', MODULE_MODELS), location: { type: { kind: 'slotLocation' }, required: true }, moduleId: STR },
  loadLabware: {
    location: { type: { kind: 'labwareLocation' }, required: true },
    loadName: REQ_STR,
    namespace: REQ_STR,
    version: { type: { kind: 'int' }, required: true },
    labwareId: STR,
    displayName: STR,
  },
  loadLiquid: { liquidId: REQ_STR, labwareId: REQ_STR, volumeByWell: { type: { kind: 'volumeByWell' }, required: true } },
  pickUpTip: { ...PIPETTE, ...WELL },
  aspirate: { ...PIPETTE, ...WELL, volume: VOLUME, flowRate: FLOW_RATE },
  dispense: { ...PIPETTE, ...WELL, volume: VOLUME, flowRate: FLOW_RATE, pushOut: FLOAT },
  blowout: { ...PIPETTE, ...WELL, flowRate: FLOW_RATE },
  touchTip: { ...PIPETTE, ...WELL, radius: { type: { kind: 'float' }, default: 1.0 }, speed: FLOAT },
  dropTip: {
    ...PIPETTE,
    labwareId: REQ_STR,
    wellName: REQ_STR,
    wellLocation: { type: { kind: 'wellLocation', origins: DROP_TIP_ORIGINS, defaultOrigin: 'default' } },
    homeAfter: BOOL(),
    alternateDropLocation: BOOL(false),
  },
  moveToWell: { ...PIPETTE, ...WELL, ...MOVE },
  moveToCoordinates: { ...PIPETTE, coordinates: { type: { kind: 'point' }, required: true }, ...MOVE },
  moveRelative: { ...PIPETTE, axis: ENUM('MovementAxis', ['x', 'y', 'z']), distance: REQ_FLOAT },
  savePosition: { ...PIPETTE, positionId: STR, failOnNotHomed: BOOL(true) },
  waitForDuration: { seconds: REQ_FLOAT, message: STR },
  waitForResume: { message: STR },
  comment: { message: REQ_STR },
  setRailLights: { on: { type: { kind: 'bool' }, required: true } },
  'temperatureModule/setTargetTemperature': { ...MODULE, celsius: REQ_FLOAT },
  'temperatureModule/waitForTemperature': { ...MODULE, celsius: FLOAT },
  'temperatureModule/deactivate': MODULE,
  'magneticModule/engage': { ...MODULE, height: REQ_FLOAT },
  'magneticModule/disengage': MODULE,
  'thermocycler/setTargetBlockTemperature': { ...MODULE, celsius: REQ_FLOAT, blockMaxVolumeUl: FLOAT, holdTimeSeconds: FLOAT },
  'thermocycler/setTargetLidTemperature': { ...MODULE, celsius: REQ_FLOAT },
  'thermocycler/waitForBlockTemperature': MODULE,
  'thermocycler/waitForLidTemperature': MODULE,
  'thermocycler/openLid': MODULE,
  'thermocycler/closeLid': MODULE,
  'thermocycler/deactivateBlock': MODULE,
  'thermocycler/deactivateLid': MODULE,
};

/**
 * The models of command types listed below among the others (their place in the engine's
 * discriminator comes after the modelled ones, which the translation's error texts show).
 */
const LATER_MODELS: Readonly<Record<string, Record<string, Field>>> = {
  moveLabware: {
    labwareId: REQ_STR,
    newLocation: { type: { kind: 'labwareLocation' }, required: true },
    strategy: ENUM('LabwareMovementStrategy', ['usingGripper', 'manualMoveWithPause', 'manualMoveWithoutPause']),
    pickUpOffset: { type: { kind: 'point' } },
    dropOffset: { type: { kind: 'point' } },
  },
  'thermocycler/runProfile': { ...MODULE, profile: { type: { kind: 'list', of: { kind: 'profileStep' } }, required: true }, blockMaxVolumeUl: FLOAT },
  'heaterShaker/waitForTemperature': { ...MODULE, celsius: FLOAT },
  'heaterShaker/setTargetTemperature': { ...MODULE, celsius: REQ_FLOAT },
  'heaterShaker/setAndWaitForShakeSpeed': { ...MODULE, rpm: REQ_FLOAT },
  'heaterShaker/deactivateHeater': MODULE,
  'heaterShaker/deactivateShaker': MODULE,
  'heaterShaker/openLabwareLatch': MODULE,
  'heaterShaker/closeLabwareLatch': MODULE,
};

/**
 * Command types robot software 7.5.0's engine knows, after the modelled ones. Those without a
 * model pass translation with their filtered params and fail when run (not simulated yet).
 */
const OTHER_ENGINE_COMMANDS = [
  'aspirateInPlace', 'dispenseInPlace', 'blowOutInPlace', 'dropTipInPlace', 'configureForVolume', 'configureNozzleLayout',
  'custom', 'retractAxis', 'reloadLabware', 'moveLabware', 'moveToAddressableArea', 'moveToAddressableAreaForDropTip',
  'prepareToAspirate', 'setStatusBar', 'verifyTipPresence', 'getTipPresence', 'thermocycler/runProfile',
  'heaterShaker/waitForTemperature', 'heaterShaker/setTargetTemperature', 'heaterShaker/setAndWaitForShakeSpeed',
  'heaterShaker/deactivateHeater', 'heaterShaker/deactivateShaker', 'heaterShaker/openLabwareLatch',
  'heaterShaker/closeLabwareLatch', 'calibration/calibrateGripper', 'calibration/calibratePipette',
  'calibration/moveToMaintenancePosition', 'calibration/calibrateModule',
];

/** Every command type the engine accepts, in the order its discriminator lists them. */
export const ENGINE_COMMAND_TYPES: readonly string[] = [...Object.keys(COMMAND_MODELS), ...OTHER_ENGINE_COMMANDS];

/** The class pydantic names in its messages: `moveToWell` → `MoveToWellCreate`. */
export function createModelName(commandType: string): string {
  if (commandType === 'blowout') return 'BlowOutCreate';
  const last = commandType.split('/').at(-1) ?? commandType;
  return `${last[0].toUpperCase()}${last.slice(1)}Create`;
}

/** One pydantic error: where (below the command's params) and pydantic's text. */
export interface ModelError {
  path: string[];
  message: string;
}

const MISSING = 'field required (type=value_error.missing)';

function enumText(type: { name: string; values: readonly string[] }): string {
  const permitted = type.values.map((v) => `'${v}'`).join(', ');
  const members = type.values.map((v) => `<${type.name}.${v.toUpperCase()}: '${v}'>`).join(', ');
  return `value is not a valid enumeration member; permitted: ${permitted} (type=type_error.enum; enum_values=[${members}])`;
}

function parseValue(type: FieldType, value: unknown, path: string[], errors: ModelError[]): unknown {
  const fail = (message: string) => {
    errors.push({ path, message });
    return null;
  };
  switch (type.kind) {
    case 'str':
      return coerceStr(value) ?? fail('str type expected (type=type_error.str)');
    case 'int':
      return coerceInt(value) ?? fail('value is not a valid integer (type=type_error.integer)');
    case 'bool': {
      const b = coerceBool(value);
      return b ?? fail('value could not be parsed to a boolean (type=type_error.bool)');
    }
    case 'float': {
      const n = coerceFloat(value);
      if (n === null) return fail('value is not a valid float (type=type_error.float)');
      if (type.ge !== undefined && !(n >= type.ge)) {
        return fail(`ensure this value is greater than or equal to ${type.ge} (type=value_error.number.not_ge; limit_value=${type.ge})`);
      }
      if (type.gt !== undefined && !(n > type.gt)) {
        return fail(`ensure this value is greater than ${type.gt} (type=value_error.number.not_gt; limit_value=${type.gt})`);
      }
      return n;
    }
    case 'enum':
      return typeof value === 'string' && type.values.includes(value) ? value : fail(enumText(type));
    case 'list':
      if (!Array.isArray(value)) return fail('value is not a valid list (type=type_error.list)');
      return value.map((item, i) => parseValue(type.of, item, [...path, String(i)], errors));
    case 'point': {
      if (!isObject(value)) return fail('value is not a valid dict (type=type_error.dict)');
      const point: Record<string, unknown> = {};
      for (const axis of ['x', 'y', 'z']) {
        point[axis] = value[axis] === undefined ? (errors.push({ path: [...path, axis], message: MISSING }), null) : parseValue({ kind: 'float' }, value[axis], [...path, axis], errors);
      }
      return point;
    }
    case 'wellLocation': {
      if (!isObject(value)) return fail('value is not a valid dict (type=type_error.dict)');
      const origin = value.origin === undefined ? type.defaultOrigin : parseValue({ kind: 'enum', name: type.defaultOrigin === 'default' ? 'DropTipWellOrigin' : 'WellOrigin', values: type.origins }, value.origin, [...path, 'origin'], errors);
      let offset: Record<string, unknown> = { x: 0, y: 0, z: 0 };
      if (value.offset !== undefined) {
        if (!isObject(value.offset)) return fail('value is not a valid dict (type=type_error.dict)');
        const given = value.offset;
        offset = Object.fromEntries(['x', 'y', 'z'].map((axis) => [axis, given[axis] === undefined ? 0 : parseValue({ kind: 'float' }, given[axis], [...path, 'offset', axis], errors)]));
      }
      return { origin, offset };
    }
    case 'slotLocation':
      if (!isObject(value)) return fail('value is not a valid dict (type=type_error.dict)');
      if (value.slotName === undefined) return (errors.push({ path: [...path, 'slotName'], message: MISSING }), null);
      return { slotName: parseSlot(value.slotName, [...path, 'slotName'], errors) };
    case 'labwareLocation':
      if (value === 'offDeck') return value;
      if (!isObject(value)) return fail('value is not a valid dict (type=type_error.dict)');
      if (value.slotName !== undefined) return { slotName: parseSlot(value.slotName, [...path, 'slotName'], errors) };
      if (value.moduleId !== undefined) return { moduleId: parseValue({ kind: 'str' }, value.moduleId, [...path, 'moduleId'], errors) };
      if (value.labwareId !== undefined) return { labwareId: parseValue({ kind: 'str' }, value.labwareId, [...path, 'labwareId'], errors) };
      if (value.addressableAreaName !== undefined) {
        return { addressableAreaName: parseValue({ kind: 'str' }, value.addressableAreaName, [...path, 'addressableAreaName'], errors) };
      }
      return (errors.push({ path: [...path, 'slotName'], message: MISSING }), null);
    case 'volumeByWell':
      if (!isObject(value)) return fail('value is not a valid dict (type=type_error.dict)');
      return Object.fromEntries(Object.entries(value).map(([well, v]) => [well, parseValue({ kind: 'float' }, v, [...path, well], errors)]));
    case 'profileStep': {
      if (!isObject(value)) return fail('value is not a valid dict (type=type_error.dict)');
      const step: Record<string, unknown> = {};
      for (const name of ['celsius', 'holdSeconds']) {
        step[name] = value[name] === undefined ? (errors.push({ path: [...path, name], message: MISSING }), null) : parseValue({ kind: 'float' }, value[name], [...path, name], errors);
      }
      return step;
    }
    case 'any':
      return value;
  }
}

/** A slot as the engine keeps it on an OT-2: `"D1"` is `"1"`. */
function parseSlot(value: unknown, path: string[], errors: ModelError[]): string | null {
  const text = coerceStr(value);
  if (text === null || !DECK_SLOTS.includes(text)) {
    errors.push({ path, message: enumText({ name: 'DeckSlotName', values: DECK_SLOTS }) });
    return null;
  }
  return FLEX_TO_OT2_SLOT[text] ?? text;
}

/** The params as the engine's model holds them (defaults filled in), or pydantic's errors. */
export function parseParams(commandType: string, params: Record<string, unknown>): { params: Record<string, unknown>; errors: ModelError[] } {
  const model = COMMAND_MODELS[commandType] ?? LATER_MODELS[commandType];
  if (model === undefined) return { params, errors: [] };
  const errors: ModelError[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(model)) {
    const value = params[name];
    if (value === undefined) {
      if (field.required) errors.push({ path: [name], message: MISSING });
      out[name] = field.default ?? (field.type.kind === 'wellLocation' ? { origin: field.type.defaultOrigin, offset: { x: 0, y: 0, z: 0 } } : null);
      continue;
    }
    out[name] = parseValue(field.type, value, [name], errors);
  }
  return { params: out, errors };
}
