from .protocol_context import ProtocolContext
from .instrument_context import InstrumentContext
from .module_contexts import (ModuleContext, TemperatureModuleContext, MagneticModuleContext,
                              ThermocyclerContext)
from . import PairedInstrumentContext
