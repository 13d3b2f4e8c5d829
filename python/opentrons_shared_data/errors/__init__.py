"""Coded errors (robot software 7): every error with a code in the Opentrons error catalogue."""
from .exceptions import EnumeratedError, GeneralError, PythonException

__all__ = ['EnumeratedError', 'GeneralError', 'PythonException']
