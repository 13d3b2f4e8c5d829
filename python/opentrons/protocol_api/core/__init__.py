"""The Protocol API cores of robot software 7; only the engine core's exception classes here."""
