from .exceptions import (EnumeratedError, GeneralError, PythonException, UnexpectedTipAttachError,
                         UnexpectedTipRemovalError)

__all__ = ['EnumeratedError', 'GeneralError', 'PythonException', 'UnexpectedTipAttachError',
           'UnexpectedTipRemovalError']
