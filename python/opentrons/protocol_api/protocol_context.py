"""ProtocolContext (spec section 4)."""
from opentrons import _engine
from opentrons.types import Location, Point, Mount
from opentrons.protocols.api_support import definitions
from opentrons.protocols.api_support.types import APIVersion
from opentrons.protocols.api_support.definitions import has, max_supported_version
from opentrons.protocols.api_support.util import gated_member, refuse_removed, AxisMaxSpeeds
from .labware import Labware
from .disposal_locations import TrashBin, TRASH_BIN_ID
from .instrument_context import InstrumentContext, _HardwarePipette
from .module_contexts import (ModuleContext, TemperatureModuleContext, MagneticModuleContext,
                              ThermocyclerContext, HeaterShakerContext)
from ._format import format_text
from . import _labware_movement as labware_movement
from ._labware_movement import OFF_DECK
from opentrons.protocols.api_support.definitions import has

_FIXED_TRASH_ID = 'fixedTrash'

_MODULE_CLASSES = {
    'TemperatureModuleContext': TemperatureModuleContext,
    'MagneticModuleContext': MagneticModuleContext,
    'ThermocyclerContext': ThermocyclerContext,
    'HeaterShakerContext': HeaterShakerContext,
}


def _has_fields(message):
    """Whether the run log's `text.format(**payload)` (spec 10.3) can change a pause or delay
    message. The engine builds the text around the message; the original formats the whole text,
    which is the message formatted with the text before formatting (`{text}`) and the command's
    payload, so only a message with braces needs them (`pausePayload` / `delayPayload`)."""
    return '{' in message or '}' in message


class _FakeHardware(object):
    """`ctx._hw_manager.hardware` of real protocols (spec section 12): harmless equivalents."""

    def __init__(self, ctx):
        self._ctx = ctx
        self._lights = {'button': False, 'rails': False}
        self._attached_instruments = _AttachedInstruments(ctx)

    @property
    def is_simulator(self):
        return self._ctx._simulating

    def set_lights(self, button=None, rails=None):
        if button is not None:
            self._lights['button'] = bool(button)
        if rails is not None:
            self._lights['rails'] = bool(rails)
            _engine.execute('setRailLights', on=bool(rails))

    def get_lights(self):
        return dict(self._lights)

    def home(self, *args, **kwargs):
        pass

    def __getattr__(self, name):
        if name.startswith('__'):
            raise AttributeError(name)
        return lambda *args, **kwargs: None


class _AttachedInstruments(dict):
    """`hardware._attached_instruments`: Mount -> the attached pipette, or None (as 4.7's
    simulator, keyed by `Mount` members only)."""

    def __init__(self, ctx):
        super().__init__()
        self._ctx = ctx
        self._by_id = {}

    def _current(self, mount):
        instrument = self._ctx._instruments.get(mount.name.lower())
        if instrument is None:
            return None
        if instrument._id not in self._by_id:
            self._by_id[instrument._id] = _HardwarePipette(instrument)
        return self._by_id[instrument._id]

    def __getitem__(self, mount):
        if not isinstance(mount, Mount):
            raise KeyError(mount)
        return self._current(mount)

    def get(self, mount, default=None):
        try:
            return self[mount]
        except KeyError:
            return default

    def __contains__(self, mount):
        return isinstance(mount, Mount)

    def __iter__(self):
        return iter((Mount.LEFT, Mount.RIGHT))

    def __len__(self):
        return 2

    def keys(self):
        return [Mount.LEFT, Mount.RIGHT]

    def values(self):
        return [self[m] for m in self.keys()]

    def items(self):
        return [(m, self[m]) for m in self.keys()]


class _HwManager(object):
    def __init__(self, ctx):
        self.hardware = _FakeHardware(ctx)


