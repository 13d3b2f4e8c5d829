"""Labware and wells (spec section 6). Geometry comes from the engine once, at load time;
tip tracking state lives in the engine."""
from opentrons.types import Location, Point
from opentrons.protocols.api_support.definitions import max_supported_version
from opentrons import _engine
from opentrons.protocols.api_support import definitions
from opentrons.protocols.api_support.definitions import has
from opentrons.protocols.api_support.util import gated_member, refuse_removed


class OutOfTipsError(Exception):
    pass


class TipSelectionError(Exception):
    pass


def _pt(d):
    return Point(d['x'], d['y'], d['z'])


class WellGeometry(object):
    def __init__(self, info):
        self._info = info
        self._position = _pt(info['top'])
        self._depth = info['depth']
        self._diameter = info['diameter']
        self._length = info['length']
        self._width = info['width']
        self._max_volume = info['maxVolume']

    @property
    def position(self):
        return self._position

    @property
    def max_volume(self):
        return self._max_volume

    @property
    def diameter(self):
        return self._diameter

    def top(self, z=0.0):
        return self._position + Point(0, 0, z)

    def bottom(self, z=0.0):
        return _pt(self._info['bottom']) + Point(0, 0, z)

    def center(self):
        return _pt(self._info['center'])


class WellImplementation(object):
    """What `well._impl` is in 4.7: the well's own data (name, display name, geometry, tip
    flag). A `Well` built from it (`Well(other._impl)`, the liquid-tracking idiom) is the same well.
    """

    def __init__(self, labware, info):
        self._labware = labware
        self._info = info
        self._geometry = WellGeometry(info)

    def get_name(self):
        return self._info['name']

    def get_display_name(self):
        return self._info['displayName']

    def get_column_name(self):
        return self._info['name'].lstrip('ABCDEFGHIJKLMNOPQRSTUVWXYZ')

    def get_row_name(self):
        return self._info['name'].rstrip('0123456789')

    def get_geometry(self):
        return self._geometry

    def has_tip(self):
        return bool(_engine.view('wellHasTip', labwareId=self._labware._id,
                                 wellName=self.get_name()))

    def set_has_tip(self, value):
        _engine.execute('labwright/setWellHasTip', labwareId=self._labware._id,
                        wellName=self.get_name(), value=bool(value))

    def __repr__(self):
        return self.get_display_name()

    def __eq__(self, other):
        return isinstance(other, WellImplementation) and self.get_name() == other.get_name()

    __hash__ = object.__hash__


WellImplementation.__module__ = 'opentrons.protocols.context.well'


class Well(object):
    def __init__(self, well_implementation=None, api_level=None, parent=None, info=None):
        if well_implementation is None:
            well_implementation = WellImplementation(parent, info)
        self._impl = well_implementation
        self._parent = well_implementation._labware
        self._info = well_implementation._info
        self._api_version = api_level or max_supported_version()
        self._geometry = well_implementation.get_geometry()

    @property
    def api_version(self):
        return self._api_version

    @property
    def parent(self):
        return self._parent

    @property
    def has_tip(self):
        return self._impl.has_tip()

    @has_tip.setter
    def has_tip(self, value):
        _engine.request('deprecation_warning', member='Well.has_tip.setter')
        refuse_removed('Well.has_tip.setter')
        self._impl.set_has_tip(value)

    @property
    def max_volume(self):
        return self._geometry.max_volume

    @property
    def geometry(self):
        refuse_removed('Well.geometry')
        return self._geometry

    @property
    def diameter(self):
        return self._geometry.diameter

    @property
    def length(self):
        return self._geometry._length

    @property
    def width(self):
        return self._geometry._width

    @property
    def depth(self):
        return self._geometry._depth

    @property
    def display_name(self):
        return self._info['displayName']

    @property
    def well_name(self):
        return self._info['name']

    def load_liquid(self, liquid, volume):
        # Wells report the newest level; the protocol's own decides (the engine checks it).
        _engine.view('requireMember', member='Well.load_liquid')
        _engine.execute('loadLiquid', liquidId=liquid._id, labwareId=self.parent._id,
                        volumeByWell={self.well_name: float(volume)})

    def top(self, z=0.0):
        return Location(self._geometry.top(z), self)

    def bottom(self, z=0.0):
        return Location(self._geometry.bottom(z), self)

    def center(self):
        return Location(self._geometry.center(), self)

    def from_center_cartesian(self, x, y, z):
        if self._geometry.diameter is not None:
            x_size = y_size = self._geometry.diameter
        else:
            x_size = self._geometry._length
            y_size = self._geometry._width
        center = self._geometry.center()
        return Point(x=center.x + x * (x_size / 2.0),
                     y=center.y + y * (y_size / 2.0),
                     z=center.z + z * (self._geometry._depth / 2.0))

    def __repr__(self):
        return self.display_name

    def __str__(self):
        return self.display_name

    def __eq__(self, other):
        if not isinstance(other, Well):
            return False
        return self.top().point == other.top().point

    def __hash__(self):
        return hash(self.top().point)


