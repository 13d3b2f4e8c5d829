"""Version gating (spec section 2)."""
import functools
from collections.abc import MutableMapping

from . import definitions


class APIVersionError(Exception):
    """Raised (by the engine, with its text) for a member added after the protocol's level."""


def gated_member(func):
    """A member added after 2.0: refused below the level the engine gives it (`MEMBERS`), with
    the engine's APIVersionError (re-raised as the class above)."""
    name = func.__qualname__

    @functools.wraps(func)
    def wrapper(self, *args, **kwargs):
        # The comparison spares a bridge round trip on every allowed call.
        if self._api_version < definitions.member_level(name):
            from opentrons import _engine
            _engine.view('requireMember', member=name,
                         level=[self._api_version[0], self._api_version[1]])
        return func(self, *args, **kwargs)
    return wrapper


def refuse_removed(name):
    """A member the Protocol Engine runtime (2.14) removed or refuses: the engine raises its
    APIVersionError at the levels that refuse it (`REMOVED` in the engine's removals.ts)."""
    if definitions.has('engineCore'):
        from opentrons import _engine
        _engine.view('refuseRemoved', member=name)


class AxisMaxSpeeds(MutableMapping):
    """`ctx.max_speeds`: per-axis speed limits in mm/s, stored by `Axis` and given by name
    (`'x'`, `'A'`). As in 4.7: assigning None removes a limit (KeyError if there is none),
    iteration, `keys()` and `items()` give names, and `in` looks for the stored `Axis` members
    (so `'A' in ctx.max_speeds` is False). Every change is handed to the engine's time model."""

    def __init__(self, on_change=None):
        self.data = {}
        self._on_change = on_change

    @staticmethod
    def _verify_key(key):
        from opentrons.hardware_control.types import Axis
        if isinstance(key, Axis):
            checked = key
        elif isinstance(key, str):
            checked = Axis[key.upper()]
        else:
            checked = None
        if checked not in Axis.gantry_axes():
            raise KeyError(key)
        return checked

    def __getitem__(self, key):
        return self.data[self._verify_key(key)]

    def __setitem__(self, key, value):
        if value is None:
            del self[key]
            return
        checked = self._verify_key(key)
        try:
            speed = float(value)
        except (TypeError, ValueError):
            speed = None
        if speed != speed:  # NaN: not a number to the engine either (and not JSON)
            speed = None
        # The engine refuses what is not a number > 0 (with the original's AssertionError)
        # before anything is stored here.
        changed = dict(self.data)
        changed[checked] = speed
        self._notify(changed)
        self.data = changed

    def __delitem__(self, key):
        changed = dict(self.data)
        del changed[self._verify_key(key)]
        self._notify(changed)
        self.data = changed

    def __contains__(self, key):
        return key in self.data

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return (axis.name for axis in self.data.keys())

    def keys(self):
        return (axis.name for axis in self.data.keys())

    def items(self):
        return ((axis.name, value) for axis, value in self.data.items())

    def copy(self):
        return dict(self.items())

    def __repr__(self):
        return repr(self.data)

    def _notify(self, data):
        if self._on_change is not None:
            self._on_change(dict((axis.name, value) for axis, value in data.items()))
