"""Hides the interpreter's ways into JavaScript (``js``, ``pyodide_js``, ``pyodide.code``...)
from protocol code. This is defence in depth only: the sandbox child's own restrictions (no
file writes, no reads outside its code, no processes, no network) are the real boundary."""
import sys

BLOCKED = ('js', 'pyodide_js', 'pyodide', '_pyodide', '_pyodide_core', 'micropip',
           'pyodide_http', '_pyodide_importhook')


def _blocked(name):
    root = name.split('.')[0]
    return root in BLOCKED


# Installed on an OT-2 but not here: Pyodide's numpy is a separate wheel that neither the npm
# package nor Debian ships, so it cannot be loaded offline. A plain refusal names the reason
# instead of Pyodide's hint to install it with micropip (which the sandbox cannot do).
UNAVAILABLE = ('numpy',)
UNAVAILABLE_MESSAGE = "No module named '{0}': {0} is not available in Labwright's sandbox"


class _UnavailableFinder(object):
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        root = name.split('.')[0]
        if root in UNAVAILABLE:
            raise ModuleNotFoundError(UNAVAILABLE_MESSAGE.format(root), name=name)
        return None

    @classmethod
    def invalidate_caches(cls):
        pass


class _BlockingFinder(object):
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if _blocked(name):
            raise ModuleNotFoundError("No module named '{}'".format(name), name=name)
        return None

    @classmethod
    def invalidate_caches(cls):
        pass


_PROCESS_FUNCTIONS = ('system', 'popen', 'fork', 'forkpty', 'execv', 'execve', 'execl', 'execle',
                      'execlp', 'execlpe', 'execvp', 'execvpe', 'spawnl', 'spawnle', 'spawnlp',
                      'spawnlpe', 'spawnv', 'spawnve', 'spawnvp', 'spawnvpe', 'posix_spawn',
                      'posix_spawnp', 'kill', 'killpg')


def _no_processes(*args, **kwargs):
    import errno
    raise OSError(errno.ENOTSUP, 'processes are not available in the sandbox')


def lock_down():
    # Emscripten would hand these to JavaScript, where the child's permissions refuse them with a
    # JS exception that Python cannot catch; refusing them here keeps the failure a Python one.
    import os
    for name in _PROCESS_FUNCTIONS:
        if hasattr(os, name):
            setattr(os, name, _no_processes)
    for name in list(sys.modules):
        if _blocked(name):
            del sys.modules[name]
    sys.meta_path.insert(0, _BlockingFinder)
    sys.meta_path.insert(0, _UnavailableFinder)
