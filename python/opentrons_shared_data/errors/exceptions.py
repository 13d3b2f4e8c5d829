"""Coded errors (robot software 7.5.0): `str()` is `Error {code} {NAME} ({Class}): {message}`,
which the engine sends whole."""


class EnumeratedError(Exception):
    pass


class UnexpectedTipAttachError(EnumeratedError):
    pass


class UnexpectedTipRemovalError(EnumeratedError):
    pass
