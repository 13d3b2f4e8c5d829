"""Labwright's sandbox plumbing: the runner, the parser and the single bridge to the engine."""
