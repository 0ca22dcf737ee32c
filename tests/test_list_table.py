"""ListTable measures its own text cells: the columns must come out exactly as DataTable's would."""

from __future__ import annotations

import asyncio

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from tui.widgets.plain import cell
from tui.widgets.tables import ListTable

ROWS = [
    (cell("1"), cell("SK-2026-01"), cell("Cải tiến quy trình tiếp nhận bệnh nhân"), Text("đã kết luận")),
    (cell("2"), cell(""), cell("Ứng dụng phần mềm quản lý hồ sơ bệnh án điện tử tại khoa Nội"), Text("")),
    (cell("10"), cell("漢字コード"), cell("wide 😀 characters"), Text("chưa")),
    (cell("11"), cell("a\nlonger second line"), cell("[red]not markup[/red] [/]"), Text("x" * 70)),
    ("12", "[b]markup in a str[/b]", "plain str cell", 7),  # cells DataTable formats itself
    (cell("13"), cell("Nguyễn Thị Mai"), cell("tab\tinside"), Text(" padded ")),
]


class Tables(App):
    def compose(self) -> ComposeResult:
        yield DataTable(id="stock")
        yield ListTable(id="ours")


def widths(table: DataTable) -> tuple[list[int], tuple[int, int]]:
    return [column.content_width for column in table.ordered_columns], tuple(table.virtual_size)


def test_columns_and_size_match_datatable_for_every_kind_of_cell() -> None:
    async def run() -> tuple[tuple, tuple, tuple, tuple]:
        app = Tables()
        async with app.run_test(size=(200, 40)) as pilot:
            stock, ours = app.query_one("#stock", DataTable), app.query_one("#ours", ListTable)
            for table in (stock, ours):
                table.add_columns("Số", "Mã", "Tên sáng kiến", "Trạng thái")
                for index, row in enumerate(ROWS[:3]):
                    table.add_row(*row, key=str(index))
            await pilot.pause()
            first = widths(stock), widths(ours)
            for table in (stock, ours):  # rows added later widen the columns they are wider in
                for index, row in enumerate(ROWS[3:], start=3):
                    table.add_row(*row, key=str(index))
                table.add_row(*ROWS[0], key="labelled", label="L")  # a labelled row: DataTable measures it
                table.add_row(*ROWS[1], key="tall", height=None)  # an automatic height: likewise
            await pilot.pause()
            return *first, widths(stock), widths(ours)

    stock_first, ours_first, stock_all, ours_all = asyncio.run(run())
    assert ours_first == stock_first
    assert ours_all == stock_all
    assert stock_all[0][3] == 70  # the widest status: the rows added later were measured


def test_removed_rows_are_skipped_as_datatable_skips_them() -> None:
    async def run() -> tuple[list[int], int]:
        app = Tables()
        async with app.run_test(size=(120, 20)) as pilot:
            ours = app.query_one("#ours", ListTable)
            ours.add_columns("a", "b")
            ours.add_row(cell("short"), cell("x"), key="kept")
            ours.add_row(cell("a much longer cell"), cell("y"), key="gone")
            ours.remove_row("gone")  # before the table was idle and measured it
            await pilot.pause()
            return widths(ours)[0], ours.row_count

    column_widths, rows = asyncio.run(run())
    assert rows == 1
    assert column_widths == [len("short"), 1]


STYLED = [
    (cell("3"), Text("SK-03", style="bold"), Text.assemble(("Đã ", "green"), ("kết luận", "bold red")), Text("")),
    (cell("4"), cell("[b]x[/b]"), Text("cuối ", style="dim", justify="left"), Text("chưa bỏ phiếu", style="dim")),
]


def cell_renders(table: DataTable) -> list:
    """Every cell of every row and the header, in every cursor and hover state, at widths that fit or do not."""
    from rich.style import Style

    out = []
    for row_index in range(-1, table.row_count):
        for column_index, column in enumerate(table.ordered_columns):
            natural = column.content_width + 2 * table.cell_padding
            for width in (natural, natural + 5, natural - 1):
                for cursor in (False, True):
                    for hover in (False, True):
                        for base in (Style(), Style(bgcolor="grey11")):
                            out.append(table._render_cell(row_index, column_index, base, width, cursor, hover))
    return out


def test_cells_render_to_the_same_segments_as_datatable_in_every_state() -> None:
    async def run() -> list[tuple[list, list]]:
        app = Tables()
        got = []
        async with app.run_test(size=(200, 40)) as pilot:
            stock, ours = app.query_one("#stock", DataTable), app.query_one("#ours", ListTable)
            for table in (stock, ours):
                table.add_columns("Số", "Mã", "Tên sáng kiến", "Trạng thái")
                for index, row in enumerate(ROWS + STYLED):
                    table.add_row(*row, key=str(index))
                table.add_row(*ROWS[0], key="labelled", label="L")
                table.add_row(*STYLED[0], key="tall", height=2)
            await pilot.pause()
            for focused in (True, False):  # the cursor's colours follow the focus
                renders = []
                for table in (stock, ours):
                    app.set_focus(table if focused else None)
                    await pilot.pause()
                    renders.append(cell_renders(table))
                got.append(tuple(renders))
        return got

    for stock, ours in asyncio.run(run()):
        assert len(ours) == len(stock) > 1000
        for index, (theirs, mine) in enumerate(zip(stock, ours, strict=True)):
            assert mine == theirs, index
