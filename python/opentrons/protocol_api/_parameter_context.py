"""`ParameterContext`: what a protocol's `add_parameters(parameters)` receives (runtime
parameters). Each definition goes to the host, which checks it with the original's rules and
reports it with the analysis; nothing is logged."""
import math

from opentrons import _engine
from opentrons.protocols.parameters import types as _types
from ._parameters import Parameters

_PYTHON_TYPES = {'int': int, 'float': float, 'bool': bool, 'str': str}


def _value(v):
    """A Python value as the rules need it: its type name, its JSON value and its str()."""
    if isinstance(v, bool):
        kind = 'bool'
    elif isinstance(v, int):
        kind = 'int'
    elif isinstance(v, float):
        kind = 'float'
    elif isinstance(v, str):
        kind = 'str'
    else:
        kind = type(v).__name__
    plain = v if kind in _PYTHON_TYPES else None
    if kind == 'float' and not math.isfinite(v):
        plain = None
    elif kind == 'int' and not isinstance(v, bool):
        plain = int(v)
    return {'type': kind, 'value': plain, 'text': str(v)}


def _optional(v):
    return None if v is None else _value(v)


def _choices(choices):
    if choices is None:
        return None
    out = []
    for choice in choices:
        try:
            display_name = choice['display_name']
            value = choice['value']
        except (KeyError, TypeError, IndexError):
            out.append({'display_name': None, 'value': None})
            continue
        out.append({'display_name': _value(display_name), 'value': _value(value)})
    return out


class ParameterContext:
    """Public context for adding parameters to a protocol."""

    def __init__(self, api_version=None):
        self._api_version = api_version

    def _add(self, kind, display_name, variable_name, default, minimum=None, maximum=None,
             choices=None, description=None, unit=None):
        _engine.request('add_parameter', type=kind, displayName=_value(display_name),
                        variableName=_value(variable_name), default=_value(default),
                        minimum=_optional(minimum), maximum=_optional(maximum),
                        choices=_choices(choices), description=_optional(description),
                        unit=_optional(unit))

    def add_int(self, display_name, variable_name, default, minimum=None, maximum=None,
                choices=None, description=None, unit=None):
        self._add('int', display_name, variable_name, default, minimum, maximum, choices,
                  description, unit)

    def add_float(self, display_name, variable_name, default, minimum=None, maximum=None,
                  choices=None, description=None, unit=None):
        self._add('float', display_name, variable_name, default, minimum, maximum, choices,
                  description, unit)

    def add_bool(self, display_name, variable_name, default, description=None):
        self._add('bool', display_name, variable_name, default,
                  choices=[{'display_name': 'On', 'value': True},
                           {'display_name': 'Off', 'value': False}],
                  description=description)

    def add_str(self, display_name, variable_name, default, choices=None, description=None):
        self._add('str', display_name, variable_name, default, choices=choices,
                  description=description)

    def _values(self):
        """Each parameter's value: the lab's where it gave one (checked by the host, which raises
        the original's errors for a refused one), else the default."""
        values = {}
        for item in _engine.request('parameter_values'):
            values[item['variableName']] = _PYTHON_TYPES[item['type']](item['value'])
        return values

    def export_parameters_for_protocol(self):
        return Parameters(self._values())
