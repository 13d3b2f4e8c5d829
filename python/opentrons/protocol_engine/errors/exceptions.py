"""The Protocol Engine's errors as a Python protocol meets them (apiLevel >= 2.14): a failed engine
command raises ``ProtocolCommandFailedError``, which wraps the engine's own error (its class name,
code and text come from the engine)."""
from opentrons_shared_data.errors.exceptions import GeneralError, PythonException


class ProtocolEngineError(GeneralError):
    """Base class of the engine's errors."""


class ProtocolCommandFailedError(ProtocolEngineError):
    """An engine command failed; ``str()`` is
    ``Error 4000 GENERAL_ERROR (ProtocolCommandFailedError): {Inner}: {inner message}``."""

    def __init__(self, original_error=None, message=None):
        super().__init__(message=message, wrapping=[original_error] if original_error is not None else [])
        self.original_error = original_error


_classes = {}


def engine_error(type_name, message, code):
    """The engine's error `type_name` as an instance of a class of that name (made once). The
    engine's `PythonException` (`FileNotFoundError: …`) stays a PythonException."""
    if type_name == 'PythonException':
        cls = PythonException
    else:
        cls = _classes.get(type_name)
        if cls is None:
            cls = type(type_name, (ProtocolEngineError,), {'__module__': __name__})
            _classes[type_name] = cls
    return cls(message=message, code=code)
