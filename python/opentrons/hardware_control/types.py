"""Hardware axis names, as 4.7's `hardware_control.types`."""
import enum


class Axis(enum.Enum):
    X = 0
    Y = 1
    Z = 2
    A = 3
    B = 4
    C = 5

    @classmethod
    def gantry_axes(cls):
        """The axes `ctx.max_speeds` may limit: X, Y and the two mounts' Z (Z left, A right)."""
        return (cls.X, cls.Y, cls.Z, cls.A)


class PipetteChannelType(int, enum.Enum):
    """`InstrumentContext.channels` of robot software 7.5.0 (from apiLevel 2.12 here): an int
    that prints as `single` / `multi`."""
    SINGLE_CHANNEL = 1
    EIGHT_CHANNEL = 8
    NINETY_SIX_CHANNEL = 96

    def __str__(self):
        if self.value == 96:
            return '96'
        if self.value == 8:
            return 'multi'
        return 'single'

    def __format__(self, spec):
        return format(str(self), spec)
