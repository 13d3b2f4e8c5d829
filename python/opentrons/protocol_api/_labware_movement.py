"""apiLevel 2.15's labware movement on the Python side: `OFF_DECK`, the engine's form of a load or
move location, `move_labware`'s argument checks, and bringing labware objects up to date after
the engine moved them (their wells print and point where the labware now is)."""
import enum

from opentrons import _engine
from opentrons.protocols.api_support import definitions


class OffDeckType(enum.Enum):
    OFF_DECK = 'off-deck'


OFF_DECK = OffDeckType.OFF_DECK

_OFFSET_AXES_TEXT = ("Labware offset vector is expected to be a dictionary with with floating point "
                     "offset values for all 3 axes. For example: {'x': 1.1, 'y': 2.2, 'z': 3.3}")


def require(what):
    """Refuses `OFF_DECK` (`'offDeck'`), `adapter=` or `push_out=` below 2.15 (the engine's text)."""
    if not definitions.has('labwareMovement'):
        _engine.view('requireLabwareMovement', what=what)


def engine_location(location):
    """A load or move location in the engine's form: a slot as given, a module, a labware, off deck."""
    from .labware import Labware
    from .module_contexts import ModuleContext
    if not definitions.has('labwareMovement'):
        return {'slotName': _engine.slot(location)}
    if location is OFF_DECK:
        return 'offDeck'
    if isinstance(location, Labware):
        return {'labwareId': location._id}
    if isinstance(location, ModuleContext):
        return {'moduleId': location._id}
    return {'slotName': _engine.slot(location)}


def offset_vector(offset):
    """`pick_up_offset` / `drop_offset`: a dict with numbers for x, y and z (falsy: none)."""
    if not offset:
        return None
    if not isinstance(offset, dict):
        raise TypeError('Labware offset must be a dictionary.')
    try:
        values = (offset['x'], offset['y'], offset['z'])
    except KeyError:
        raise TypeError(_OFFSET_AXES_TEXT)
    if not all(isinstance(v, (float, int)) for v in values):
        raise TypeError('Offset values should be a number (int or float).')
    return {'x': float(values[0]), 'y': float(values[1]), 'z': float(values[2])}


def move_labware(ctx, labware, new_location, use_gripper, pick_up_offset, drop_offset):
    from .labware import Labware
    if not isinstance(labware, Labware):
        raise ValueError("Expected labware of type 'Labware' but got {}.".format(type(labware)))
    location = engine_location(new_location)
    pick_up = offset_vector(pick_up_offset)
    drop = offset_vector(drop_offset)
    _engine.execute('moveLabware', labwareId=labware._id, newLocation=location,
                    strategy='usingGripper' if use_gripper else 'manualMoveWithPause',
                    pickUpOffset=pick_up, dropOffset=drop)
    refresh(ctx, labware)


def refresh(ctx, labware):
    """After a move: the labware and everything stacked on it take their new places."""
    while labware is not None:
        labware._relocate(_engine.view('labwareInfo', labwareId=labware._id))
        child = _engine.view('labwarePlace', labwareId=labware._id)['childId']
        labware = None if child is None else ctx._labware(child)


def check_role(info, role):
    """7.5.0 checks a definition's role after loading it: `load_adapter` takes adapters only,
    the other loads anything but a pure adapter."""
    if definitions.has('labwareMovement'):
        _engine.view('checkLabwareRole', labwareId=info['labwareId'], role=role)
    return info


def parent_of(labware):
    """`Labware.parent` from 2.15: the labware below, the module context, `OFF_DECK` or the slot."""
    ctx = labware._ctx
    location = _engine.view('labwarePlace', labwareId=labware._id)['location']
    if location == 'offDeck':
        return OFF_DECK
    if 'labwareId' in location:
        return ctx._labware(location['labwareId'])
    if 'moduleId' in location:
        return ctx._modules_by_id[location['moduleId']]
    return location['slotName']
