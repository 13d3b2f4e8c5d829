"""`ctx.params` (2.18): the runtime parameters' values as read-only attributes."""
from opentrons.protocols.parameters.types import ParameterNameError


class Parameters:
    def __init__(self, parameters=None):
        super().__setattr__('_values', {})
        if parameters is not None:
            for name, value in parameters.items():
                self._initialize_parameter(name, value)

    def __setattr__(self, key, value):
        if key in self._values:
            raise AttributeError('Cannot overwrite protocol defined parameter {}'.format(key))
        super().__setattr__(key, value)

    def _initialize_parameter(self, variable_name, value):
        # A name this object already answers (get_all, a dunder) cannot be a parameter.
        if hasattr(self, variable_name):
            raise ParameterNameError(
                'Cannot use {} as a variable name, either duplicates another parameter name, '
                'Opentrons reserved function, or Python built-in'.format(variable_name))
        setattr(self, variable_name, value)
        self._values[variable_name] = value

    def get_all(self):
        return self._values
