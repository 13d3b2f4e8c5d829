"""InstrumentContext (spec section 7): a thin front for the engine's pipette."""
from opentrons import _engine
from opentrons.protocols.api_support import definitions
from opentrons.protocols.api_support.definitions import has
from opentrons.protocols.api_support.util import gated_member, refuse_removed, APIVersionError
from opentrons.hardware_control.types import PipetteChannelType
from opentrons.protocols.api_support.types import APIVersion
from opentrons.types import Mount
from .disposal_locations import TrashBin, TRASH_BIN_ID


def _rate(value):
    """A rate as the engine's float: anything float() refuses (or NaN) is sent as 0.0, which the
    engine refuses with the original's message, as 4.7.0 refuses whatever is not a number > 0."""
    try:
        checked = float(value)
    except (TypeError, ValueError):
        return {'float': 0.0}
    return {'float': checked if checked == checked else 0.0}


class _Rates(object):
    """flow_rate / speed / well_bottom_clearance: three plain-attribute views on engine state."""

    _fields = ()

    def __init__(self, instrument, kind):
        object.__setattr__(self, '_instrument', instrument)
        object.__setattr__(self, '_kind', kind)

    def __getattr__(self, name):
        if name not in self._fields:
            raise AttributeError("'{}' object has no attribute '{}'".format(
                type(self).__name__, name))
        state = self._instrument._state()
        key = {'blow_out': 'blowOut'}.get(name, name)
        # The original reads these back from hardware settings, which are always floats
        # (`flow_rate.aspirate = 50` then reads 50.0); JSON would hand back an int.
        return float(state[self._state_key][key])

    def __setattr__(self, name, value):
        if name not in self._fields:
            object.__setattr__(self, name, value)
            return
        self._set(name, value)


class _PositiveRates(_Rates):
    """Rates the engine refuses unless they are positive numbers (with the original's message)."""

    _command = ''

    def _set(self, name, value):
        key = {'blow_out': 'blowOut'}.get(name, name)
        _engine.execute(self._command, pipetteId=self._instrument._id, **{key: _rate(value)})


class FlowRates(_PositiveRates):
    _fields = ('aspirate', 'dispense', 'blow_out')
    _state_key = 'flowRate'
    _command = 'labwright/setFlowRate'


class PlungerSpeeds(_PositiveRates):
    _fields = ('aspirate', 'dispense', 'blow_out')
    _state_key = 'speed'
    _command = 'labwright/setPlungerSpeed'


class Clearances(_Rates):
    _fields = ('aspirate', 'dispense')
    _state_key = 'wellBottomClearance'

    def _set(self, name, value):
        _engine.execute('labwright/setWellBottomClearance', pipetteId=self._instrument._id,
                        **{name: {'float': float(value)}})


_CONFIG_TYPES = {}


def _config_type(fields):
    """4.7's `pipette_config` namedtuple (one type per field list)."""
    import collections
    key = tuple(fields)
    if key not in _CONFIG_TYPES:
        _CONFIG_TYPES[key] = collections.namedtuple('pipette_config', key)
    return _CONFIG_TYPES[key]


def _config_value(value):
    if isinstance(value, dict) and set(value) == {'float'}:
        return float(value['float'])
    return value


class _HardwarePipette(object):
    """`hardware._attached_instruments[mount]`: the attached model's configuration (values from
    the pipette definitions 4.7 loads), changed by `update_config_item` as the original does
    (`config._replace`). Nothing else of the hardware pipette is modelled."""

    def __init__(self, instrument):
        self._instrument = instrument
        pairs = _engine.view('pipetteHardwareConfig', pipetteId=instrument._id)
        cls = _config_type([k for k, _ in pairs])
        self._config = cls(**dict((k, _config_value(v)) for k, v in pairs))

    @property
    def config(self):
        return self._config

    @property
    def name(self):
        return self._config.name

    @property
    def model(self):
        return self._config.model

    @property
    def mount(self):
        return self._instrument._implementation.get_mount()

    def update_config_item(self, elem_name, elem_val):
        self._config = self._config._replace(**{elem_name: elem_val})

    def __repr__(self):
        return '<Pipette: {} {}>'.format(self._config.model, id(self))


class _InstrumentImplementation(object):
    def __init__(self, instrument):
        self._instrument = instrument

    def get_mount(self):
        return Mount.LEFT if self._instrument.mount == 'left' else Mount.RIGHT

    def get_pipette_name(self):
        return self._instrument.name

    def get_model(self):
        return self._instrument.model

    def has_tip(self):
        return self._instrument._state()['hasTip']


