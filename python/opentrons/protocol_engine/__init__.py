"""The Protocol Engine's surface a protocol can meet: its error classes."""