class LabwareImplementation(object):
    """What `labware._implementation` and `ctx.deck[slot]` are in 4.7: the labware's data behind
    `get_*` methods. Its `repr` is the default object repr, as the original's."""

    def __init__(self, labware):
        self._labware = labware

    def get_uri(self):
        return self._labware.uri

    def get_display_name(self):
        return self._labware._info['displayName']

    def get_name(self):
        return self._labware.name

    def set_name(self, new_name):
        self._labware.name = new_name

    def get_definition(self):
        return self._labware._definition

    def get_parameters(self):
        return self._labware.parameters

    def get_quirks(self):
        return self._labware.quirks

    def get_calibrated_offset(self):
        return self._labware.calibrated_offset

    def is_tiprack(self):
        return self._labware.is_tiprack

    def get_tip_length(self):
        return self._labware.tip_length

    def set_tip_length(self, length):
        self._labware.tip_length = length

    def reset_tips(self):
        if self.is_tiprack():
            self._labware.reset()

    def get_wells(self):
        return [w._impl for w in self._labware._wells]

    def get_wells_by_name(self):
        return dict((w.well_name, w._impl) for w in self._labware._wells)

    @property
    def highest_z(self):
        return self._labware.highest_z

    @property
    def separate_calibration(self):
        return False

    @property
    def load_name(self):
        return self._labware.load_name


LabwareImplementation.__module__ = 'opentrons.protocols.context.protocol_api.labware'


