"""Motion planning: only its deck-conflict error is public to protocols."""
from .deck_conflict import DeckConflictError

__all__ = ['DeckConflictError']
