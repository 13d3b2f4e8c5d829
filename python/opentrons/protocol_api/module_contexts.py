"""Module contexts (spec section 9)."""
import enum

from opentrons import _engine
from opentrons.protocols.api_support import definitions
from opentrons.protocols.api_support.definitions import has
from opentrons.protocols.api_support.util import gated_member, refuse_removed
from opentrons.protocols.geometry.module_geometry import ModuleGeometry


class ModuleContext(object):
    def __init__(self, ctx, info, api_version):
        self._ctx = ctx
        self._id = info['moduleId']
        self._info = info
        self._api_version = api_version
        self._geometry = ModuleGeometry(info)

    def _execute(self, command_type, **params):
        return _engine.execute(command_type, moduleId=self._id, **params)

    def _state(self):
        return _engine.view('moduleState', moduleId=self._id)

    @property
    def api_version(self):
        return self._api_version

    @property
    def geometry(self):
        refuse_removed('ModuleContext.geometry')
        return self._geometry

    @property
    def labware(self):
        if has('labwareMovement'):
            # Adapters and manual moves change what stands on the module: the engine knows.
            held = _engine.view('moduleLabware', moduleId=self._id)
            return None if held is None else self._ctx._labware(held)
        return self._geometry._labware

    def load_labware_object(self, labware):
        """An already loaded labware becomes this module's; as in 4.7.0 it keeps its position
        and parent (the same object is returned)."""
        from .labware import Labware
        refuse_removed('ModuleContext.load_labware_object')
        _engine.request('deprecation_warning', member='ModuleContext.load_labware_object')
        if not isinstance(labware, Labware):
            raise TypeError('labware should be a Labware, but it is {}'.format(labware))
        self._execute('labwright/loadLabwareObject', labwareId=labware._id)
        self._geometry._labware = labware
        return labware

    def _attach(self, info):
        labware = self._ctx._register_labware(info)
        # From 2.14 a labware's parent is the module context itself.
        labware._attach_parent(self if has('engineCore') else self._geometry)
        self._geometry._labware = labware
        return labware

    def load_labware(self, name, label=None, namespace=None, version=None, adapter=None):
        from ._labware_movement import check_role, require
        if version is None and not has('engineCore'):
            version = 1  # 4.7.0's default; from 2.14 the engine picks the version
        params = dict(loadName=_engine.text(name), displayName=_engine.text(label),
                      namespace=_engine.text(namespace), version=_engine.num(version))
        if adapter is not None:
            require('adapter')
            below = self.load_adapter(adapter, namespace=namespace)
            info = _engine.execute('loadLabware', location={'labwareId': below._id}, **params)
            return self._ctx._register_labware(check_role(info, 'labware'))
        info = _engine.execute('loadLabware', location={'moduleId': self._id}, **params)
        return self._attach(check_role(info, 'labware'))

    def load_labware_from_definition(self, definition, label=None):
        from ._labware_movement import check_role
        return self._attach(check_role(_engine.execute(
            'loadLabware', location={'moduleId': self._id}, definition=definition,
            displayName=_engine.text(label)), 'labware'))

    @gated_member
    def load_adapter(self, name, namespace=None, version=None):
        from ._labware_movement import check_role
        return self._attach(check_role(_engine.execute(
            'loadLabware', location={'moduleId': self._id}, loadName=_engine.text(name),
            namespace=_engine.text(namespace), version=_engine.num(version)), 'adapter'))

    @gated_member
    def load_adapter_from_definition(self, definition):
        from ._labware_movement import check_role
        return self._attach(check_role(_engine.execute(
            'loadLabware', location={'moduleId': self._id}, definition=definition), 'adapter'))

    @gated_member
    def load_labware_by_name(self, name, label=None, namespace=None, version=1):
        return self.load_labware(name, label, namespace, version)

    @property
    @gated_member
    def model(self):
        return self._info['model']

    @property
    @gated_member
    def type(self):
        return self._info['type']

    @property
    @gated_member
    def parent(self):
        return self._info['slot']

    def _serial_number(self):
        # What the Protocol Engine's simulated modules report, as its analysis lists them.
        return 'fake-serial-number-{}'.format(self._id)

    def __repr__(self):
        return '{} at {} lw {}'.format(type(self).__name__, self._geometry, self.labware)


class TemperatureModuleContext(ModuleContext):
    @property
    @gated_member
    def serial_number(self):
        return self._serial_number()

    def set_temperature(self, celsius):
        self._execute('temperatureModule/setTargetTemperature', celsius=_engine.num(celsius),
                      wait=True)

    def start_set_temperature(self, celsius):
        # The run-log line is published before the version check (spec 9.3).
        self._execute('temperatureModule/setTargetTemperature', celsius=_engine.num(celsius),
                      wait=False)

    def await_temperature(self, celsius):
        self._execute('temperatureModule/waitForTemperature', celsius=_engine.num(celsius))

    def deactivate(self):
        self._execute('temperatureModule/deactivate')

    @property
    def temperature(self):
        return self._state()['temperature']

    @property
    def target(self):
        return self._state()['target']

    @property
    @gated_member
    def status(self):
        return self._state()['status']


class MagneticModuleContext(ModuleContext):
    @property
    @gated_member
    def serial_number(self):
        return self._serial_number()

    def calibrate(self):
        self._execute('labwright/calibrateMagneticModule')

    def engage(self, height=None, offset=None, height_from_base=None):
        self._execute('magneticModule/engage', height=_engine.num(height),
                      offset=_engine.num(offset), heightFromBase=_engine.num(height_from_base))

    def disengage(self):
        self._execute('magneticModule/disengage')

    @property
    def status(self):
        return self._state()['status']


