"""Hides the interpreter's ways into JavaScript (``js``, ``pyodide_js``, ``pyodide.code``...)
from protocol code. This is defence in depth only: the sandbox child's own restrictions (no
file writes, no reads outside its code, no processes, no network) are the real boundary."""
import sys

BLOCKED = ('js', 'pyodide_js', 'pyodide', '_pyodide', '_pyodide_core', 'micropip',
           'pyodide_http', '_pyodide_importhook')


def _blocked(name):
    root = name.split('.')[0]
    return root in BLOCKED


class _BlockingFinder(object):
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if _blocked(name):
            raise ModuleNotFoundError("No module named '{}'".format(name), name=name)
        return None

    @classmethod
    def invalidate_caches(cls):
        pass


def lock_down():
    for name in list(sys.modules):
        if _blocked(name):
            del sys.modules[name]
    sys.meta_path.insert(0, _BlockingFinder)
