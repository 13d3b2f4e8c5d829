"""Labwright's own `opentrons` package: the Protocol API v2 surface of robot software 4.7.0,
kept thin. State, rules and run-log text live in the engine, reached through one bridge."""
__version__ = '4.7.0'

from labwright_sandbox import bridge as _bridge
from opentrons import errors as _errors

_bridge.register_errors(_errors.ENGINE_ERRORS)
_bridge.register_command_failure(_errors.command_failure)
