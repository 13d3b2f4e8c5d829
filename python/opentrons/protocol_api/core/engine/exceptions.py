"""Errors the Python API raises itself at apiLevel >= 2.14 (not engine command failures); the
engine decides when and with which text."""


class InvalidModuleLocationError(ValueError):
    """A module other than the Thermocycler loaded without a slot."""


class InvalidMagnetEngageHeightError(ValueError):
    """A Magnetic Module engaged without a height where none is known."""