def _home_after(value):
    """`home_after`: from 2.12 (7.5.0) `None` means home, as the default does."""
    if value is None and definitions.has('release7'):
        return True
    return bool(value)


def _is_float(value):
    return isinstance(value, float)


def _python_volume(value, is_float):
    """The engine's volume as the Python number 4.7.0 would hold (see `_volume_is_float`)."""
    if value is None:
        return None
    if is_float or not float(value).is_integer():
        return float(value)
    return int(value)


class InstrumentContext(object):
    def __init__(self, ctx, info, api_version):
        self._ctx = ctx
        self._id = info['pipetteId']
        self._info = info
        self._api_version = api_version
        self._implementation = _InstrumentImplementation(self)
        self._tip_racks_cache = None
        # current_volume is plain Python arithmetic in 4.7.0: 0.0 at start, 0 after a pick-up,
        # blow-out or drop, then += / -= the volumes as given (an omitted volume is the available
        # volume, a float). The engine keeps only the value; its Python type is followed here.
        self._volume_is_float = True

    def _volume_added(self, volume):
        self._volume_is_float = self._volume_is_float or not volume or _is_float(volume)

    def _volume_removed(self, volume):
        self._volume_is_float = self._volume_is_float or (bool(volume) and _is_float(volume))

    def _volume_reset(self):
        self._volume_is_float = False

    def _state(self):
        return _engine.view('pipetteState', pipetteId=self._id)

    def _execute(self, command_type, **params):
        _engine.execute(command_type, pipetteId=self._id, **params)
        return self

    # properties -------------------------------------------------------------------------
    @property
    def api_version(self):
        return self._api_version

    @property
    def name(self):
        return self._info['name']

    @property
    def model(self):
        return self._info['model']

    @property
    def requested_as(self):
        return self._info['requestedAs']

    @property
    def mount(self):
        return self._info['mount']

    @property
    def channels(self):
        if definitions.has('release7'):
            return PipetteChannelType(self._info['channels'])
        return self._info['channels']

    @property
    def type(self):
        return self._info['type']

    @property
    def min_volume(self):
        return self._info['minVolume']

    @property
    def max_volume(self):
        return self._info['maxVolume']

    @property
    def current_volume(self):
        volume = self._state()['currentVolume']
        if has('engineCore'):
            # The engine's volume: a float, or the int 0 while nothing is aspirated.
            return float(volume) if volume else 0
        return _python_volume(volume, self._volume_is_float)

    @property
    @gated_member
    def has_tip(self):
        return self._state()['hasTip']

    @property
    def hw_pipette(self):
        if has('engineCore'):
            return {}  # the Protocol Engine runtime has no hardware pipette in simulation
        pipette = _engine.view('hwPipette', pipetteId=self._id)
        pipette['current_volume'] = _python_volume(pipette['current_volume'], self._volume_is_float)
        for key in ('available_volume', 'working_volume'):
            pipette[key] = _python_volume(pipette[key], True)
        return pipette

    @property
    def tip_racks(self):
        ids = self._state()['tipRackIds']
        return [self._ctx._labware(i) for i in ids]

    @tip_racks.setter
    def tip_racks(self, racks):
        _engine.execute('labwright/setTipRacks', pipetteId=self._id,
                        tipRackIds=[r._id for r in racks])

    @property
    def _tip_racks(self):
        return self.tip_racks

    @_tip_racks.setter
    def _tip_racks(self, racks):
        self.tip_racks = racks

    @property
    def trash_container(self):
        trash = self._state()['trashId']
        if trash == TRASH_BIN_ID:
            return self._ctx.fixed_trash
        return self._ctx._labware(trash)

    @trash_container.setter
    def trash_container(self, trash):
        labware_id = TRASH_BIN_ID if isinstance(trash, TrashBin) else trash._id
        _engine.execute('labwright/setTrashContainer', pipetteId=self._id, labwareId=labware_id)

    @property
    @gated_member
    def active_channels(self):
        # A single-channel answers with its channel count as `channels` gives it; a multi with 8.
        if self._info['channels'] == 1:
            return self.channels
        return int(self._info['channels'])

    @property
    def starting_tip(self):
        tip = self._state()['startingTip']
        if tip is None:
            return None
        return self._ctx._labware(tip['labwareId'])[tip['wellName']]

    @starting_tip.setter
    def starting_tip(self, location):
        _engine.execute('labwright/setStartingTip', pipetteId=self._id,
                        tip=None if location is None else
                        {'labwareId': location.parent._id, 'wellName': location.well_name})

    @property
    def _last_tip_picked_up_from(self):
        tip = self._state()['lastTipPickedUpFrom']
        if tip is None:
            return None
        return self._ctx._labware(tip['labwareId'])[tip['wellName']]

    @property
    def default_speed(self):
        return self._state()['defaultSpeed']

    @default_speed.setter
    def default_speed(self, speed):
        _engine.execute('labwright/setDefaultSpeed', pipetteId=self._id, speed=_engine.num(speed))

    @property
    def flow_rate(self):
        return FlowRates(self, 'flow_rate')

    @property
    def speed(self):
        refuse_removed('InstrumentContext.speed')
        return PlungerSpeeds(self, 'speed')

    @property
    def well_bottom_clearance(self):
        return Clearances(self, 'well_bottom_clearance')

    @property
    @gated_member
    def return_height(self):
        return self._info['returnTipHeight']

    # building blocks ---------------------------------------------------------------------
    def aspirate(self, volume=None, location=None, rate=1.0):
        self._execute('aspirate', volume=_engine.num(volume), location=_engine.target(location),
                      rate=_engine.num(rate))
        self._volume_added(volume)
        return self

    def dispense(self, volume=None, location=None, rate=1.0, push_out=None):
        extra = {}
        if push_out:
            from ._labware_movement import require
            require('pushOut')
        if push_out is not None:
            extra['pushOut'] = _engine.num(push_out)
        self._execute('dispense', volume=_engine.num(volume), location=_engine.target(location),
                      rate=_engine.num(rate), **extra)
        self._volume_removed(volume)
        return self

    def mix(self, repetitions=1, volume=None, location=None, rate=1.0):
        self._execute('labwright/mix', repetitions=repetitions, volume=_engine.num(volume),
                      location=_engine.target(location), rate=_engine.num(rate))
        self._volume_added(volume)
        return self

    def blow_out(self, location=None):
        self._execute('blowout', location=_engine.target(location))
        self._volume_reset()
        return self

    def touch_tip(self, location=None, radius=1.0, v_offset=-1.0, speed=60.0):
        return self._execute('touchTip', location=_engine.target(location),
                             radius=_engine.num(radius), vOffset=_engine.num(v_offset),
                             speed=_engine.num(speed))

    def air_gap(self, volume=None, height=None):
        self._execute('labwright/airGap', volume=_engine.num(volume), height=_engine.num(height))
        self._volume_added(volume)
        return self

    def return_tip(self, home_after=True):
        self._execute('labwright/returnTip', homeAfter=_home_after(home_after))
        self._volume_reset()
        return self

    # The original tests tip locations for truth before their type: any falsy value (None, 0,
    # an empty list, as in `drop_tip(rt)` with `rtips=[0] * 4`) means "the default place".
    def pick_up_tip(self, location=None, presses=None, increment=None, prep_after=None):
        if presses is not None:
            refuse_removed('InstrumentContext.pick_up_tip(presses=)')
        if increment is not None:
            refuse_removed('InstrumentContext.pick_up_tip(increment=)')
        params = {}
        if prep_after is not None:
            if not definitions.has('release7'):
                raise TypeError("pick_up_tip() got an unexpected keyword argument 'prep_after'")
            params['prepAfter'] = bool(prep_after)
        self._execute('pickUpTip', location=_engine.target(location if location else None),
                      presses=_engine.num(presses), increment=_engine.num(increment), **params)
        self._volume_reset()
        return self

    def drop_tip(self, location=None, home_after=True):
        self._execute('dropTip', location=_engine.target(location if location else None),
                      homeAfter=_home_after(home_after))
        self._volume_reset()
        return self

    @gated_member
    def configure_for_volume(self, volume):
        # For the Flex's 50 µL pipettes; an OT-2 pipette takes it and nothing changes.
        _engine.execute('configureForVolume', pipetteId=self._id, volume=float(volume))

    @gated_member
    def prepare_to_aspirate(self):
        _engine.view('checkPrepareToAspirate', pipetteId=self._id)
        self._execute('prepareToAspirate')

    @gated_member
    def configure_nozzle_layout(self, style, start=None, front_right=None, tip_racks=None):
        from ._nozzle_layout import checked_layout
        self._execute('configureNozzleLayout', configurationParams=checked_layout(style, start))
        self.tip_racks = tip_racks or []

    @gated_member
    def _retract(self):
        _engine.execute('retractAxis', axis='{}Z'.format(self.mount))

    def home(self):
        return self._execute('labwright/homePipette')

    def home_plunger(self):
        return self

    def delay(self, *args, **kwargs):
        if not args and not kwargs:
            return None
        if definitions.has('release7'):
            raise APIVersionError('InstrumentContext.delay() is not supported in Python Protocol '
                                  'API v2. Use ProtocolContext.delay() instead.')
        if kwargs:
            raise TypeError("delay() got an unexpected keyword argument '{}'".format(
                next(iter(kwargs))))
        raise TypeError('delay() takes 1 positional argument but {} were given'.format(
            len(args) + 1))

    def move_to(self, location, force_direct=False, minimum_z_height=None, speed=None,
                publish=True):
        return self._execute('labwright/moveTo', location=_engine.target(location),
                             forceDirect=bool(force_direct),
                             minimumZHeight=_engine.num(minimum_z_height),
                             speed=_engine.num(speed), publish=bool(publish))

    def reset_tipracks(self):
        _engine.execute('labwright/resetTipracks', pipetteId=self._id)

    @gated_member
    def pair_with(self, instrument):
        # Experimental in 4.7.0 and unused by real protocols (spec 7.4): the original's refusal of
        # different pipettes is kept; an allowed pairing is refused with a plain explanation.
        from opentrons.errors import UnsupportedInstrumentPairingError
        if not isinstance(instrument, InstrumentContext) or instrument.name != self.name:
            raise UnsupportedInstrumentPairingError(
                'At this time, you cannot pair{} with {}'.format(instrument, self))
        raise NotImplementedError(
            'pair_with() (experimental pipette pairing) is not supported by this robot server; '
            'use each pipette on its own')

    # complex commands ----------------------------------------------------------------------
    def _complex(self, mode, volume, source, dest, kwargs):
        if isinstance(volume, tuple):
            # 4.7.0 calls float() on the volume to build the run-log header.
            raise TypeError("float() argument must be a string or a number, not 'tuple'")
        if isinstance(volume, (list,)):
            vol = [_engine.num(v) for v in volume]
        elif isinstance(volume, (int, float)):
            vol = _engine.num(volume)
        else:
            vol = {'kind': 'other', 'repr': str(volume)}
        options = {}
        for key in ('new_tip', 'blowout_location'):
            if key in kwargs:
                value = kwargs[key]
                options[key] = value if isinstance(value, str) or value is None else str(value)
        for key in ('touch_tip', 'blow_out', 'trash'):
            if key in kwargs:
                options[key] = bool(kwargs[key])
        for key in ('air_gap', 'disposal_volume'):
            if key in kwargs and kwargs[key] is not None:
                options[key] = _engine.num(kwargs[key])
        for key in ('mix_before', 'mix_after'):
            if key in kwargs and kwargs[key]:
                reps, vol_ = kwargs[key]
                options[key] = [reps, _engine.num(vol_)]
        try:
            _engine.execute('labwright/transfer', pipetteId=self._id, mode=mode, volume=vol,
                            source=_engine.targets(source), dest=_engine.targets(dest),
                            options=options)
        finally:
            # Approximate (the plan's own arithmetic is not visible here): no tip left means the
            # last step was a drop (0); otherwise float-ness comes from the arguments. When the
            # volume is not a float now and no argument makes it one, it stays an int whether a
            # tip is left or not: the engine is not asked (a long protocol makes thousands of
            # transfers).
            floats = isinstance(volume, list) or any(
                _is_float(v) for v in (volume, kwargs.get('air_gap'), kwargs.get('disposal_volume')))
            if self._volume_is_float or floats:
                if not self._state()['hasTip']:
                    self._volume_reset()
                elif floats:
                    self._volume_is_float = True
        return self

    def transfer(self, volume, source, dest, trash=True, **kwargs):
        kwargs.setdefault('trash', trash)
        return self._complex('transfer', volume, source, dest, kwargs)

    def distribute(self, volume, source, dest, *args, **kwargs):
        return self._complex('distribute', volume, source, dest, kwargs)

    def consolidate(self, volume, source, dest, *args, **kwargs):
        return self._complex('consolidate', volume, source, dest, kwargs)

    def __str__(self):
        return '{} on {} mount'.format(self._info['displayName'], self.mount)

    def __repr__(self):
        return '<{}: {} in {}>'.format(type(self).__name__, self.model, self.mount.upper())
