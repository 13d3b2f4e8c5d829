"""The one door from Python to the engine: a function taking and returning a JSON string.

Three kinds of request go through it: ``execute`` runs one of the engine's commands (its type and
params as the engine names them; the request also carries the protocol line that issued it, the
innermost frame in the protocol file, which the engine stores on its run-log entries), ``view``
reads one of the engine's named read-only views, and ``request`` asks the host for the few things
that are not about the engine's state (parsing done, sleeping, labware definitions).
"""
import json
import sys

_function = None
protocol_file = None


class Cancelled(BaseException):
    """The run was stopped by the server; not catchable by ``except Exception``."""


def install(function):
    global _function
    _function = function


def set_protocol_file(name):
    global protocol_file
    protocol_file = name


def current_line():
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename == protocol_file:
            return frame.f_lineno
        frame = frame.f_back
    return None


_error_classes = {}
_command_failure = None


def register_errors(mapping):
    _error_classes.update(mapping)


def register_command_failure(function):
    """How the package raises a failed engine command (an error the host answered with a
    `code`): ``function(type, message, code)`` returns the exception, or None to raise it as
    any other error."""
    global _command_failure
    _command_failure = function


def raise_error(error):
    """Raises an error the host answered (`{type, message}`) as the Python exception it names."""
    name = error.get('type', 'RuntimeError')
    message = error.get('message', '')
    if name == 'Cancelled':
        raise Cancelled()
    code = error.get('code')
    if code is not None and _command_failure is not None:
        failure = _command_failure(name, message, code)
        if failure is not None:
            raise failure
    cls = _error_classes.get(name)
    if cls is None:
        import builtins
        candidate = getattr(builtins, name, None)
        if isinstance(candidate, type) and issubclass(candidate, BaseException):
            cls = candidate
        else:
            cls = type(name, (Exception,), {})
    if cls is KeyError:
        # The engine sends str(KeyError(key)), i.e. the key's repr.
        import ast
        try:
            raise KeyError(ast.literal_eval(message))
        except (ValueError, SyntaxError):
            raise KeyError(message)
    info = error.get('info')
    if info is not None:
        # A coded error's details (its occurrence's errorInfo).
        raise cls(message, detail=info)
    if message == '':
        raise cls()
    raise cls(message)


def _send(message):
    response = json.loads(_function(json.dumps(message)))
    if 'error' in response:
        raise_error(response['error'])
    return response.get('result')


def execute(command_type, /, **params):
    """Runs an engine command; raises its error as the Python exception it names."""
    return _send({'commandType': command_type, 'params': params, 'line': current_line()})


def view(name, /, **args):
    """Reads a named view of the engine's state."""
    return _send({'view': name, 'args': args})


def request(name, /, **args):
    """A request to the host itself (`parsed`, `sleep`, `get_labware_definition`, ...)."""
    return _send({'request': name, 'args': args})
