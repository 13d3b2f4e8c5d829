from .exceptions import EnumeratedError, UnexpectedTipAttachError, UnexpectedTipRemovalError

__all__ = ['EnumeratedError', 'UnexpectedTipAttachError', 'UnexpectedTipRemovalError']
