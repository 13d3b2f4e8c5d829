"""Module geometry: what labware on a module reports as its parent (spec 9.2)."""
from opentrons.types import Point, Location


class ModuleGeometry(object):
    def __init__(self, info):
        self._id = info['moduleId']
        self._info = info
        self._labware = None

    @property
    def display_name(self):
        return self._info['displayName']

    @property
    def model(self):
        return self._info['model']

    @property
    def module_type(self):
        return self._info['type']

    @property
    def load_name(self):
        return self._info['model']

    @property
    def parent(self):
        return self._info['slot']

    @property
    def labware(self):
        return self._labware

    @property
    def labware_offset(self):
        o = self._info['labwareOffset']
        return Point(o['x'], o['y'], o['z'])

    @property
    def location(self):
        from opentrons.protocol_api import _deck_position
        return Location(_deck_position(self._info['slot']), self._info['slot'])

    @property
    def highest_z(self):
        return self._info.get('highestZ', 0.0)

    def __str__(self):
        return self._info['displayName']

    def __repr__(self):
        return str(self)
