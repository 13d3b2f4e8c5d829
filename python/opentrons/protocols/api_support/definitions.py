from .types import APIVersion

MAX_SUPPORTED_VERSION = APIVersion(2, 11)
MIN_SUPPORTED_VERSION = APIVersion(2, 0)
