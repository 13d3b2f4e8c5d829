"""The deck-conflict checker's error (robot software 7.5.0, from apiLevel 2.12 here); the rules
live in the engine."""


class DeckConflictError(ValueError):
    """Adding an item to the deck would make it conflict with an existing item."""
