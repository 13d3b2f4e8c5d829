"""Version gating (spec section 2)."""
import functools

from .types import APIVersion


class APIVersionError(Exception):
    pass


def requires_version(major, minor):
    added = APIVersion(major, minor)

    def decorator(func):
        @functools.wraps(func)
        def wrapper(self, *args, **kwargs):
            requested = self._api_version
            if requested < added:
                raise APIVersionError(
                    '{} was added in {}, but your protocol requested version {}. You must '
                    'increase your API version to {} to use this functionality.'.format(
                        func.__qualname__, added, requested, added))
            return func(self, *args, **kwargs)
        wrapper.__opentrons_version_added__ = added
        return wrapper
    return decorator


class AxisMaxSpeeds(dict):
    """Per-axis speed limits in mm/s: keys X, Y, Z, A (case-insensitive)."""

    _AXES = ('X', 'Y', 'Z', 'A')

    def __init__(self, on_change=None):
        super().__init__()
        self._on_change = on_change

    def _key(self, key):
        if isinstance(key, str) and key.upper() in self._AXES:
            return key.upper()
        raise KeyError(key)

    def __getitem__(self, key):
        return super().__getitem__(self._key(key))

    def __setitem__(self, key, value):
        key = self._key(key)
        if value is None:
            if key in self:
                super().__delitem__(key)
        else:
            try:
                checked = float(value)
            except (TypeError, ValueError):
                checked = -1
            assert checked > 0, 'max speeds should be numerical values in mm/s'
            super().__setitem__(key, checked)
        self._notify()

    def __delitem__(self, key):
        super().__delitem__(self._key(key))
        self._notify()

    def _notify(self):
        if self._on_change is not None:
            self._on_change(dict(self))
