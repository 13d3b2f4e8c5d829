"""API levels. The highest supported level is the engine's: the host hands it over once the
protocol is parsed (`set_max_supported_version`), before any protocol code runs, and
`MAX_SUPPORTED_VERSION` reads it from then on."""
from .types import APIVersion

MIN_SUPPORTED_VERSION = APIVersion(2, 0)

_max_supported_version = None


def set_max_supported_version(major, minor):
    global _max_supported_version
    _max_supported_version = APIVersion(major, minor)


def max_supported_version():
    return _max_supported_version


def __getattr__(name):
    if name == 'MAX_SUPPORTED_VERSION' and _max_supported_version is not None:
        return _max_supported_version
    raise AttributeError('module {!r} has no attribute {!r}'.format(__name__, name))


def __dir__():
    return sorted(list(globals()) + ['MAX_SUPPORTED_VERSION'])
