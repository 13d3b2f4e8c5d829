"""The package's way to the engine: its commands (``execute``), its read-only views (``view``) and
the host's own requests (``request``), and the helpers that turn Python values into the engine's
plain-data shapes."""
from labwright_sandbox import bridge


def num(value):
    """A Python number as the engine's PyNum: ints stay plain, floats keep their float-ness."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return {'float': value}
    return value


def point(p):
    return {'x': float(p[0]), 'y': float(p[1]), 'z': float(p[2])}


def location_ref(labware_like):
    from opentrons.protocol_api.labware import Labware, Well
    from opentrons.protocols.geometry.module_geometry import ModuleGeometry
    obj = labware_like.object
    if isinstance(obj, Well):
        return {'kind': 'well', 'labwareId': obj.parent._id, 'wellName': obj.well_name}
    if isinstance(obj, Labware):
        return {'kind': 'labware', 'labwareId': obj._id}
    if isinstance(obj, ModuleGeometry):
        return {'kind': 'module', 'moduleId': obj._id}
    if _is_module_context(obj):
        # 7.5.0 prints a Location tied to a module context as the context's str() (2.13 also
        # refuses to pipette there).
        return {'kind': 'module', 'moduleId': obj._id, 'context': str(obj)}
    if isinstance(obj, str):
        return {'kind': 'slot', 'slot': obj}
    from opentrons.protocol_api.module_contexts import ModuleContext
    from opentrons.protocols.api_support.definitions import has
    if isinstance(obj, ModuleContext) and has('release7'):
        # Robot software 7 prints a Location tied to a module context as the context's repr.
        return {'kind': 'none', 'text': repr(obj)}
    return {'kind': 'none'}


def _is_module_context(obj):
    from opentrons.protocol_api.module_contexts import ModuleContext
    from opentrons.protocols.api_support import definitions
    return isinstance(obj, ModuleContext) and definitions.has('release7')


def target(value):
    """Any location-ish argument: Well, Location, Labware, None or anything else."""
    from opentrons.types import Location
    from opentrons.protocol_api.labware import Labware, Well
    if value is None:
        return None
    if isinstance(value, Well):
        return {'kind': 'well', 'labwareId': value.parent._id, 'wellName': value.well_name}
    if isinstance(value, Location):
        ref = location_ref(value.labware)
        if ref['kind'] == 'none' and 'text' not in ref:
            ref['text'] = str(value.point)
        return {'kind': 'location', 'point': point(value.point), 'ref': ref}
    if isinstance(value, Labware):
        return {'kind': 'labware', 'labwareId': value._id}
    return {'kind': 'other', 'repr': str(value)}


def targets(value):
    """Sources/destinations of complex commands: a target or (nested) lists of them."""
    if isinstance(value, (list, tuple)):
        return [targets(v) for v in value]
    return target(value)


def text(value):
    """A text param: None stays None, anything else is its Python str()."""
    return None if value is None else str(value)


def slot(value):
    """A deck slot as the protocol gave it (`1`, `'1'`); anything else as its Python str()."""
    if isinstance(value, (int, float, str)) and not isinstance(value, bool):
        return value
    return str(value)


execute = bridge.execute
view = bridge.view
request = bridge.request
