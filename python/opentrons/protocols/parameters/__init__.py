"""Runtime parameters (apiLevel 2.18): the exceptions a protocol can catch. The rules and their
texts live in the engine; these classes are what it raises."""
from .types import ParameterValueError, ParameterDefinitionError, ParameterNameError

__all__ = ['ParameterValueError', 'ParameterDefinitionError', 'ParameterNameError']
