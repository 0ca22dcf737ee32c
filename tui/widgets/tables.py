"""The DataTables the screens list things in, and small helpers for them."""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey


class ListTable(DataTable):
    """A DataTable that measures its text cells itself: the same column widths, a tenth of the time.

    DataTable measures every cell of every new row through Rich's console (console options are built
    anew for each cell): 800 cells for a 200-item agenda, about a tenth of the agenda's first frame.
    A cell of plain text is as wide as its widest line, which is what Rich's measurement of ``Text``
    gives; rows with a label, an automatic height or another kind of cell are left to DataTable.
    """

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        left: list[RowKey] = []
        columns = self.ordered_columns
        for row_key in new_rows:
            row_index = self._row_locations.get(row_key)
            row = self.rows.get(row_key)
            if row_index is None or row is None:
                continue  # removed before the table was idle, as DataTable allows
            if row.label is not None or row.auto_height:
                left.append(row_key)  # before its renderables are made: DataTable's label column must know first
                continue
            _, cells = self._get_row_renderables(row_index)
            if not all(isinstance(cell, Text) for cell in cells):
                left.append(row_key)
                continue
            for column, cell in zip(columns, cells, strict=False):
                width = max(map(cell_len, cell.plain.splitlines()), default=0)
                if width > column.content_width:
                    column.content_width = width
        # DataTable measures what is left and sets the table's size from the widths.
        super()._update_dimensions(left)


def key_at_cursor(table: DataTable) -> str | None:
    """The key of the row under the cursor (a session id, a member id); None when the table is empty."""
    if table.row_count == 0:
        return None
    key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
    return str(key.value)
