"""Threads without concurrency: what `threading` does inside the sandbox.

Pyodide cannot start threads, yet real protocols start one to blink the rail lights while the
robot is paused (spec 12): set a stop flag, start the thread, ``ctx.pause()``, clear the flag,
``join()``. So a started thread does not run at once: its target is deferred and runs, to its
end, in the caller's thread when

- it is joined (by then the stop flag is usually set, so a blink loop ends at once), or
- the main program would otherwise wait forever for it (``Event.wait()``, ``Lock.acquire()``,
  ``Condition.wait()``, ``Semaphore.acquire()`` or ``queue.Queue.get()`` without a timeout): the
  pending non-daemon threads run, oldest first, until the wait can end.

A wait with a timeout just sleeps for the timeout. Daemon threads run only when joined; threads
never joined never run. ``is_alive()`` is true from ``start()`` until the target has run. A wait
that nothing left could end raises ``RuntimeError`` instead of hanging. ``time.sleep`` waits
without spinning the CPU (through the bridge); it counts towards the time limit except for the
main program of a live run.
"""
import itertools
import sys
import threading
import time

from . import bridge

_pending = []   # started, not yet run (oldest first)
_running = []   # deferred threads running now, innermost last
_idents = itertools.count(1_000_001)
_real = {}


def _sleep(secs):
    if not isinstance(secs, (int, float)) or not 0 <= secs < 1e9:
        # The original's TypeError / ValueError / OverflowError, raised before any waiting.
        _real['sleep'](secs)
    if secs > 0:
        # In a live run the main program's sleeps are the robot waiting (not compute time); a
        # deferred thread's sleeps hold up the protocol that joined it, so they count: a thread
        # that never ends is stopped by the time limit.
        bridge.request('sleep', seconds=float(secs), counted=bool(_running))


def _deadlock(what):
    return RuntimeError(
        '{} would wait forever: the sandbox runs threads one at a time and no started thread '
        'is left that could end the wait'.format(what))


def _run_pending_until(done, what):
    """The caller would block with no timeout: run pending non-daemon threads until `done()`."""
    while not done():
        candidates = [t for t in _pending if not t.daemon]
        if not candidates:
            raise _deadlock(what)
        _run_deferred(candidates[0])


def _run_deferred(thread):
    _pending.remove(thread)
    thread._lw_state = 'running'
    _running.append(thread)
    try:
        thread.run()
    except bridge.Cancelled:
        raise
    except SystemExit:
        pass
    except BaseException:
        # Like an uncaught exception in a real thread: reported to excepthook, the thread ends,
        # whoever joined it carries on.
        try:
            threading.excepthook(threading.ExceptHookArgs(sys.exc_info() + (thread,)))
        except Exception:
            pass
    finally:
        _running.pop()
        thread._lw_state = 'done'


def _current_ident():
    return _running[-1]._ident if _running else _real['get_ident']()


# Thread methods ------------------------------------------------------------------------------

def _start(self):
    if not self._initialized:
        raise RuntimeError('thread.__init__() not called')
    if getattr(self, '_lw_state', None) is not None:
        raise RuntimeError('threads can only be started once')
    self._lw_state = 'pending'
    self._lw_started_at = time.monotonic()
    self._ident = next(_idents)
    if hasattr(self, '_native_id'):
        self._native_id = self._ident
    self._started.set()
    _pending.append(self)


def _join(self, timeout=None):
    # A timeout is not honoured: the target runs to its end (there is nothing to interrupt it).
    if not self._initialized:
        raise RuntimeError('Thread.__init__() not called')
    state = getattr(self, '_lw_state', None)
    if self is _current_thread():
        raise RuntimeError('cannot join current thread')
    if state is None:
        if self is _real['main_thread']():
            raise _deadlock('Joining the main thread')
        raise RuntimeError('cannot join thread before it is started')
    if state == 'pending':
        _run_deferred(self)
    elif state == 'running':
        raise _deadlock('Joining a thread that is waiting for this one')


def _is_alive(self):
    assert self._initialized, 'Thread.__init__() was not called'
    state = getattr(self, '_lw_state', None)
    if state is None:
        return _real['is_alive'](self)
    return state in ('pending', 'running')


def _repr(self):
    state = getattr(self, '_lw_state', None)
    if state is None:
        return _real['repr'](self)
    status = 'stopped' if state == 'done' else 'started'
    if self._daemonic:
        status += ' daemon'
    status += ' %s' % self._ident
    return '<%s(%s, %s)>' % (type(self).__name__, self._name, status)


def _timer_run(self):
    # The interval counts from start(), as it would for a thread that really ran then.
    remaining = self.interval - (time.monotonic() - getattr(self, '_lw_started_at', time.monotonic()))
    if remaining > 0:
        self.finished.wait(remaining)
    if not self.finished.is_set():
        self.function(*self.args, **self.kwargs)
    self.finished.set()


# Module functions ----------------------------------------------------------------------------

def _current_thread():
    return _running[-1] if _running else _real['current_thread']()


def _enumerate():
    return [_real['main_thread']()] + [t for t in _running] + [t for t in _pending]


def _active_count():
    return len(_enumerate())


# Synchronisation primitives ------------------------------------------------------------------

