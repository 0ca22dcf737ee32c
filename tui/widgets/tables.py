"""Small helpers for the DataTables the screens list things in."""

from __future__ import annotations

from textual.widgets import DataTable


def key_at_cursor(table: DataTable) -> str | None:
    """The key of the row under the cursor (a session id, a member id); None when the table is empty."""
    if table.row_count == 0:
        return None
    key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
    return str(key.value)
