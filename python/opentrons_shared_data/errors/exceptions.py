"""Coded errors (robot software 7.5.0): a code (`'4000'`), a message, details and the errors it
wraps; ``str()`` is ``Error {code} {NAME} ({Class}): {message}``. The engine sends that text whole
for the coded errors of the legacy core (``UnexpectedTipRemovalError``); the code, name and
message are read back from it, so a run can report the error as an occurrence
(labwright_sandbox.occurrences)."""
import re

# The names of the codes the engine hands over with a failed command (its errors.ts keeps which
# error has which code).
_CODE_NAMES = {
    '3005': 'UNEXPECTED_TIP_REMOVAL',
    '3012': 'UNEXPECTED_TIP_ATTACH',
    '4000': 'GENERAL_ERROR',
    '4003': 'NOT_SUPPORTED_ON_ROBOT_TYPE',
    '4004': 'COMMAND_PRECONDITION_VIOLATED',
}
_WHOLE = re.compile(r'^Error (\d+) (\w+) \((\w+)\): (.*)$', re.DOTALL)


class EnumeratedError(Exception):
    code = '4000'

    def __init__(self, message=None, detail=None, wrapping=None, code=None):
        self.code_name = None
        whole = _WHOLE.match(message or '') if code is None else None
        if whole is not None and whole.group(3) == type(self).__name__:
            code, self.code_name, message = whole.group(1), whole.group(2), whole.group(4)
        if code is not None:
            self.code = code
        self.message = message or ''
        self.detail = dict(detail or {})
        self.wrapping = list(wrapping or [])
        super().__init__(str(self))

    def __str__(self):
        name = self.code_name or _CODE_NAMES.get(self.code, 'GENERAL_ERROR')
        return 'Error {} {} ({}): {}'.format(self.code, name, type(self).__name__, self.message)


class GeneralError(EnumeratedError):
    code = '4000'


class PythonException(GeneralError):
    """A plain Python exception inside a coded one."""


class UnexpectedTipAttachError(EnumeratedError):
    code = '3012'


class UnexpectedTipRemovalError(EnumeratedError):
    code = '3005'