class Lock(object):
    def __init__(self):
        self._locked = False

    def _check_timeout(self, blocking, timeout):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError('timeout value must be a non-negative number')

    def _free(self):
        return not self._locked

    def _take(self):
        self._locked = True

    def acquire(self, blocking=True, timeout=-1):
        self._check_timeout(blocking, timeout)
        if not self._free():
            if not blocking:
                return False
            if timeout >= 0:
                _sleep(timeout)
                if not self._free():
                    return False
            else:
                _run_pending_until(self._free, 'Acquiring a held lock')
        self._take()
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError('release unlocked lock')
        self._locked = False

    def locked(self):
        return self._locked

    def _release_save(self):
        self.release()
        return None

    def _acquire_restore(self, saved):
        self.acquire()

    def _is_owned(self):
        return self._locked

    __enter__ = acquire

    def __exit__(self, *args):
        self.release()

    def __repr__(self):
        return '<%s %s object>' % ('locked' if self._locked else 'unlocked', type(self).__name__)


class RLock(Lock):
    def __init__(self):
        super().__init__()
        self._owner = None
        self._count = 0

    def _free(self):
        return self._count == 0 or self._owner == _current_ident()

    def _take(self):
        self._owner = _current_ident()
        self._count += 1
        self._locked = True

    def release(self):
        if self._count == 0 or self._owner != _current_ident():
            raise RuntimeError('cannot release un-acquired lock')
        self._count -= 1
        if self._count == 0:
            self._owner = None
            self._locked = False

    def locked(self):
        return self._count > 0

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError('cannot release un-acquired lock')
        saved = (self._count, self._owner)
        self._count, self._owner, self._locked = 0, None, False
        return saved

    def _acquire_restore(self, saved):
        _run_pending_until(lambda: self._count == 0, 'Acquiring a held lock')
        self._count, self._owner = saved
        self._locked = True

    def _is_owned(self):
        return self._count > 0 and self._owner == _current_ident()


class Condition(object):
    def __init__(self, lock=None):
        self._lock = lock if lock is not None else RLock()
        self._waiters = []
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def _owned(self):
        owned = getattr(self._lock, '_is_owned', None)
        return owned() if owned is not None else True

    def wait(self, timeout=None):
        if not self._owned():
            raise RuntimeError('cannot wait on un-acquired lock')
        waiter = [False]
        self._waiters.append(waiter)
        saved = self._lock._release_save() if hasattr(self._lock, '_release_save') else self._lock.release()
        try:
            if timeout is None:
                _run_pending_until(lambda: waiter[0], 'Condition.wait()')
            elif timeout > 0:
                _sleep(timeout)
            return waiter[0]
        finally:
            if waiter in self._waiters:
                self._waiters.remove(waiter)
            if hasattr(self._lock, '_acquire_restore'):
                self._lock._acquire_restore(saved)
            else:
                self._lock.acquire()

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result or timeout is not None:
            if not result and timeout is not None:
                self.wait(timeout)
                result = predicate()
            return result
        while not result:
            self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._owned():
            raise RuntimeError('cannot notify on un-acquired lock')
        for waiter in self._waiters[:n]:
            waiter[0] = True
        del self._waiters[:n]

    def notify_all(self):
        self.notify(len(self._waiters))

    notifyAll = notify_all


class Semaphore(object):
    def __init__(self, value=1):
        if value < 0:
            raise ValueError('semaphore initial value must be >= 0')
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        if self._value == 0:
            if not blocking:
                return False
            if timeout is not None:
                if timeout > 0:
                    _sleep(timeout)
                if self._value == 0:
                    return False
            else:
                _run_pending_until(lambda: self._value > 0, 'Semaphore.acquire()')
        self._value -= 1
        return True

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        self._value += n

    def __exit__(self, *args):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        super().__init__(value)
        self._initial_value = value

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        if self._value + n > self._initial_value:
            raise ValueError('Semaphore released too many times')
        self._value += n


class Event(object):
    def __init__(self):
        self._flag = False

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        self._flag = True

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        if self._flag:
            return True
        if timeout is None:
            _run_pending_until(lambda: self._flag, 'Event.wait()')
            return True
        if timeout > 0:
            _sleep(timeout)
        return self._flag


def install():
    """Replaces the parts of `threading` (and `time.sleep`) that need real threads. Called once
    per interpreter, before protocol code runs (each interpreter serves one job)."""
    T = threading.Thread
    _real.update(sleep=time.sleep, get_ident=threading.get_ident,
                 current_thread=threading.current_thread, main_thread=threading.main_thread,
                 is_alive=T.is_alive, repr=T.__repr__)
    T.start = _start
    T.join = _join
    T.is_alive = _is_alive
    T.__repr__ = _repr
    threading.Timer.run = _timer_run
    for name, value in (('Lock', Lock), ('RLock', RLock), ('Condition', Condition),
                        ('Semaphore', Semaphore), ('BoundedSemaphore', BoundedSemaphore),
                        ('Event', Event), ('current_thread', _current_thread),
                        ('currentThread', _current_thread), ('enumerate', _enumerate),
                        ('active_count', _active_count), ('activeCount', _active_count),
                        ('get_ident', _current_ident)):
        setattr(threading, name, value)
    time.sleep = _sleep
