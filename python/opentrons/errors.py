"""Exception classes raised by the engine, re-raised here under their original names."""
from opentrons.protocol_api.labware import OutOfTipsError, TipSelectionError
from opentrons.protocols.api_support import definitions
from opentrons.protocols.api_support.util import APIVersionError
from opentrons.protocol_api.core.engine.exceptions import (InvalidMagnetEngageHeightError,
                                                           InvalidModuleLocationError)
from opentrons.protocol_api.module_validation_and_errors import HEATER_SHAKER_ERRORS
from opentrons.motion_planning.deck_conflict import DeckConflictError
from opentrons.protocol_api.validation import (InvalidPipetteMountError, PipetteMountTypeError,
                                               LocationTypeError)
from opentrons_shared_data.errors.exceptions import (UnexpectedTipAttachError,
                                                     UnexpectedTipRemovalError)


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
    'DeckConflictError': DeckConflictError,
    'InvalidPipetteMountError': InvalidPipetteMountError,
    'PipetteMountTypeError': PipetteMountTypeError,
    'LocationTypeError': LocationTypeError,
    'UnexpectedTipAttachError': UnexpectedTipAttachError,
    'UnexpectedTipRemovalError': UnexpectedTipRemovalError,
    'InvalidModuleLocationError': InvalidModuleLocationError,
    'InvalidMagnetEngageHeightError': InvalidMagnetEngageHeightError,
}
ENGINE_ERRORS.update(HEATER_SHAKER_ERRORS)


def command_failure(type_name, message, code):
    """A failed engine command at apiLevel >= 2.14: ``ProtocolCommandFailedError`` wrapping the
    engine's error (spec D.2). Below, None: the error is raised as itself."""
    if not definitions.has('engineCore'):
        return None
    from opentrons.protocol_engine.errors import ProtocolCommandFailedError, engine_error
    return ProtocolCommandFailedError(original_error=engine_error(type_name, message, code),
                                      message='{}: {}'.format(type_name, message))
