"""Runs one protocol inside the sandbox: parse (without executing), then simulate or run.

The result is a JSON string with the stage reached, the metadata and the error in the original
server's shape (http-api.md 2.7). Run-log entries and equipment are kept by the engine (host side).
"""
import json
import os
import sys
import traceback

from . import bridge
from .parse import parse_protocol, ProtocolParseError
from .lockdown import lock_down
from . import threads
from . import reproducibility
from . import occurrences


def _error(exc_type, description, line=None, file_name=None):
    err = {'type': exc_type, 'description': description}
    if line is not None:
        err['lineNumber'] = line
    if file_name is not None:
        err['fileName'] = file_name
    return err


def _innermost_protocol_line(tb, file_name):
    line = None
    for frame in traceback.extract_tb(tb):
        if frame.filename == file_name:
            line = frame.lineno
    return line


_describe = occurrences.describe


def run_job(job_json, bridge_function):
    job = json.loads(job_json)
    bridge.install(bridge_function)
    del bridge_function
    workdir = job['workdir']
    file_name = job['protocolFile']
    os.chdir(workdir)
    sys.path.insert(0, workdir)
    lock_down()
    threads.install()
    reproducibility.begin(os.path.abspath(workdir))
    outcome = {'stage': 'parse', 'rawMetadata': None, 'apiLevel': None, 'error': None,
               'reproducible': True}
    try:
        with open(file_name, 'rb') as f:
            text = f.read().decode('utf-8')
        parsed = parse_protocol(text, file_name)
    except SyntaxError as e:
        outcome['error'] = _error('SyntaxError', str(e.msg), e.lineno, e.filename or file_name)
        return json.dumps(outcome)
    except ProtocolParseError as e:
        outcome['error'] = _error(e.type_name, e.description)
        return json.dumps(outcome)
    except Exception as e:
        outcome['error'] = _error(type(e).__name__, _describe(e))
        return json.dumps(outcome)

    outcome['stage'] = 'simulate'
    outcome['rawMetadata'] = parsed.metadata
    outcome['apiLevel'] = '%d.%d' % parsed.version
    if parsed.robot_type != 'OT-2':
        # What an OT-2's robot server answers for a Flex protocol, before anything runs.
        outcome['error'] = _error(
            'ProtocolRobotTypeMismatch', "This protocol is for {} robots. It can't be analyzed or "
            "run on this robot, which is an OT-2.".format(parsed.robot_type))
        return json.dumps(outcome)
    bridge.set_protocol_file(file_name)
    # The engine starts at the protocol's level; it answers with its level rules (the highest
    # level, the members added after 2.0) and its refusal of a level above its highest.
    started = bridge.request('parsed', metadata=parsed.metadata, apiLevel=outcome['apiLevel'])
    from opentrons.protocols.api_support import definitions
    definitions.set_engine_levels(started['maxSupportedVersion'], started['members'],
                                  started['features'])
    outcome['error'] = _simulate(parsed, file_name, job['mode'], started['refusal'], outcome)
    # Robot software 7's error occurrences (spec Part D); levels up to 2.11 keep 4.7.0's analysis.
    if outcome['error'] is None or not definitions.has('release7'):
        outcome.pop('errorOccurrences', None)
    if outcome['error'] is None:
        outcome['stage'] = 'ok'
    outcome['reproducible'] = not reproducibility.was_read()
    return json.dumps(outcome)


def _library_get_values():
    """The Protocol Library's `get_values` (spec 14) when a `fields.json` came with the protocol:
    each field's default (a dropDown's first option). Given as a global instead of prepended
    source, so line numbers stay those of the uploaded file."""
    try:
        with open('fields.json') as f:
            fields = json.load(f)
    except (OSError, ValueError):
        return None
    if not isinstance(fields, list):
        return None
    values = {}
    for field in fields:
        if not isinstance(field, dict) or 'name' not in field:
            continue
        if field.get('type') == 'dropDown':
            options = field.get('options') or [{}]
            values[field['name']] = options[0].get('value')
        else:
            values[field['name']] = field.get('default')

    def get_values(*field_names):
        return [values[name] for name in field_names]
    return get_values


def _found(outcome, tree):
    """The error as robot software 7's error occurrence (labwright_sandbox.occurrences)."""
    outcome['errorOccurrences'] = [tree]


def _unexpected(e, outcome):
    """An error outside `run` (module code, signatures): the 4.x error, and shape 3 of Part D."""
    _found(outcome, occurrences.unexpected(e))
    return _error(type(e).__name__, _describe(e))


