"""Errors as robot software 7 reports them in an analysis: "error occurrences" (spec Part D),
as trees of ``{errorType, errorCode, detail, errorInfo, wrappedErrors}`` (the id and time are
added when the analysis is rendered).

Three shapes: an exception escaping ``run`` is an ``ExceptionInProtocolError`` (its ``detail`` the
legacy ``{Class} [line n]: {message}``) wrapping the exception itself, which is a coded error as
itself (a failed engine command: ``ProtocolCommandFailedError`` wrapping the engine's error) or
a ``PythonException``; an error outside ``run`` (module code, the ``run`` signature) is an
``UnexpectedProtocolError`` with the bare message, wrapping the ``PythonException``."""
import errno
import traceback

from opentrons_shared_data.errors.exceptions import EnumeratedError

GENERAL_ERROR = '4000'

# Emscripten numbers errors its own way; the original ran on Linux.
_LINUX_ERRNO = {'EPERM': 1, 'ENOENT': 2, 'EBADF': 9, 'EACCES': 13, 'EEXIST': 17, 'ENOTDIR': 20,
                'EISDIR': 21, 'EINVAL': 22, 'ENOSPC': 28, 'EROFS': 30, 'ENOTEMPTY': 39,
                'ENOSYS': 38, 'ENOTSUP': 95}


def describe(exc):
    """``str(exc)`` as the robot prints it (Linux errno numbers; '' for a broken ``__str__``)."""
    try:
        text = str(exc)
    except Exception:  # a protocol's own exception class with a broken __str__
        return ''
    if isinstance(exc, OSError) and isinstance(exc.errno, int):
        for name, linux in _LINUX_ERRNO.items():
            if getattr(errno, name, None) == exc.errno:
                prefix = '[Errno {}]'.format(exc.errno)
                if text.startswith(prefix):
                    text = '[Errno {}]'.format(linux) + text[len(prefix):]
                break
    return text


def _tree(error_type, code, detail, info, wrapped):
    return {'errorType': error_type, 'errorCode': code, 'detail': detail, 'errorInfo': info,
            'wrappedErrors': wrapped}


def _class_name(cls):
    """Built-ins by name (`ValueError`), anything else by its dotted path."""
    if cls.__module__ == 'builtins':
        return cls.__qualname__
    return '{}.{}'.format(cls.__module__, cls.__qualname__)


def _safe_repr(value):
    try:
        return repr(value)
    except Exception:
        return '()'


def python_exception(exc, depth=0):
    """A plain exception: ``{Class}: {message}``, with its class, args and traceback, wrapping
    the exceptions it was raised from or while handling."""
    name = _class_name(type(exc))
    wrapped = []
    if depth < 8:
        for inner in (exc.__context__, exc.__cause__):
            if inner is not None and not any(w is inner for w in wrapped):
                wrapped.append(inner)
    try:
        trace = ''.join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    except Exception:
        trace = ''
    return _tree('PythonException', GENERAL_ERROR, '{}: {}'.format(name, describe(exc)),
                 {'class': name, 'args': _safe_repr(getattr(exc, 'args', ())), 'traceback': trace},
                 [python_exception(w, depth=depth + 1) for w in wrapped])


def _engine_python_exception(exc):
    """The engine's own PythonException (`FileNotFoundError: …`): the class is the text's prefix."""
    name = exc.message.split(':', 1)[0]
    return _tree('PythonException', exc.code, exc.message, {'class': name}, [])


def error_tree(exc):
    """An exception as itself: a coded error with what it wraps, or a PythonException."""
    if not isinstance(exc, EnumeratedError):
        return python_exception(exc)
    if type(exc).__name__ == 'PythonException' and not exc.detail:
        return _engine_python_exception(exc)
    return _tree(type(exc).__name__, exc.code, exc.message or describe(exc), dict(exc.detail),
                 [error_tree(w) for w in exc.wrapping])


def in_protocol(exc, line):
    """An exception escaping ``run`` (shapes 1 and 2), at the innermost protocol line."""
    where = ' [line {}]'.format(line) if line is not None else ''
    detail = '{}{}: {}'.format(type(exc).__name__, where, describe(exc))
    return _tree('ExceptionInProtocolError', GENERAL_ERROR, detail, {}, [error_tree(exc)])


def unexpected(exc):
    """An error outside ``run`` (shape 3): the bare message."""
    return _tree('UnexpectedProtocolError', GENERAL_ERROR, describe(exc), {}, [python_exception(exc)])
