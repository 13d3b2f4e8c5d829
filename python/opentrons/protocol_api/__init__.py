"""opentrons.protocol_api: the Protocol API v2 surface (4.7.0 up to 2.11, 7.5.0 from 2.12 to 2.19)."""
from opentrons.protocols.api_support.types import APIVersion
from opentrons.protocols.api_support import definitions as _definitions
from opentrons.protocols.api_support.definitions import (MIN_SUPPORTED_VERSION,
                                                        MIN_SUPPORTED_VERSION_FOR_FLEX)
from . import labware
from .labware import Labware, Well, OutOfTipsError
from .instrument_context import InstrumentContext
from .module_contexts import (ModuleContext, TemperatureModuleContext, MagneticModuleContext,
                              ThermocyclerContext, HeaterShakerContext)
from .protocol_context import ProtocolContext
from ._parameter_context import ParameterContext
from ._parameters import Parameters
from ._liquid import Liquid
from ._labware_movement import OFF_DECK, OffDeckType


class PairedInstrumentContext(object):
    """Experimental pipette pairing; not supported."""


def _deck_position(slot):
    from opentrons import _engine
    from opentrons.types import Point
    p = _engine.view('slotPosition', slotName=str(slot))
    return Point(float(p['x']), float(p['y']), float(p['z']))


def __getattr__(name):
    # MAX_SUPPORTED_VERSION is the engine's, known once the protocol is parsed.
    if name == 'MAX_SUPPORTED_VERSION':
        return getattr(_definitions, name)
    raise AttributeError('module {!r} has no attribute {!r}'.format(__name__, name))


def __dir__():
    return sorted(list(globals()) + ['MAX_SUPPORTED_VERSION'])


__all__ = ['ProtocolContext', 'InstrumentContext', 'TemperatureModuleContext',
           'MagneticModuleContext', 'ThermocyclerContext', 'HeaterShakerContext',
           'PairedInstrumentContext', 'Labware', 'Well', 'Liquid', 'OutOfTipsError',
           'ParameterContext', 'Parameters', 'labware', 'MAX_SUPPORTED_VERSION',
           'MIN_SUPPORTED_VERSION', 'MIN_SUPPORTED_VERSION_FOR_FLEX', 'APIVersion', 'OFF_DECK', 'OffDeckType']
