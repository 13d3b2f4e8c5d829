"""Argument errors of robot software 7.5.0's validation (from apiLevel 2.12 here); the checks
themselves live in the engine."""


class InvalidPipetteMountError(ValueError):
    """An invalid or missing pipette mount."""


class PipetteMountTypeError(TypeError):
    """A pipette mount that is neither a string nor a Mount."""


class LocationTypeError(TypeError):
    """A location of the wrong type."""
