from opentrons.protocols.api_support.types import APIVersion
from .protocol_context import ProtocolContext

MAX_SUPPORTED_VERSION = APIVersion(2, 11)
MIN_SUPPORTED_VERSION = APIVersion(2, 0)
