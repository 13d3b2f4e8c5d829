"""The base of Opentrons' coded errors. An error has a code (`'4000'`), a message, details and
the errors it wraps; ``str()`` is ``Error {code} {CODE_NAME} ({Class}): {message}``. The run
reports them as error occurrences (labwright_sandbox.occurrences)."""

# The names of the codes the engine hands over (its errors.ts keeps which error has which code).
_CODE_NAMES = {
    '3005': 'UNEXPECTED_TIP_REMOVAL',
    '3012': 'UNEXPECTED_TIP_ATTACH',
    '4000': 'GENERAL_ERROR',
    '4003': 'NOT_SUPPORTED_ON_ROBOT_TYPE',
    '4004': 'COMMAND_PRECONDITION_VIOLATED',
}


class EnumeratedError(Exception):
    code = '4000'

    def __init__(self, message=None, detail=None, wrapping=None, code=None):
        if code is not None:
            self.code = code
        self.message = message or ''
        self.detail = dict(detail or {})
        self.wrapping = list(wrapping or [])
        super().__init__(self.message)

    def __str__(self):
        return 'Error {} {} ({}): {}'.format(self.code, _CODE_NAMES.get(self.code, 'GENERAL_ERROR'),
                                             type(self).__name__, self.message)


class GeneralError(EnumeratedError):
    code = '4000'


class PythonException(GeneralError):
    """A plain Python exception inside a coded one."""
