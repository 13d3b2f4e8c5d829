"""Protocol parsing before anything runs (python-protocol-api.md 1.2): syntax, literal-only
metadata, apiLevel, v1 detection, the single top-level ``run``."""
import ast
import inspect
import re

PROTOCOL_MALFORMED = """

A Python protocol for the OT2 must define a function called 'run' that takes a
single argument: the protocol context to call functions on. For instance, a run
function might look like this:

def run(ctx):
    ctx.comment('hello, world')

This function is called by the robot when the robot executes the protol.
This function is not present in the current protocol and must be added.
"""

PYTHON_API_VERSION_DEPRECATED = """

The python protocol you uploaded has the Python API Version {0}.  Robot server version 4.0.0 is
the official end of life of Python API Version {0}. The minimum supported Python API Version is {1}. This means that this protocol
will not run in robot server version 4.0.0 and above. 
Please downgrade your robot server version if you wish to run this protocol. Otherwise, please upgrade this
protocol to Python API Version {1} or above.

To upgrade your protocol to Python API Version {1} or above, please view our documentation at https://docs.opentrons.com/v2/index.html.

Please contact support@opentrons.com to retrieve the previous software version and be guided
through the downgrade process.

"""

V1_MODULES = ('robot', 'instruments', 'modules', 'containers')


class MalformedProtocolError(Exception):
    def __init__(self, message):
        self.message = message
        super().__init__(message)

    def __str__(self):
        return self.message + PROTOCOL_MALFORMED


class ProtocolParseError(Exception):
    """A parse failure reported with a given type name and description."""

    def __init__(self, type_name, description):
        self.type_name = type_name
        self.description = description
        super().__init__(description)


class ParsedProtocol(object):
    def __init__(self, code, metadata, version, robot_type='OT-2'):
        self.code = code
        self.metadata = metadata
        self.version = version
        self.robot_type = robot_type


def _version_string(version):
    return '%d.%d' % version


def _literal_dict(tree, name, key_text, value_text):
    """The last top-level `{name} = {...}` as a dict of strings (literals only), or None.
    `key_text`/`value_text` format the type errors (4.7.0 and 7.5.0 word them differently)."""
    found = None
    for stmt in tree.body:
        if not isinstance(stmt, ast.Assign) or not stmt.targets:
            continue
        target = stmt.targets[0]
        if not (isinstance(target, ast.Name) and target.id == name):
            continue
        if not isinstance(stmt.value, ast.Dict):
            continue
        try:
            value = ast.literal_eval(stmt.value)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            raise ValueError(
                "Could not read the contents of the {} dict. Make sure it doesn't "
                "contain any complex expressions, such as function calls or array "
                "indexings.".format(name))
        for key, val in value.items():
            if not isinstance(key, str):
                raise ValueError(key_text.format(name=name, key=key, type=type(key).__name__))
            if not isinstance(val, str):
                raise ValueError(value_text.format(name=name, value=val, type=type(val).__name__))
        found = value
    return found


def extract_metadata(tree):
    return _literal_dict(
        tree, 'metadata',
        'metadata keys must be strings, but key "{key}" has type "{type}".',
        'metadata values must be strings, but value "{value}" has type "{type}".') or {}


def extract_requirements(tree):
    """The `requirements` dict of 7.5.0 (python-protocol-api 2.12–2.19 A.1.3), or None."""
    requirements = _literal_dict(
        tree, 'requirements',
        'Keys in the {name} dict must be strings, but key "{key}" has type "{type}".',
        'Values in the {name} dict must be strings, but value "{value}" has type "{type}".')
    if requirements is None:
        return None
    unknown = [k for k in requirements if k not in REQUIREMENT_KEYS]
    if unknown:
        raise ValueError('Unrecognized {} in requirements dict: {}. Allowed keys: {}.'.format(
            'key' if len(unknown) == 1 else 'keys', ', '.join(repr(k) for k in unknown),
            ', '.join(repr(k) for k in REQUIREMENT_KEYS)))
    robot_type = requirements.get('robotType')
    if robot_type is not None and robot_type not in ROBOT_TYPES:
        raise ValueError("robotType must be 'OT-2' or 'Flex', not {}.".format(repr(robot_type)))
    return requirements


REQUIREMENT_KEYS = ('apiLevel', 'robotType')
# "OT-3" is the Flex's development name, still accepted.
ROBOT_TYPES = {'OT-2': 'OT-2', 'Flex': 'Flex', 'OT-3': 'Flex'}
# Parsing runs before the engine hands over its level rules (versions.ts: the `release7` gate;
# the Flex's minimum level), and before the `opentrons` package may be imported: so both here.
RELEASE_7 = (2, 12)
MIN_FLEX = (2, 15)


