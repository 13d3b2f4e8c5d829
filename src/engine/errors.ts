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
  | 'ParameterNameError'
  | 'ParameterValueError'
  | 'ParameterDefinitionError'
  | 'AmbiguousLoadLabwareParamsError'
  | 'InvalidMagnetEngageHeightError'
  | 'LabwareIsNotTipRackError'
  | 'ValidationError'
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
 */
export type EngineErrorType =
  | 'PythonException'
  | 'LocationIsOccupiedError'
  | 'InvalidSpecificationForRobotTypeError'
  | 'InvalidLoadPipetteSpecsError'
  | 'LabwareNotLoadedError'
  | 'ModuleNotLoadedError'
  | 'PipetteNotLoadedError'
  | 'WellDoesNotExistError'
  | 'LabwareIsNotTipRackError'
  | 'LabwareIsTipRackError'
  | 'TouchTipDisabledError'
  | 'TipNotAttachedError'
  | 'InvalidAspirateVolumeError'
  | 'InvalidDispenseVolumeError'
  | 'LiquidDoesNotExistError'
  | 'WrongModuleTypeError'
  | 'InvalidTargetTemperatureError'
  | 'EngageHeightOutOfRangeError'
  | 'NoTargetTemperatureSetError'
  | 'InvalidBlockVolumeError'
  | 'InvalidHoldTimeError'
  | 'ThermocyclerNotOpenError'
  | 'NotSupportedOnRobotType'
  | 'LabwareMovementNotAllowedError'
  | 'LocationNotAccessibleByPipetteError'
  | 'LabwareIsNotAllowedInLocationError'
  | 'CannotPerformModuleAction'
  | 'InvalidTargetSpeedError'
  | 'PipetteMovementRestrictedByHeaterShakerError'
  | 'AddressableAreaDoesNotExistError'
  | 'IncompatibleAddressableAreaError'
  | 'PipetteNotReadyToAspirateError'
  | 'LabwareCannotBeStackedError'
  | 'InvalidPushOutVolumeError'
  | 'HardwareNotSupportedError'
  | 'CommandPreconditionViolated'
  | 'LabwareIsAdapterError';

export class ProtocolApiError extends Error {
  override readonly name = 'ProtocolApiError';
  constructor(
    /** Python exception class name, e.g. `NoTipAttachedError`. */
    readonly pyType: PyErrorType,
    /** Python `str(exception)`; KeyError messages already carry their quotes (`'nope'`). */
    message: string,
  ) {
    super(message);
  }
}

export function pyError(pyType: PyErrorType, message: string): ProtocolApiError {
  return new ProtocolApiError(pyType, message);
}

/** `str(KeyError(key))` is the key's repr. */
export function keyError(key: string): ProtocolApiError {
  return new ProtocolApiError('KeyError', `'${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
}
