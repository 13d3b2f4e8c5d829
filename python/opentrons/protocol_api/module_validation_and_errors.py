"""The Heater-Shaker's exception classes (robot software 7.5.0). The engine checks and words them;
raising one of these names comes back to Python as the class here, so protocols can catch it."""


class InvalidTargetTemperatureError(ValueError):
    """A Heater-Shaker temperature outside 37-95 °C."""


class InvalidTargetSpeedError(ValueError):
    """A Heater-Shaker speed outside 200-3000 rpm."""


class CannotPerformModuleAction(Exception):
    """Shaking with the latch open, or opening the latch while shaking."""


class NoTargetTemperatureSetError(Exception):
    """Waiting for a temperature before any was set."""


class PipetteMovementRestrictedByHeaterShakerError(Exception):
    """A pipette move the Heater-Shaker's state forbids."""


HEATER_SHAKER_ERRORS = {
    cls.__name__: cls for cls in (
        InvalidTargetTemperatureError, InvalidTargetSpeedError, CannotPerformModuleAction,
        NoTargetTemperatureSetError, PipetteMovementRestrictedByHeaterShakerError)
}