def has_v1_imports(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == 'opentrons':
            if any(alias.name in V1_MODULES for alias in node.names):
                return True
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split('.')
                if len(parts) >= 2 and parts[0] == 'opentrons' and parts[1] in V1_MODULES:
                    return True
    return False


def api_version(level, tree, release7_texts=False, file_name='protocol.py'):
    if level is None:
        if has_v1_imports(tree):
            return (1, 0)
        if release7_texts:
            raise ValueError(
                'apiLevel not declared in {}. You must specify the target API version in the '
                'apiLevel key of the metadata dict. For instance, '
                'metadata={{"apiLevel": "2.0"}}'.format(file_name))
        raise RuntimeError(
            'If this is not an API v1 protocol, you must specify the target api level in the '
            'apiLevel key of the metadata. For instance, metadata={"apiLevel": "2.0"}')
    if level == '1':
        return (1, 0)
    match = re.match(r'^(\d+)\.(\d+)$', level)
    if not match:
        raise ValueError(
            'apiLevel {} is incorrectly formatted. It should {}major.minor, where both major and '
            'minor are numbers.'.format(level, 'be ' if release7_texts else ''))
    return (int(match.group(1)), int(match.group(2)))


def _check_run_defs(tree, release7_texts=False):
    runs = [stmt for stmt in tree.body
            if isinstance(stmt, ast.FunctionDef) and stmt.name == 'run']
    if len(runs) > 1:
        raise MalformedProtocolError('More than one run function is defined (lines {}, {}){}'
                                     .format(runs[0].lineno, runs[1].lineno,
                                             '.' if release7_texts else ''))
    if not runs:
        raise MalformedProtocolError("No function 'run(ctx)' defined")


def _declared_level(metadata, requirements):
    """The apiLevel text and whether 7.5.0's texts apply: with a `requirements` dict, or a
    level of 2.12 or higher (2.0–2.11 keep 4.7.0's)."""
    in_metadata = metadata.get('apiLevel')
    in_requirements = (requirements or {}).get('apiLevel')
    if in_metadata is not None and in_requirements is not None:
        raise ProtocolParseError('MalformedPythonProtocolError',
                                 'You may only put apiLevel in the metadata dict or the '
                                 'requirements dict, not both.')
    level = in_metadata if in_metadata is not None else in_requirements
    match = re.match(r'^(\d+)\.(\d+)$', level or '')
    release7 = requirements is not None or (
        match is not None and (int(match.group(1)), int(match.group(2))) >= RELEASE_7)
    return level, release7


def parse_protocol(text, file_name):
    """Returns a ParsedProtocol; raises SyntaxError or ProtocolParseError."""
    tree = ast.parse(text, file_name)
    code = compile(tree, file_name, 'exec', dont_inherit=True)
    try:
        metadata = extract_metadata(tree)
    except ValueError as e:
        raise ProtocolParseError('ValueError', str(e))
    try:
        requirements = extract_requirements(tree)
    except ValueError as e:
        raise ProtocolParseError('MalformedPythonProtocolError', str(e))
    level, release7 = _declared_level(metadata, requirements)
    try:
        version = api_version(level, tree, release7, file_name)
    except (ValueError, RuntimeError) as e:
        raise ProtocolParseError('MalformedPythonProtocolError' if release7 else type(e).__name__,
                                 str(e))
    if version < (2, 0):
        raise ProtocolParseError('ApiDeprecationError', PYTHON_API_VERSION_DEPRECATED.format(
            _version_string(version), '2.0'))
    robot_type = ROBOT_TYPES[(requirements or {}).get('robotType', 'OT-2')]
    if robot_type == 'Flex' and version < MIN_FLEX:
        raise ProtocolParseError('MalformedPythonProtocolError',
                                 'The Opentrons Flex only supports apiLevel 2.15 or newer.')
    try:
        _check_run_defs(tree, release7)
        if has_v1_imports(tree):
            raise MalformedProtocolError(
                'Protocol API v1 modules such as robot, instruments, and labware may not be '
                'imported in Protocol API V2 protocols')
    except MalformedProtocolError as e:
        # 7.5.0's upload analysis reports only the short message.
        if release7:
            raise ProtocolParseError('MalformedPythonProtocolError', e.message)
        raise ProtocolParseError('MalformedProtocolError', str(e))
    return ParsedProtocol(code, metadata, version, robot_type)


def check_add_parameters_function(add_parameters):
    """A top-level `add_parameters` must be a function of exactly one parameter."""
    if not callable(add_parameters):
        raise MalformedProtocolError("'add_parameters' must be a function.")
    if len(inspect.signature(add_parameters).parameters) != 1:
        raise MalformedProtocolError("Function 'add_parameters' must take exactly one argument.")


def check_run_function(run):
    if not callable(run):
        raise MalformedProtocolError("No function 'run(ctx)' defined")
    sig = inspect.signature(run)
    if not sig.parameters:
        raise MalformedProtocolError("Function 'run()' does not take any parameters")
    required = [p for p in sig.parameters.values()
                if p.default is inspect.Parameter.empty
                and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if len(required) > 1:
        raise MalformedProtocolError(
            "Function 'run{}' must be called with more than one argument but would be called "
            "as 'run(ctx)'".format(str(sig)))
    return run
