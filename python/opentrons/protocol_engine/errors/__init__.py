from .exceptions import ProtocolEngineError, ProtocolCommandFailedError, engine_error

__all__ = ['ProtocolEngineError', 'ProtocolCommandFailedError', 'engine_error']
