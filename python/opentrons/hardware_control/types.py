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
