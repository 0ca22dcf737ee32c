"""Running a session: the service the UI calls, storage, journal, import and export."""
