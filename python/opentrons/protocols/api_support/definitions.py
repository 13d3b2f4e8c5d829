"""API levels. The engine's level rules are handed over once the protocol is parsed
(`set_engine_levels`), before any protocol code runs: its highest level (`MAX_SUPPORTED_VERSION`
reads it from then on) and the level each member added after 2.0 needs."""
from .types import APIVersion

MIN_SUPPORTED_VERSION = APIVersion(2, 0)
MIN_SUPPORTED_VERSION_FOR_FLEX = APIVersion(2, 15)

_max_supported_version = None
_member_levels = {}
_features = {}


def set_engine_levels(max_supported, members, features=None):
    global _max_supported_version
    _max_supported_version = APIVersion(*max_supported)
    _member_levels.clear()
    _member_levels.update((name, APIVersion(*level)) for name, level in members.items())
    _features.clear()
    _features.update(features or {})


def has(feature):
    """Whether the protocol's level has a behaviour (`FEATURES` of the engine's versions.ts:
    `has('engineCore')` from 2.14)."""
    return _features.get(feature, False)


def max_supported_version():
    return _max_supported_version


def member_level(qualified_name):
    """The level a member added after 2.0 needs (`ProtocolContext.set_rail_lights`: 2.5)."""
    return _member_levels[qualified_name]


def __getattr__(name):
    if name == 'MAX_SUPPORTED_VERSION' and _max_supported_version is not None:
        return _max_supported_version
    raise AttributeError('module {!r} has no attribute {!r}'.format(__name__, name))


def __dir__():
    return sorted(list(globals()) + ['MAX_SUPPORTED_VERSION'])
