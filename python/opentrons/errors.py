"""Exception classes raised by the engine, re-raised here under their original names."""
from opentrons.protocol_api.labware import OutOfTipsError, TipSelectionError
from opentrons.protocols.api_support.util import APIVersionError
from opentrons.protocol_api.module_validation_and_errors import HEATER_SHAKER_ERRORS


class NoTipAttachedError(RuntimeError):
    pass


class TipAttachedError(RuntimeError):
    pass


class LabwareHeightError(Exception):
    pass


class NoSuchModuleError(Exception):
    pass


class UnsupportedInstrumentPairingError(Exception):
    pass


from opentrons.protocols.parameters.types import (ParameterValueError, ParameterDefinitionError,
                                                  ParameterNameError)

ENGINE_ERRORS = {
    'ParameterValueError': ParameterValueError,
    'ParameterDefinitionError': ParameterDefinitionError,
    'ParameterNameError': ParameterNameError,
    'OutOfTipsError': OutOfTipsError,
    'TipSelectionError': TipSelectionError,
    'APIVersionError': APIVersionError,
    'NoTipAttachedError': NoTipAttachedError,
    'TipAttachedError': TipAttachedError,
    'LabwareHeightError': LabwareHeightError,
    'NoSuchModuleError': NoSuchModuleError,
    'UnsupportedInstrumentPairingError': UnsupportedInstrumentPairingError,
}
ENGINE_ERRORS.update(HEATER_SHAKER_ERRORS)
