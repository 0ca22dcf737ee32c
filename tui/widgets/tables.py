"""The DataTables the screens list things in, and small helpers for them."""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.coordinate import Coordinate
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

from tui.textual_private import cell_cache, cell_cache_key, cell_styles, row_cells, take_new_rows

SegmentLines = list[list[Segment]]


class ListTable(DataTable):
    """A DataTable that measures its text cells itself: the same column widths, a tenth of the time.

    DataTable measures every cell of every new row through Rich's console (console options are built
    anew for each cell): 800 cells for a 200-item agenda, about a tenth of the agenda's first frame.
    A cell of plain text is as wide as its widest line, which is what Rich's measurement of ``Text``
    gives; rows with a label, an automatic height or another kind of cell are left to DataTable.

    It overrides two of DataTable's private methods and reads its state (tui/textual_private.py).
    """

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:  # DataTable's (DATA_TABLE_HOOKS)
        left: list[RowKey] = []
        columns = self.ordered_columns
        for row_key in new_rows:
            row = self.rows.get(row_key)
            if row is None:
                continue  # removed before the table was idle, as DataTable allows
            row_index = self.get_row_index(row_key)
            if row.label is not None or row.auto_height:
                left.append(row_key)  # before its renderables are made: DataTable's label column must know first
                continue
            cells = row_cells(self, row_index)
            if not all(isinstance(cell, Text) for cell in cells):
                left.append(row_key)
                continue
            for column, cell in zip(columns, cells, strict=False):
                width = max(map(cell_len, cell.plain.splitlines()), default=0)
                if width > column.content_width:
                    column.content_width = width
        # DataTable measures what is left and sets the table's size from the widths.
        super()._update_dimensions(left)

    def measure_new_rows(self) -> None:
        """Measure the rows added since it last measured now, instead of when the table is next idle.

        DataTable measures new rows when it is idle, which comes after the next frame: that frame
        shows every column at its header's width, and the one after it the real widths (a flicker,
        and a table rendered twice). A screen that has just filled the table calls this.
        """
        new_rows = take_new_rows(self)
        if new_rows is not None:
            self._update_dimensions(new_rows)

    def _render_cell(  # DataTable's (DATA_TABLE_HOOKS)
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> SegmentLines:
        """A one-line text cell that fits is laid out here, the rest by DataTable: the same segments.

        DataTable renders each cell through Rich's padding, styling and line-cropping wrappers, each
        with its own console options: about 1.5 ms a row, most of the agenda's first frame. For one
        line of text that fits its column, what they produce is the text's own segments between
        spaces; the styles are applied by the same call DataTable's wrapper makes.
        """
        if row_index < self.fixed_rows or column_index < self.fixed_columns:  # the header, labels, fixed cells
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        row_key, column_key = self.coordinate_to_cell_key(Coordinate(row_index, column_index))
        # DataTable's own cache and key, so that whatever clears its cache clears these too.
        cache = cell_cache(self)
        cache_key = cell_cache_key(self, row_key, column_key, base_style, cursor, hover)
        lines = cache.get(cache_key)
        if lines is None:
            lines = self._text_cell_lines(row_index, column_index, row_key, base_style, width, cursor, hover)
            if lines is None:
                return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
            cache[cache_key] = lines
        return lines

    def _text_cell_lines(
        self,
        row_index: int,
        column_index: int,
        row_key: RowKey,
        base_style: Style,
        width: int,
        cursor: bool,
        hover: bool,
    ) -> SegmentLines | None:
        """The cell's one line, as DataTable would render it; None when it is not one line of text that fits."""
        text = row_cells(self, row_index)[column_index]
        padding = self.cell_padding
        room = width - 2 * padding
        if (
            self.rows[row_key].height != 1
            or not isinstance(text, Text)
            or text.justify not in (None, "default")
            or text.end not in ("", "\n")
            or "\n" in text.plain
            or "\t" in text.plain
            or room < 0
            or text.cell_len > room
        ):
            return None
        component_style, post_style = cell_styles(self, hover, cursor)
        pre_style = base_style + Style.from_meta({"row": row_index, "column": column_index}) + component_style
        blank = Style.null()  # the padding's style, as Rich's Padding gets it
        # What Text gives Rich's console for one line: itself joined into a copy (its style becomes a span).
        line = list(Text("\n").join([text]).render(self.app.console))
        if padding:
            line.insert(0, Segment(" " * padding, blank))
        if room > text.cell_len:
            line.append(Segment(" " * (room - text.cell_len), blank))
        if padding:
            line.append(Segment(" " * padding, blank))
        return [list(Segment.apply_style(line, pre_style, post_style))]


def key_at_cursor(table: DataTable) -> str | None:
    """The key of the row under the cursor (a session id, a member id); None when the table is empty."""
    if table.row_count == 0:
        return None
    key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
    return str(key.value)
