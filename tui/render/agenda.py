"""The session bar and the agenda's detail pane drawn in Rich text, from their views (tui/views.py).

Both paths draw through here: the glance's first frame and the open session. Imports neither Textual, the models
nor the session code at import time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from models.i18n import t
from tui.views import BarView, DetailBlock, DetailGrid

if TYPE_CHECKING:
    from models.initiative import Initiative
    from models.record import SessionRecord

LABEL_WIDTH = 14


def quorum_text(present: int, needed: int) -> Text:
    """White on green when the council can decide; red on white, on the bar turned red, when it cannot.

    Not white on red: in a 16-colour terminal (TERM=xterm, the Linux console) that is the bar's own red, and
    the badge would vanish into it. The words differ too, for NO_COLOR and for a monochrome projector.
    """
    ok = present >= needed
    label = t("bar.quorum_ok" if ok else "bar.quorum_missing", present=present, needed=needed)
    return Text(f" {label} ", style="bold white on dark_green" if ok else "bold red3 on white")


def bar_text(bar: BarView, width: int) -> Text:
    """Quorum, item and badges always fit; the session title gets the room that is left."""
    rest = Text()
    if bar.item:
        rest.append("│ ")
        rest.append(bar.item)
        rest.append(" ")
    rest.append("│ ")
    rest.append_text(quorum_text(bar.present, bar.needed))
    if bar.voting:
        rest.append(" ")
        rest.append(f" {t('bar.voting')} ", style="bold black on yellow")
    if bar.read_only:
        rest.append(" ")
        rest.append(f" {t('bar.read_only')} ", style="bold white on grey37")
    title = bar.title
    room = (width or 200) - rest.cell_len - 3
    if len(title) > room:
        title = title[: max(0, room - 1)] + "…" if room > 1 else ""
    line = Text(f" {title} ", style="bold")
    line.append_text(rest)
    return line


# Below this width the values would be cut beside their labels ("SK-202…" at 80 columns): each label
# goes on its own line, with its value under it.
SIDE_BY_SIDE = LABEL_WIDTH + 1 + 17


class LabelledRows:
    """A detail grid laid out for the width it is given: label beside value, or above it when narrow."""

    def __init__(self, grid: DetailGrid) -> None:
        self.grid = grid

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width >= SIDE_BY_SIDE:
            table = Table.grid(padding=(0, 1), expand=True)
            table.add_column(style="bold", width=LABEL_WIDTH)
            table.add_column(ratio=1)
            for label, value in self.grid.rows:
                table.add_row(label, value)
            yield table
            return
        for label, value in self.grid.rows:
            if label.plain:  # (a row without a label goes on under the one above)
                yield Text.assemble(label, style="bold")
            yield Padding(value, (0, 0, 0, 2))


def render_detail(blocks: tuple[DetailBlock, ...]) -> RenderableType:
    """The detail pane: texts, and label/value grids."""
    parts: list[RenderableType] = []
    for block in blocks:
        parts.append(LabelledRows(block) if isinstance(block, DetailGrid) else block)
    return Group(*parts)


def item_detail(record: SessionRecord, initiative: Initiative) -> RenderableType:
    """The detail pane for any item of the open session."""
    from tui.render.initiative import detail_blocks

    return render_detail(tuple(detail_blocks(record, initiative)))