def _protocol_error(e, file_name, outcome):
    """An exception of the protocol's own code: wrapped with its line when it came from the file."""
    line = _innermost_protocol_line(e.__traceback__, file_name)
    _found(outcome, occurrences.in_protocol(e, line))
    if line is None:
        return _error(type(e).__name__, _describe(e))
    return _error('ExceptionInProtocolError', _describe(e), line)


def _parameters(globs, api_version, file_name, outcome):
    """Runs a top-level `add_parameters` (at every level, before `run`), then puts the lab's values
    in place of the defaults. Returns `(ctx.params, error)`."""
    from opentrons.protocol_api._parameter_context import ParameterContext
    from opentrons.protocol_api._parameters import Parameters
    from .parse import check_add_parameters_function, MalformedProtocolError
    context = ParameterContext(api_version)
    add_parameters = globs.get('add_parameters')
    if add_parameters:
        try:
            check_add_parameters_function(add_parameters)
        except MalformedProtocolError as e:
            # Only the message: the help paragraph is about the run function.
            _found(outcome, occurrences.unexpected(SyntaxError(e.message)))
            return None, _error('MalformedProtocolError', e.message)
        try:
            add_parameters(context)
        except bridge.Cancelled:
            raise
        except Exception as e:
            return None, _protocol_error(e, file_name, outcome)
    try:
        values = context._values()
    except bridge.Cancelled:
        raise
    except Exception as e:
        # A refused value is the mistake of whoever gave it, not the protocol's.
        outcome['valuesRefused'] = True
        return None, _unexpected(e, outcome)
    try:
        return Parameters(values), None
    except Exception as e:  # a name `ctx.params` answers already (`get_all`)
        return None, _unexpected(e, outcome)


def _simulate(parsed, file_name, mode, refusal, outcome):
    """Runs the protocol: None when it ran to its end, else the error in the 4.x shape (and in
    `outcome['errorOccurrences']` as robot software 7's error occurrences)."""
    from opentrons.protocol_api.protocol_context import ProtocolContext
    from opentrons.protocols.api_support.types import APIVersion
    from .parse import check_run_function, MalformedProtocolError

    if refusal is not None:
        try:
            bridge.raise_error(refusal)
        except BaseException as e:
            # A level the engine refuses: the file is rejected before anything runs.
            return _error(type(e).__name__, _describe(e))
    try:
        context = ProtocolContext(api_version=APIVersion(*parsed.version),
                                  simulating=(mode != 'run'))
        globs = {}
        get_values = _library_get_values()
        if get_values is not None:
            globs['get_values'] = get_values
        exec(parsed.code, globs)
    except bridge.Cancelled:
        raise
    except BaseException as e:
        return _unexpected(e, outcome)
    params, error = _parameters(globs, context._api_version, file_name, outcome)
    if error is not None:
        return error
    context._params = params
    try:
        run = check_run_function(globs.get('run'))
        context.home()
    except bridge.Cancelled:
        raise
    except MalformedProtocolError as e:
        # Robot software 7 raises these `run` signature errors as a plain SyntaxError.
        _found(outcome, occurrences.unexpected(SyntaxError(e.message)))
        return _error('MalformedProtocolError', _describe(e))
    except BaseException as e:
        return _unexpected(e, outcome)

    try:
        run(context)
    except bridge.Cancelled:
        raise
    except Exception as e:
        return _protocol_error(e, file_name, outcome)
    except BaseException as e:  # SystemExit, KeyboardInterrupt: not wrapped by the original
        _found(outcome, occurrences.in_protocol(e, None))
        return _error(type(e).__name__, _describe(e))
    return None


_WARM_UP_SOURCE = '''
from opentrons import protocol_api
metadata = {'apiLevel': '2.11', 'protocolName': 'warm-up'}

def run(ctx):
    for i in range(3):
        ctx.comment('x {}'.format(i))
'''


def warm_up():
    """Runs the parse and Python paths once while the interpreter waits for a job (nothing of it
    stays: no module is imported that a job would not import, no file is written). The clock and
    randomness watchers a job needs are installed here, inert until the job begins."""
    reproducibility.install()
    from .parse import parse_protocol
    from opentrons.types import Point, Location
    parsed = parse_protocol(_WARM_UP_SOURCE, 'warm_up.py')
    json.loads(json.dumps({'metadata': parsed.metadata, 'points': [list(Point(1, 2, 3) + Point(1, 1, 1))]}))
    str(Location(Point(1, 2, 3), None))
    traceback.extract_stack()