class ThermocyclerLidStatus(str, enum.Enum):
    OPEN = 'open'
    CLOSED = 'closed'
    IN_BETWEEN = 'in_between'
    UNKNOWN = 'unknown'
    MAX = 'max'

    def __str__(self):
        # CPython 3.7: str() of a str-mixin enum names the member, format() gives the value.
        return '{}.{}'.format(type(self).__name__, self.name)

    def __format__(self, spec):
        return format(self.value, spec)


class ThermocyclerContext(ModuleContext):
    @property
    @gated_member
    def serial_number(self):
        return self._serial_number()

    def open_lid(self):
        self._execute('thermocycler/openLid')
        return 'open'

    def close_lid(self):
        self._execute('thermocycler/closeLid')
        return 'closed'

    def set_block_temperature(self, temperature, hold_time_seconds=None, hold_time_minutes=None,
                              ramp_rate=None, block_max_volume=None):
        self._execute('thermocycler/setTargetBlockTemperature', celsius=_engine.num(temperature),
                      holdTimeSeconds=_engine.num(hold_time_seconds),
                      holdTimeMinutes=_engine.num(hold_time_minutes),
                      rampRate=_engine.num(ramp_rate))

    def set_lid_temperature(self, temperature):
        self._execute('thermocycler/setTargetLidTemperature', celsius=_engine.num(temperature))

    def execute_profile(self, steps, repetitions, block_max_volume=None):
        # The run-log text holds Python's str() of the steps as passed.
        # Steps leave out what is None (a step given `hold_time_minutes=None`).
        self._execute('thermocycler/runProfile', stepsText=str(steps),
                      profile=[dict((k, _engine.num(v)) for k, v in s.items() if v is not None)
                               for s in steps],
                      repetitions=repetitions)

    def deactivate_lid(self):
        self._execute('thermocycler/deactivateLid')

    def deactivate_block(self):
        self._execute('thermocycler/deactivateBlock')

    def deactivate(self):
        self._execute('labwright/deactivateThermocycler')

    @property
    def lid_position(self):
        # 7.5.0 (from 2.12 here) returns the plain string.
        if definitions.has('release7'):
            return self._state()['lidPosition']
        return ThermocyclerLidStatus(self._state()['lidPosition'])

    @property
    def block_temperature(self):
        return self._state()['blockTemperature']

    @property
    def block_target_temperature(self):
        return self._state()['blockTarget']

    @property
    def lid_temperature(self):
        return self._state()['lidTemperature']

    @property
    def lid_target_temperature(self):
        return self._state()['lidTarget']

    @property
    def hold_time(self):
        return self._state()['holdTime']

    @property
    def ramp_rate(self):
        return None

    @property
    def block_temperature_status(self):
        s = self._state()
        return 'holding at target' if s['blockTarget'] is not None else 'idle'

    @property
    def lid_temperature_status(self):
        s = self._state()
        return 'holding at target' if s['lidTarget'] is not None else 'idle'

    @property
    def total_cycle_count(self):
        return self._state()['totalCycleCount']

    @property
    def current_cycle_index(self):
        return self._state()['currentCycleIndex']

    @property
    def total_step_count(self):
        return self._state()['totalStepCount']

    @property
    def current_step_index(self):
        return self._state()['currentStepIndex']


class HeaterShakerContext(ModuleContext):
    """The Heater-Shaker (`heaterShakerModuleV1`); every member needs 2.13. The engine publishes
    each call's run-log entry, then checks the value, so a refused value still leaves it."""

    @gated_member
    def set_target_temperature(self, celsius):
        self._execute('heaterShaker/setTargetTemperature', celsius=_engine.num(celsius))

    @gated_member
    def wait_for_temperature(self):
        self._execute('heaterShaker/waitForTemperature')

    @gated_member
    def set_and_wait_for_temperature(self, celsius):
        self.set_target_temperature(celsius=celsius)
        self.wait_for_temperature()

    @gated_member
    def set_and_wait_for_shake_speed(self, rpm):
        self._execute('heaterShaker/setAndWaitForShakeSpeed', rpm=_engine.num(rpm))

    @gated_member
    def open_labware_latch(self):
        self._execute('heaterShaker/openLabwareLatch')

    @gated_member
    def close_labware_latch(self):
        self._execute('heaterShaker/closeLabwareLatch')

    @gated_member
    def deactivate_shaker(self):
        self._execute('heaterShaker/deactivateShaker')

    @gated_member
    def deactivate_heater(self):
        self._execute('heaterShaker/deactivateHeater')

    @property
    @gated_member
    def target_temperature(self):
        return self._state()['targetTemperature']

    @property
    @gated_member
    def current_temperature(self):
        return self._state()['currentTemperature']

    @property
    @gated_member
    def current_speed(self):
        return self._state()['currentSpeed']

    @property
    @gated_member
    def target_speed(self):
        return self._state()['targetSpeed']

    @property
    @gated_member
    def temperature_status(self):
        return self._state()['temperatureStatus']

    @property
    @gated_member
    def speed_status(self):
        return self._state()['speedStatus']

    @property
    @gated_member
    def labware_latch_status(self):
        return self._state()['labwareLatchStatus']