class Deck(dict):
    """`ctx.deck`: slot -> item, keys as ints or digit strings (spec 5.1)."""

    def __init__(self, ctx):
        super().__init__()
        self._ctx = ctx

    def _key(self, key):
        text = str(key)
        if text not in [str(i) for i in range(1, 13)]:
            if has('engineCore'):
                raise KeyError(key)
            raise ValueError('Unknown slot: {}'.format(key))
        return text

    def __getitem__(self, key):
        slot = self._key(key)
        item = _engine.view('deckItem', slotName=slot)
        if item is None:
            return None
        if has('engineCore'):
            # The Protocol Engine runtime's deck holds the public objects.
            if item['kind'] == 'labware':
                return self._ctx._labware(item['labwareId'])
            return self._ctx._modules_by_id[item['moduleId']]
        if item['kind'] == 'labware':
            labware = self._ctx._labware(item['labwareId'])
            # 4.7's deck holds its own trash fixture as a Labware and every loaded labware as
            # its implementation object (get_wells(), get_name(), ...).
            return labware if item['labwareId'] == _FIXED_TRASH_ID else labware._implementation
        return self._ctx._modules_by_id[item['moduleId']].geometry

    def __contains__(self, key):
        try:
            self._key(key)
        except (ValueError, KeyError):
            return False
        return True

    def __delitem__(self, key):
        refuse_removed('Deck.__delitem__')
        item = _engine.view('deckItem', slotName=self._key(key))
        _engine.execute('labwright/clearSlot', slotName=self._key(key))
        # From 2.15 the labware went off the deck: its object says so.
        if item is not None and item['kind'] == 'labware' and has('labwareMovement'):
            labware_movement.refresh(self._ctx, self._ctx._labware(item['labwareId']))

    def __iter__(self):
        return iter(self.keys())

    def keys(self):
        if has('engineCore'):
            return [str(i) for i in range(1, 13)]
        return list(range(1, 13))

    def values(self):
        return [self[k] for k in self.keys()]

    def items(self):
        return [(k, self[k]) for k in self.keys()]

    def __len__(self):
        return 12

    def position_for(self, slot):
        p = _engine.view('slotPosition', slotName=str(slot))
        # The deck definition's coordinates are floats in Python (JSON drops the float-ness).
        return Location(Point(float(p['x']), float(p['y']), float(p['z'])), str(slot))

    @property
    def highest_z(self):
        return _engine.view('highestZ')

    def get_slot_center(self, slot_name):
        p = _engine.view('slotCenter', slotName=_engine.slot(slot_name))
        return Point(float(p['x']), float(p['y']), float(p['z']))

    def get_fixed_trash(self):
        return self._ctx.fixed_trash


_NO_MOUNT = object()


def _release7_mount(instrument_name, mount):
    """7.5.0's mount argument: a Mount or a string (checked by the engine); may be omitted in
    the signature, but not in the call."""
    from .validation import InvalidPipetteMountError, PipetteMountTypeError
    if mount is _NO_MOUNT or mount is None:
        raise InvalidPipetteMountError(
            'You must specify a left or right mount to load {}.'.format(
                str(instrument_name).lower()))
    if isinstance(mount, Mount):
        return mount.name.lower()
    if isinstance(mount, str):
        return mount
    raise PipetteMountTypeError(
        "Instrument mount should be 'left', 'right', or an opentrons.types.Mount; instead, "
        '{} was given.'.format(mount))


