"""opentrons.protocol_api: the Protocol API v2 surface (robot software 4.7.0)."""
from opentrons.protocols.api_support.types import APIVersion
from opentrons.protocols.api_support.definitions import (MAX_SUPPORTED_VERSION,
                                                         MIN_SUPPORTED_VERSION)
from . import labware
from .labware import Labware, Well, OutOfTipsError
from .instrument_context import InstrumentContext
from .module_contexts import (ModuleContext, TemperatureModuleContext, MagneticModuleContext,
                              ThermocyclerContext)
from .protocol_context import ProtocolContext


class PairedInstrumentContext(object):
    """Experimental pipette pairing; not supported."""


def _deck_position(slot):
    from opentrons import _engine
    from opentrons.types import Point
    p = _engine.call('slot_position', slot=str(slot))
    return Point(float(p['x']), float(p['y']), float(p['z']))


__all__ = ['ProtocolContext', 'InstrumentContext', 'TemperatureModuleContext',
           'MagneticModuleContext', 'ThermocyclerContext', 'PairedInstrumentContext',
           'Labware', 'Well', 'OutOfTipsError', 'labware', 'MAX_SUPPORTED_VERSION',
           'MIN_SUPPORTED_VERSION', 'APIVersion']
