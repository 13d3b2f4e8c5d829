"""LabwareLike: what a Location's labware part refers to (spec 3.2)."""
import enum


class LabwareLikeType(int, enum.Enum):
    SLOT = enum.auto()
    LABWARE = enum.auto()
    WELL = enum.auto()
    MODULE = enum.auto()
    NONE = enum.auto()


class LabwareLike(object):
    def __init__(self, labware):
        from opentrons.protocol_api.labware import Labware, Well
        from opentrons.protocols.geometry.module_geometry import ModuleGeometry
        self._labware = labware
        if isinstance(labware, LabwareLike):
            self._labware = labware.object
            self._type = labware._type
        elif isinstance(labware, Well):
            self._type = LabwareLikeType.WELL
        elif isinstance(labware, Labware):
            self._type = LabwareLikeType.LABWARE
        elif isinstance(labware, str):
            self._type = LabwareLikeType.SLOT
        elif isinstance(labware, ModuleGeometry):
            self._type = LabwareLikeType.MODULE
        else:
            self._type = LabwareLikeType.NONE

    @property
    def object(self):
        return self._labware

    @property
    def is_well(self):
        return self._type == LabwareLikeType.WELL

    @property
    def is_labware(self):
        return self._type == LabwareLikeType.LABWARE

    @property
    def is_slot(self):
        return self._type == LabwareLikeType.SLOT

    @property
    def is_module(self):
        return self._type == LabwareLikeType.MODULE

    @property
    def is_empty(self):
        return self._type == LabwareLikeType.NONE

    @property
    def has_parent(self):
        return self.is_well or self.is_labware or self.is_module

    @property
    def parent(self):
        if self.has_parent:
            return LabwareLike(self._labware.parent)
        return LabwareLike(None)

    def first_parent(self):
        current = self
        for _ in range(10):
            if current.is_slot:
                return current.object
            if current.is_empty:
                return None
            current = current.parent
        return None

    def as_well(self):
        return self._labware

    def as_labware(self):
        return self._labware

    def as_module(self):
        return self._labware

    def __eq__(self, other):
        if isinstance(other, LabwareLike):
            return self._labware == other._labware
        return self._labware == other

    def __hash__(self):
        return id(self._labware)

    def __str__(self):
        if self._labware is None:
            return ''
        return str(self._labware)

    def __repr__(self):
        return str(self)