class Labware(object):
    def __init__(self, info=None, api_level=None, implementation=None):
        # `Labware(implementation)` (or `implementation=`) wraps an existing labware, as in 4.7.
        if isinstance(info, LabwareImplementation):
            implementation = info
        if implementation is not None:
            info = implementation._labware._info
        self._id = info['labwareId']
        self._info = info
        self._api_version = api_level or max_supported_version()
        self._parent = None
        self._wells_cache = None
        self._by_name_cache = None
        self._tip_length = info['tipLength']
        self._implementation_obj = implementation
        # The protocol context that loaded it (stacking and parents from 2.15 need it).
        self._ctx = implementation._labware._ctx if implementation is not None else None

    # Wells are built on first use: most protocols touch a few labware's wells only, and
    # building 96 or 384 objects per load is a large part of a short analysis.
    @property
    def _wells(self):
        if self._wells_cache is None:
            self._wells_cache = [Well(parent=self, info=w, api_level=self._api_version)
                                 for w in self._info['wells']]
            self._by_name_cache = dict((w.well_name, w) for w in self._wells_cache)
        return self._wells_cache

    @property
    def _by_name(self):
        if self._by_name_cache is None:
            self._wells
        return self._by_name_cache

    def _attach_parent(self, parent):
        self._parent = parent

    def _relocate(self, info):
        """The engine moved this labware: its data and its wells' geometry and names follow
        (well objects the protocol already holds included)."""
        wells = dict((w['name'], w) for w in info['wells'])
        self._info.update(info)
        if self._wells_cache is not None:
            for well in self._wells_cache:
                well._info.update(wells[well.well_name])
                well._impl._geometry = WellGeometry(well._info)
                well._geometry = well._impl._geometry
            self._info['wells'] = [w._info for w in self._wells_cache]

    @property
    def _implementation(self):
        if self._implementation_obj is None:
            self._implementation_obj = LabwareImplementation(self)
        return self._implementation_obj

    @property
    def _definition(self):
        # Asked for on first use (the engine's load answers leave it out to stay small).
        if self._info.get('definition') is None:
            self._info['definition'] = _engine.view('labwareDefinition', labwareId=self._id)
        return self._info['definition']

    @property
    def api_version(self):
        return self._api_version

    @property
    def separate_calibration(self):
        refuse_removed('Labware.separate_calibration')
        _engine.request('deprecation_warning', member='Labware.separate_calibration')
        return False

    def set_calibration(self, delta):
        refuse_removed('Labware.set_calibration')
        # Below 2.14 not modelled: the member stays missing, as it was before 2.14 existed here.
        raise AttributeError("'Labware' object has no attribute 'set_calibration'")

    @property
    def uri(self):
        return self._info['uri']

    @property
    def parent(self):
        if has('labwareMovement') and self._ctx is not None:
            from ._labware_movement import parent_of
            return parent_of(self)
        return self._parent if self._parent is not None else self._info['slot']

    # Stacking (2.15) ---------------------------------------------------------------------
    @property
    @gated_member
    def child(self):
        child = _engine.view('labwarePlace', labwareId=self._id)['childId']
        return None if child is None else self._ctx._labware(child)

    @property
    @gated_member
    def is_adapter(self):
        return _engine.view('labwarePlace', labwareId=self._id)['isAdapter']

    @gated_member
    def load_labware(self, name, label=None, namespace=None, version=None):
        from ._labware_movement import check_role
        info = _engine.execute('loadLabware', location={'labwareId': self._id},
                               loadName=_engine.text(name), displayName=_engine.text(label),
                               namespace=_engine.text(namespace), version=_engine.num(version))
        return self._ctx._register_labware(check_role(info, 'labware'))

    @gated_member
    def load_labware_from_definition(self, definition, label=None):
        from ._labware_movement import check_role
        info = _engine.execute('loadLabware', location={'labwareId': self._id},
                               definition=definition, displayName=_engine.text(label))
        return self._ctx._register_labware(check_role(info, 'labware'))

    @property
    def name(self):
        return self._info['name']

    @name.setter
    def name(self, new_name):
        refuse_removed('Labware.name.setter')
        # Kept in the shared data, so every wrapper of this labware sees it (one implementation).
        self._info['name'] = new_name

    @property
    def load_name(self):
        return self._info['loadName']

    @property
    def parameters(self):
        return self._info['parameters']

    @property
    def quirks(self):
        return list(self._info['quirks'])

    @property
    def magdeck_engage_height(self):
        return self._info['magdeckEngageHeight']

    @property
    def is_tiprack(self):
        return self._info['isTiprack']

    @property
    def tip_length(self):
        if self._tip_length is None and has('engineCore'):
            _engine.view('labwareTipLength', labwareId=self._id)
        # 7.5.0's legacy core reads it from the definition: a labware without one has none.
        if self._tip_length is None and not self.is_tiprack and definitions.has('release7'):
            raise KeyError('tipLength')
        return self._tip_length

    @tip_length.setter
    def tip_length(self, length):
        refuse_removed('Labware.tip_length.setter')
        # 4.7.0 writes it into the definition's parameters; pick-ups and drops use it from then on.
        self._tip_length = length
        self._info['parameters']['tipLength'] = length
        if isinstance(length, (int, float)) and not isinstance(length, bool):
            _engine.execute('labwright/setTipLength', labwareId=self._id,
                            length=_engine.num(length))

    @property
    def highest_z(self):
        return self._info['highestZ']

    def set_offset(self, x, y, z):
        """Sets this labware's calibration offset (replacing the previous one); no run-log entry.
        4.7.0 (up to 2.11) has no such member."""
        if not definitions.has('release7'):
            raise AttributeError("'Labware' object has no attribute 'set_offset'")
        # Refused at 2.14–2.17, back from 2.18 (an engine offset for the labware's place).
        refuse_removed('Labware.set_offset')
        return self._set_offset(x, y, z)

    def _set_offset(self, x, y, z):
        info = _engine.execute('labwright/setLabwareOffset', labwareId=self._id,
                               offset={'x': float(x), 'y': float(y), 'z': float(z)})
        # The labware moved: its info and the wells already handed out follow it.
        self._info = info
        for well, well_info in zip(self._wells_cache or [], info['wells']):
            well._impl._info = well_info
            well._impl._geometry = WellGeometry(well_info)
            well._info = well_info
            well._geometry = well._impl._geometry

    _set_offset.__qualname__ = 'Labware.set_offset'
    _set_offset = gated_member(_set_offset)

    @property
    def calibrated_offset(self):
        return _pt(self._info['origin'])

    def well(self, idx):
        if isinstance(idx, int):
            return self._wells[idx]
        if isinstance(idx, str):
            return self._by_name[idx]
        raise TypeError('Index must be an integer or a string')

    def wells(self, *args):
        if not args:
            return list(self._wells)
        if all(isinstance(a, int) for a in args):
            return [self._wells[i] for i in args]
        if all(isinstance(a, str) for a in args):
            return [self._by_name[n] for n in args]
        raise TypeError('args must be all int or all str')

    def wells_by_name(self):
        return dict(self._by_name)

    def wells_by_index(self):
        return self.wells_by_name()

    def __getitem__(self, key):
        return self._by_name[key]

    def _grid(self, groups):
        return [[self._by_name[n] for n in group] for group in groups]

    def rows(self, *args):
        rows = self._grid(self._info['rows'])
        if not args:
            return rows
        if all(isinstance(a, int) for a in args):
            return [rows[i] for i in args]
        if all(isinstance(a, str) for a in args):
            by_name = self.rows_by_name()
            return [by_name.get(a, []) for a in args]
        raise TypeError('args must be all int or all str')

    def rows_by_name(self):
        out = {}
        for row in self.rows():
            name = row[0].well_name.rstrip('0123456789')
            out[name] = row
        return out

    def rows_by_index(self):
        return self.rows_by_name()

    def columns(self, *args):
        cols = self._grid(self._info['columns'])
        if not args:
            return cols
        if all(isinstance(a, int) for a in args):
            return [cols[i] for i in args]
        if all(isinstance(a, str) for a in args):
            by_name = self.columns_by_name()
            return [by_name[a] for a in args]
        raise TypeError('args must be all int or all str')

    def columns_by_name(self):
        out = {}
        for col in self.columns():
            name = col[0].well_name.lstrip('ABCDEFGHIJKLMNOPQRSTUVWXYZ')
            out[name] = col
        return out

    def columns_by_index(self):
        return self.columns_by_name()

    def next_tip(self, num_tips=1, starting_tip=None):
        found = _engine.view('labwareNextTip', labwareId=self._id, numTips=num_tips,
                             startingWell=starting_tip.well_name if starting_tip else None)
        return None if found is None else self._by_name[found]

    def use_tips(self, start_well, num_channels=1):
        refuse_removed('Labware.use_tips')
        _engine.execute('labwright/useTips', labwareId=self._id, wellName=start_well.well_name,
                        numChannels=num_channels)

    def previous_tip(self, num_tips=1):
        refuse_removed('Labware.previous_tip')
        found = _engine.view('labwarePreviousTip', labwareId=self._id, numTips=num_tips)
        return None if found is None else self._by_name[found]

    def return_tips(self, start_well, num_channels=1):
        refuse_removed('Labware.return_tips')
        _engine.execute('labwright/useTips', labwareId=self._id, wellName=start_well.well_name,
                        numChannels=num_channels, returned=True)

    def reset(self):
        _engine.execute('labwright/resetLabware', labwareId=self._id)

    def __repr__(self):
        return self._info['displayName']

    def __str__(self):
        return self._info['displayName']

    def __eq__(self, other):
        return isinstance(other, Labware) and other._id == self._id

    def __hash__(self):
        return hash(self._id)


