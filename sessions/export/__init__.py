"""Exports built from a session's recorded state only."""
