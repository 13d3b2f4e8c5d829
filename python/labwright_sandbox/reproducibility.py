"""Notices when a protocol reads the clock or randomness, so its analysis is known to differ from
one run to the next and is never reused in place of a fresh simulation.

Only calls made by the protocol's own code count (its files are named relative to the job's
folder): the standard library and Labwright's own package may read the clock for their own ends
(a log record's time stamp) without making the protocol's results depend on it."""
import datetime
import functools
import os
import random
import secrets
import sys
import time
import uuid

# Imported here, at start-up, so they are in the interpreter's memory snapshot: importing them
# at each job's start would cost more than the job.

_state = {'read': False, 'workdir': None, 'installed': False}


def was_read():
    return _state['read']


def _called_by_protocol(depth=2):
    try:
        name = sys._getframe(depth).f_code.co_filename
    except ValueError:
        return False
    workdir = _state['workdir']
    return not os.path.isabs(name) or (workdir is not None and name.startswith(workdir))


def _watched(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        if not _state['read'] and _called_by_protocol():
            _state['read'] = True
        return function(*args, **kwargs)
    return wrapper


def _watch(module, names):
    for name in names:
        function = getattr(module, name, None)
        if function is not None:
            setattr(module, name, _watched(function))


CLOCK = ('time', 'time_ns', 'monotonic', 'monotonic_ns', 'perf_counter', 'perf_counter_ns',
         'process_time', 'process_time_ns', 'thread_time', 'thread_time_ns', 'localtime', 'gmtime',
         'ctime', 'asctime', 'strftime')
RANDOM = ('random', 'uniform', 'triangular', 'randint', 'randrange', 'randbytes', 'choice',
          'choices', 'shuffle', 'sample', 'getrandbits', 'gauss', 'normalvariate',
          'lognormvariate', 'expovariate', 'vonmisesvariate', 'gammavariate', 'betavariate',
          'paretovariate', 'weibullvariate', 'binomialvariate')


def begin(workdir):
    """A job starts: nothing read yet; `workdir` holds the protocol's files."""
    install()
    _state['read'] = False
    _state['workdir'] = workdir


def install():
    """Watches the clock, `random`, `uuid`, `secrets`, `os.urandom` and `datetime.now` (once per
    interpreter: the warm-up does it, so a job does not pay for it)."""
    if _state['installed']:
        return
    _state['installed'] = True
    _watch(time, CLOCK)
    _watch(random, RANDOM)
    _watch(os, ('urandom', 'getrandom'))
    _watch(uuid, ('uuid1', 'uuid4'))
    _watch(secrets, ('token_bytes', 'token_hex', 'token_urlsafe', 'randbelow', 'randbits', 'choice'))

    base = datetime.datetime

    class datetime_(base):
        @classmethod
        def now(cls, tz=None):
            if _called_by_protocol():
                _state['read'] = True
            return super().now(tz)

        @classmethod
        def utcnow(cls):
            if _called_by_protocol():
                _state['read'] = True
            return super().utcnow()

        @classmethod
        def today(cls):
            if _called_by_protocol():
                _state['read'] = True
            return super().today()

    datetime_.__name__ = 'datetime'
    datetime_.__qualname__ = 'datetime'
    datetime_.__module__ = 'datetime'
    datetime.datetime = datetime_
