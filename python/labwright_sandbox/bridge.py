"""The one door from Python to the engine: a function taking and returning a JSON string.

Every engine operation goes through ``call``; the request also carries the protocol line that
issued it (the innermost frame in the protocol file), which the engine stores on its run-log
entries.
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


def register_errors(mapping):
    _error_classes.update(mapping)


def _raise(error):
    name = error.get('type', 'RuntimeError')
    message = error.get('message', '')
    if name == 'Cancelled':
        raise Cancelled()
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
    if message == '':
        raise cls()
    raise cls(message)


def call(op, **args):
    request = json.dumps({'op': op, 'args': args, 'line': current_line()})
    response = json.loads(_function(request))
    if 'error' in response:
        _raise(response['error'])
    return response.get('result')