def next_available_tip(starting_tip, tip_racks, channels):
    found = _engine.view('nextAvailableTip',
                         startingTip=None if starting_tip is None else
                         {'labwareId': starting_tip.parent._id, 'wellName': starting_tip.well_name},
                         tipRackIds=[r._id for r in tip_racks], channels=channels)
    if found is None:
        raise OutOfTipsError
    rack = [r for r in tip_racks if r._id == found['labwareId']][0]
    return rack, rack[found['wellName']]


def select_tiprack_from_list(tip_racks, num_channels, starting_point=None):
    return next_available_tip(starting_point, tip_racks, num_channels)


def filter_tipracks_to_start(starting_point, tipracks):
    for i, rack in enumerate(tipracks):
        if rack == starting_point.parent:
            return tipracks[i:]
    return []


def split_tipracks(tip_racks):
    return tip_racks[0], tip_racks[1:]


def get_labware_definition(load_name, namespace=None, version=None, bundled_defs=None,
                           extra_defs=None):
    return _engine.request('get_labware_definition', loadName=str(load_name),
                           namespace=_engine.text(namespace), version=_engine.num(version))


def get_all_labware_definitions():
    return _engine.request('all_labware_load_names')


def verify_definition(contents):
    import json
    if isinstance(contents, (bytes, str)):
        contents = json.loads(contents)
    return contents


def save_definition(labware_def, force=False, location=None):
    if labware_def.get('namespace') == 'opentrons':
        raise RuntimeError('Saving definitions to the "opentrons" namespace is not permitted')
