"""opentrons.types: Point, Location, Mount and friends (spec section 3)."""
import enum
import math
from typing import NamedTuple, Union


class PipetteNotAttachedError(KeyError):
    """An error raised if a pipette is accessed that is not attached"""


class Point(NamedTuple):
    x: float = 0.0
    y: float = 0.0
    z: float = 0.0

    def __eq__(self, other):
        if not isinstance(other, Point):
            return False
        return all(math.isclose(a, b, rel_tol=1e-05, abs_tol=1e-08) for a, b in zip(self, other))

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = tuple.__hash__

    def __add__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return Point(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return Point(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, other):
        if not isinstance(other, (float, int)):
            return NotImplemented
        return Point(self.x * other, self.y * other, self.z * other)

    def __rmul__(self, other):
        if not isinstance(other, (float, int)):
            return NotImplemented
        return Point(self.x * other, self.y * other, self.z * other)

    def __abs__(self):
        return Point(abs(self.x), abs(self.y), abs(self.z))

    def __str__(self):
        return '({}, {}, {})'.format(self.x, self.y, self.z)

    def magnitude_to(self, other):
        x_diff = self.x - other.x
        y_diff = self.y - other.y
        z_diff = self.z - other.z
        return math.sqrt(x_diff ** 2 + y_diff ** 2 + z_diff ** 2)


class Location(object):
    """A location to target as a motion: a point plus the labware, well, slot or module it is in."""

    def __init__(self, point, labware):
        from opentrons.protocols.api_support.labware_like import LabwareLike
        self._point = point
        self._given_labware = labware
        self._labware = LabwareLike(labware)

    @property
    def point(self):
        return self._point

    @property
    def labware(self):
        return self._labware

    def __iter__(self):
        return iter((self._point, self._labware))

    def __eq__(self, other):
        return (isinstance(other, Location)
                and other._point == self._point
                and other._labware == self._labware)

    def __hash__(self):
        return hash(self._point)

    def move(self, point):
        return Location(point=self.point + point, labware=self._given_labware)

    def __repr__(self):
        return 'Location(point={}, labware={})'.format(repr(self._point), self._labware)


class Mount(enum.Enum):
    LEFT = enum.auto()
    RIGHT = enum.auto()

    def __str__(self):
        return self.name

    @classmethod
    def string_to_mount(cls, mount):
        if mount == 'right':
            return cls.RIGHT
        return cls.LEFT


class MountType(str, enum.Enum):
    LEFT = 'left'
    RIGHT = 'right'


class DeckSlotName(enum.Enum):
    SLOT_1 = 1
    SLOT_2 = 2
    SLOT_3 = 3
    SLOT_4 = 4
    SLOT_5 = 5
    SLOT_6 = 6
    SLOT_7 = 7
    SLOT_8 = 8
    SLOT_9 = 9
    SLOT_10 = 10
    SLOT_11 = 11
    FIXED_TRASH = 12

    @classmethod
    def from_primitive(cls, value):
        return cls(int(value))

    def __str__(self):
        return str(self.value)


class TransferTipPolicy(enum.Enum):
    ONCE = enum.auto()
    NEVER = enum.auto()
    ALWAYS = enum.auto()


DeckLocation = Union[int, str]
