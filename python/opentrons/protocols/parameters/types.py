"""The runtime-parameter exceptions, where robot software 7 defines them."""


class ParameterValueError(ValueError):
    """A parameter's value (its default or a value given at run setup) is not valid."""


class ParameterDefinitionError(ValueError):
    """A parameter's definition (choices, minimum, maximum) is not valid."""


class ParameterNameError(ValueError):
    """A parameter's name, display name, description or unit is not valid."""
