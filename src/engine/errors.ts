// The single error class the engine throws: it carries the Python exception class name and the
// exact message, so the Python layer re-raises the same class and the JSON executor reports it.

export type PyErrorType =
  | 'AssertionError'
  | 'ValueError'
  | 'RuntimeError'
  | 'TypeError'
  | 'KeyError'
  | 'AttributeError'
  | 'IndexError'
  | 'FileNotFoundError'
  | 'NoTipAttachedError'
  | 'TipAttachedError'
  | 'OutOfTipsError'
  | 'LabwareHeightError'
  | 'APIVersionError'
  | 'NoSuchModuleError'
  | 'TipSelectionError'
  | 'JSONDecodeError'
  | 'InvalidModuleLocationError'
  | 'ParameterNameError'
  | 'ParameterValueError'
  | 'ParameterDefinitionError'
  | 'AmbiguousLoadLabwareParamsError'
  | 'InvalidMagnetEngageHeightError'
  | 'LabwareIsNotTipRackError'
  | 'InvalidTrashBinLocationError'
  | 'ValidationError'
  | 'LabwareDefinitionIsNotAdapterError'
  | 'LabwareDefinitionIsNotLabwareError'
  | Release7ErrorType
  | EngineErrorType;

/** Classes robot software 7.5.0's legacy core raises for Python protocols from 2.12 (Part A). */
export type Release7ErrorType =
  | 'DeckConflictError'
  | 'UnexpectedTipAttachError'
  | 'UnexpectedTipRemovalError'
  | 'InvalidPipetteMountError'
  | 'PipetteMountTypeError'
  | 'LocationTypeError';

/**
 * The Protocol Engine's error classes (JSON protocols of schemas 6–8 report these, not Python's).
 * `PythonException` is what the engine reports for a plain Python exception (`KeyError: 'x'`).
 * An error of one of these classes is a failed engine command: at apiLevel ≥ 2.14 the Python
 * layer receives it wrapped in `ProtocolCommandFailedError`.
 */
const ENGINE_ERROR_TYPES = [
  'PythonException',
  'LocationIsOccupiedError',
  'InvalidSpecificationForRobotTypeError',
  'InvalidLoadPipetteSpecsError',
  'LabwareNotLoadedError',
  'ModuleNotLoadedError',
  'PipetteNotLoadedError',
  'WellDoesNotExistError',
  'LabwareIsNotTipRackError',
  'LabwareIsTipRackError',
  'TouchTipDisabledError',
  'TipNotAttachedError',
  'InvalidAspirateVolumeError',
  'InvalidDispenseVolumeError',
  'LiquidDoesNotExistError',
  'WrongModuleTypeError',
  'InvalidTargetTemperatureError',
  'EngageHeightOutOfRangeError',
  'NoTargetTemperatureSetError',
  'InvalidBlockVolumeError',
  'InvalidHoldTimeError',
  'ThermocyclerNotOpenError',
  'NotSupportedOnRobotType',
  'LabwareMovementNotAllowedError',
  'LocationNotAccessibleByPipetteError',
  'LabwareIsNotAllowedInLocationError',
  'CannotPerformModuleAction',
  'InvalidTargetSpeedError',
  'PipetteMovementRestrictedByHeaterShakerError',
  'AddressableAreaDoesNotExistError',
  'IncompatibleAddressableAreaError',
  'PipetteNotReadyToAspirateError',
  'LabwareCannotBeStackedError',
  'InvalidPushOutVolumeError',
  'HardwareNotSupportedError',
  'CommandPreconditionViolated',
  'LabwareIsAdapterError',
] as const;

export type EngineErrorType = (typeof ENGINE_ERROR_TYPES)[number];

const ENGINE_ERROR_TYPE_SET: ReadonlySet<string> = new Set(ENGINE_ERROR_TYPES);

/** The general error code of the Protocol Engine's error catalogue. */
export const GENERAL_ERROR_CODE = '4000';

/**
 * The text of an engine error that robot software 7 raises in the Python layer as its enumerated
 * error prints it: `Error 4000 GENERAL_ERROR (LabwareIsNotTipRackError): ...`.
 */
export function generalErrorText(type: PyErrorType, detail: string): string {
  return `Error ${GENERAL_ERROR_CODE} GENERAL_ERROR (${type}): ${detail}`;
}

/** The engine errors with a code of their own (the rest are the general 4000). */
const ENGINE_ERROR_CODES: Readonly<Partial<Record<EngineErrorType | 'TipAttachedError', string>>> = {
  TipNotAttachedError: '3005',
  TipAttachedError: '3012',
  NotSupportedOnRobotType: '4003',
  HardwareNotSupportedError: '4003',
  CommandPreconditionViolated: '4004',
};

/** The code of an engine error class. */
export function engineErrorCode(type: EngineErrorType | 'TipAttachedError'): string {
  return ENGINE_ERROR_CODES[type] ?? GENERAL_ERROR_CODE;
}

export class ProtocolApiError extends Error {
  override readonly name = 'ProtocolApiError';
  constructor(
    /** Python exception class name, e.g. `NoTipAttachedError`. */
    readonly pyType: PyErrorType,
    /** Python `str(exception)`; KeyError messages already carry their quotes (`'nope'`). */
    message: string,
    /**
     * Set when this is a failed engine command (an engine error class, or `engineError`): the
     * error's code in the engine's catalogue. Null for Python-layer errors (ValueError, …).
     */
    readonly errorCode: string | null = ENGINE_ERROR_TYPE_SET.has(pyType) ? engineErrorCode(pyType as EngineErrorType) : null,
  ) {
    super(message);
  }

  /** A coded Python error's details (`errorInfo` of its occurrence), e.g. `{pipette_name, mount}`. */
  info: Record<string, string> | null = null;
}

export function pyError(pyType: PyErrorType, message: string): ProtocolApiError {
  return new ProtocolApiError(pyType, message);
}

/**
 * An error of an engine class that robot software 7's Python API raises itself (a coded error
 * that is not a failed command, so at apiLevel ≥ 2.14 it is not wrapped).
 */
export function pythonLayerError(pyType: PyErrorType, message: string): ProtocolApiError {
  return new ProtocolApiError(pyType, message, null);
}

/** A failed engine command: the Protocol Engine's error class, its text, and its code. */
export function engineError(type: EngineErrorType | 'TipAttachedError', detail: string): ProtocolApiError {
  return new ProtocolApiError(type, detail, engineErrorCode(type));
}

/** `str(KeyError(key))` is the key's repr. */
export function keyError(key: string): ProtocolApiError {
  return new ProtocolApiError('KeyError', `'${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
}