class ProtocolContext(object):
    def __init__(self, api_version=None, simulating=True, **kwargs):
        self._api_version = api_version or max_supported_version()
        self._simulating = simulating
        self._labware_by_id = {}
        self._instruments = {}
        self._modules_by_id = {}
        self._max_speeds = AxisMaxSpeeds(
            on_change=lambda speeds: _engine.execute('labwright/setMaxSpeeds', speeds=speeds))
        self._hw_manager_obj = _HwManager(self)
        self._deck = Deck(self)
        self._bundled_data = {}
        self._trash_bin = None
        self._params = None

    # registration of engine objects -----------------------------------------------------
    def _labware_level(self):
        """The level Labware and Well objects report: 4.7.0's 2.11 up to 2.11, 7.5.0's 2.13 on its
        legacy core (2.12, 2.13), the protocol's own from 2.14."""
        if definitions.has('engineCore'):
            return self._api_version
        if definitions.has('release7'):
            return APIVersion(2, 13)
        return APIVersion(2, 11)

    def _register_labware(self, info):
        labware = Labware(info, api_level=self._labware_level())
        labware._ctx = self
        self._labware_by_id[info['labwareId']] = labware
        return labware

    def _labware(self, labware_id):
        if labware_id not in self._labware_by_id:
            self._register_labware(_engine.view('labwareInfo', labwareId=labware_id))
        return self._labware_by_id[labware_id]

    # properties -------------------------------------------------------------------------
    @property
    def api_version(self):
        return self._api_version

    @property
    def _implementation(self):
        return self

    @property
    def _hw_manager(self):
        _engine.request('deprecation_warning', member='ProtocolContext._hw_manager')
        return self._hw_manager_obj

    @property
    def max_speeds(self):
        refuse_removed('ProtocolContext.max_speeds')
        return self._max_speeds

    @property
    def deck(self):
        return self._deck

    @property
    def fixed_trash(self):
        trash = _engine.view('fixedTrash')
        if trash == TRASH_BIN_ID:
            # From 2.16 a trash bin, the same object every time.
            if self._trash_bin is None:
                self._trash_bin = TrashBin(self._api_version)
            return self._trash_bin
        return self._labware(trash)

    @property
    def bundled_data(self):
        return self._bundled_data

    @property
    def loaded_labwares(self):
        return dict((item['slot'], self._labware(item['labwareId']))
                    for item in _engine.view('loadedLabwares'))

    @property
    def loaded_instruments(self):
        return dict((m, i) for m, i in sorted(self._instruments.items()))

    @property
    def loaded_modules(self):
        return dict((item['slot'], self._modules_by_id[item['moduleId']])
                    for item in _engine.view('loadedModules'))

    @property
    def location_cache(self):
        cached = _engine.view('locationCache')
        if cached is None:
            return None
        return Location(Point(**cached['point']), self._ref_object(cached['ref']))

    @location_cache.setter
    def location_cache(self, loc):
        _engine.execute('labwright/setLocationCache',
                        location=_engine.target(loc) if isinstance(loc, Location) else None)

    def _ref_object(self, ref):
        kind = ref['kind']
        if kind == 'well':
            return self._labware(ref['labwareId'])[ref['wellName']]
        if kind == 'labware':
            return self._labware(ref['labwareId'])
        if kind == 'slot':
            return ref['slot']
        if kind == 'module':
            module = self._modules_by_id[ref['moduleId']]
            return module if has('engineCore') else module.geometry
        return None

    @property
    @gated_member
    def params(self):
        # Set before run from add_parameters (empty when the protocol defines none).
        if self._params is None:
            from ._parameters import Parameters
            self._params = Parameters()
        return self._params

    @property
    @gated_member
    def rail_lights_on(self):
        return _engine.view('railLightsOn')

    @property
    @gated_member
    def door_closed(self):
        return True

    # loading ----------------------------------------------------------------------------
    def load_labware(self, load_name, location, label=None, namespace=None, version=None,
                     adapter=None):
        if location is OFF_DECK:
            labware_movement.require('offDeck')
        where = labware_movement.engine_location(location)
        if adapter is not None:
            labware_movement.require('adapter')
            where = {'labwareId': self.load_adapter(adapter, location, namespace=namespace)._id}
        info = _engine.execute('loadLabware', location=where,
                               loadName=_engine.text(load_name), displayName=_engine.text(label),
                               namespace=_engine.text(namespace), version=_engine.num(version))
        return self._register_labware(labware_movement.check_role(info, 'labware'))

    def load_labware_from_definition(self, labware_def, location, label=None):
        if location is OFF_DECK:
            labware_movement.require('offDeck')
        info = _engine.execute('loadLabware', location=labware_movement.engine_location(location),
                               definition=labware_def, displayName=_engine.text(label))
        return self._register_labware(labware_movement.check_role(info, 'labware'))

    @gated_member
    def load_adapter(self, load_name, location, namespace=None, version=None):
        info = _engine.execute('loadLabware', location=labware_movement.engine_location(location),
                               loadName=_engine.text(load_name), namespace=_engine.text(namespace),
                               version=_engine.num(version))
        return self._register_labware(labware_movement.check_role(info, 'adapter'))

    @gated_member
    def load_adapter_from_definition(self, adapter_def, location):
        info = _engine.execute('loadLabware', location=labware_movement.engine_location(location),
                               definition=adapter_def)
        return self._register_labware(labware_movement.check_role(info, 'adapter'))

    @gated_member
    def move_labware(self, labware, new_location, use_gripper=False, pick_up_offset=None,
                     drop_offset=None):
        labware_movement.move_labware(self, labware, new_location, use_gripper, pick_up_offset,
                                      drop_offset)

    def load_labware_by_name(self, load_name, location, label=None, namespace=None, version=1):
        return self.load_labware(load_name, location, label, namespace, version)

    def load_instrument(self, instrument_name, mount=_NO_MOUNT, tip_racks=None, replace=False):
        if definitions.has('release7'):
            mount_name = _release7_mount(instrument_name, mount)
        elif mount is _NO_MOUNT:
            raise TypeError("load_instrument() missing 1 required positional argument: 'mount'")
        elif isinstance(mount, Mount):
            mount_name = mount.name.lower()
        elif isinstance(mount, str):
            mount_name = mount
        else:
            raise TypeError('mount should be either an instance of opentrons.types.Mount or a '
                            'string, but is {}.'.format(mount))
        for rack in tip_racks or []:
            assert isinstance(rack, Labware) and (rack.is_tiprack or definitions.has('release7'))
        info = _engine.execute('loadPipette', pipetteName=str(instrument_name), mount=mount_name,
                               tipRackIds=[r._id for r in tip_racks or []], replace=bool(replace))
        instrument = InstrumentContext(self, info, self._api_version)
        self._instruments[info['mount']] = instrument
        return instrument

    def load_module(self, module_name, location=None, configuration=None):
        if configuration:
            refuse_removed('ProtocolContext.load_module(configuration=)')
        info = _engine.execute('loadModule', model=str(module_name),
                               location=None if location is None else
                               {'slotName': _engine.slot(location)},
                               configuration=_engine.text(configuration))
        # A context class this package does not have yet (the Heater-Shaker's) gets the base one.
        cls = _MODULE_CLASSES.get(info['contextClass'], ModuleContext)
        module = cls(self, info, self._api_version)
        self._modules_by_id[info['moduleId']] = module
        return module

    @gated_member
    def load_trash_bin(self, location):
        _engine.view('refuseFlexOnly', feature='load_trash_bin')

    @gated_member
    def load_waste_chute(self):
        _engine.view('refuseFlexOnly', feature='load_waste_chute')

    @gated_member
    def define_liquid(self, name, description, display_color):
        from ._liquid import Liquid
        liquid = _engine.execute('labwright/defineLiquid', name=str(name),
                                 description=_engine.text(description),
                                 displayColor=_engine.text(display_color))
        return Liquid(_id=liquid['id'], name=liquid['displayName'],
                      description=liquid['description'], display_color=liquid['displayColor'])

    # protocol-level commands ----------------------------------------------------------------
    def comment(self, msg):
        if definitions.has('release7'):
            # 7.5.0 logs the text as given: no `str.format`, and any object (`comment(5)`).
            _engine.execute('comment', message=str(msg))
            return
        _engine.execute('comment', message=format_text(msg, {'text': msg}))

    def pause(self, msg=None):
        message = None
        if msg:
            message = '{}'.format(msg)
            if _has_fields(message) and not definitions.has('release7'):
                shown = _engine.view('pausePayload', message=message)
                message = format_text(message, {'text': shown['text'], 'userMessage': msg})
        _engine.execute('waitForResume', message=message)

    def resume(self):
        _engine.execute('labwright/resume')

    def delay(self, seconds=0, minutes=0, msg=None):
        seconds, minutes = _engine.num(seconds), _engine.num(minutes)
        message = None
        if msg:
            message = '{}'.format(msg)
            if _has_fields(message) and not definitions.has('release7'):
                shown = _engine.view('delayPayload', seconds=seconds, minutes=minutes,
                                     message=message)
                message = format_text(message, {'text': shown['text'],
                                                'minutes': float(shown['minutes']),
                                                'seconds': float(shown['seconds'])})
        _engine.execute('waitForDuration', seconds=seconds, minutes=minutes, message=message)

    def home(self):
        _engine.execute('home')

    def is_simulating(self):
        return self._simulating

    @gated_member
    def set_rail_lights(self, on):
        _engine.execute('setRailLights', on=bool(on))

    def commands(self):
        return _engine.view('runLogTexts')

    def clear_commands(self):
        pass

    def connect(self, hardware):
        pass

    def disconnect(self):
        pass

    def cleanup(self):
        pass

    def temp_connect(self, hardware):
        import contextlib
        return contextlib.nullcontext(self)
