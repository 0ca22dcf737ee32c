"""Preparing a session in the app: the council, its members, sessions, the agenda and imports."""
