"""Textual's private names council relies on (tui/textual_private.py) still do what it relies on.

The pinned Textual changes them in any release without notice. Each test here names what changed, so
that moving the pin fails here, loudly, rather than as a wrong column width or an untranslated key.
The last test keeps every other module of tui/ from reaching a private name of Textual itself.
"""

from __future__ import annotations

import ast
import asyncio
import importlib
import inspect
from pathlib import Path
from typing import ClassVar

import pytest
from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingsMap
from textual.widgets import DataTable, Static

from tui import textual_private
from tui.textual_private import (
    APP_HOOKS,
    DATA_TABLE_HOOKS,
    PRIVATE_WIDGETS,
    cell_cache,
    cell_cache_key,
    cell_styles,
    close_after_error,
    own_bindings,
    row_cells,
    set_own_bindings,
    show_plain,
    shown_notices,
    take_new_rows,
    unhandled_error,
    withdraw_notice,
)

ROOT = Path(__file__).resolve().parent.parent

# The private methods overridden, with the parameters the overrides take (and pass on through super()).
HOOK_PARAMETERS = {
    (DataTable, "_update_dimensions"): ["self", "new_rows"],
    (DataTable, "_render_cell"): ["self", "row_index", "column_index", "base_style", "width", "cursor", "hover"],
    (App, "_fatal_error"): ["self"],
}


class Keys(App):
    BINDINGS: ClassVar[list[Binding]] = [Binding("x", "nothing", "bind.original")]

    def compose(self) -> ComposeResult:
        yield DataTable(id="table")
        yield Static("[b]typed[/b]", id="typed")


def test_the_private_widgets_are_where_council_imports_them_from() -> None:
    for name, module in PRIVATE_WIDGETS.items():
        assert isinstance(getattr(importlib.import_module(module), name, None), type), f"{module}.{name} is gone"
        assert getattr(textual_private, name) is getattr(importlib.import_module(module), name)


def test_the_overridden_hooks_exist_with_the_parameters_the_overrides_take() -> None:
    assert {name for _, name in HOOK_PARAMETERS} == set(DATA_TABLE_HOOKS) | set(APP_HOOKS)
    for (owner, name), parameters in HOOK_PARAMETERS.items():
        method = getattr(owner, name, None)
        assert callable(method), f"{owner.__name__}.{name} is gone: tui/ overrides it"
        assert list(inspect.signature(method).parameters) == parameters, f"{owner.__name__}.{name} changed"


def test_a_nodes_own_bindings_are_read_and_replaced_as_textual_uses_them() -> None:
    async def run() -> tuple[list[str], str]:
        app = Keys()
        async with app.run_test() as pilot:
            before = [b.description for _, b in own_bindings(app) if b.action == "nothing"]
            replaced = {k: [b] for k, b in own_bindings(app)}
            replaced["x"] = [Binding("x", "nothing", "translated")]
            set_own_bindings(app, BindingsMap.from_keys(replaced))
            await pilot.pause()
            # What Textual itself shows (the footer, the palette) reads the replaced bindings.
            shown = app.screen.active_bindings["x"].binding.description
        return before, shown

    assert asyncio.run(run()) == (["bind.original"], "translated")


def test_notices_are_listed_and_one_is_withdrawn() -> None:
    async def run() -> tuple[list[str], list[str]]:
        app = Keys()
        async with app.run_test() as pilot:
            app.notify("first")
            app.notify("second")
            await pilot.pause()
            listed = [str(n.message) for n in shown_notices(app)]
            withdraw_notice(app, shown_notices(app)[0])
            await pilot.pause()
            left = [str(n.message) for n in shown_notices(app)]
        return listed, left

    assert asyncio.run(run()) == (["first", "second"], ["second"])


class Failing(App):
    """Fails once mounted; its _fatal_error does what tui/app.py's does."""

    seen: list[BaseException | None]

    def on_mount(self) -> None:
        raise RuntimeError("boom")

    def _fatal_error(self) -> None:
        self.seen = [unhandled_error(self)]
        close_after_error(self, "what the chair reads")


def test_an_unhandled_error_reaches_the_hook_and_its_message_is_printed_on_exit(
    capsys: pytest.CaptureFixture[str],
) -> None:
    app = Failing()
    app.run(headless=True)
    err = capsys.readouterr().err
    assert [type(e) for e in app.seen] == [RuntimeError], "App._handle_exception no longer calls _fatal_error"
    assert "what the chair reads" in err and "Traceback" not in err
    assert app.return_code == 1


def test_a_static_shows_its_markup_as_typed() -> None:
    async def run() -> str:
        app = Keys()
        async with app.run_test() as pilot:
            typed = app.query_one("#typed", Static)
            show_plain(typed)
            await pilot.pause()
            return str(typed.render())

    assert asyncio.run(run()) == "[b]typed[/b]"


def test_the_data_tables_state_is_read_as_it_keeps_it() -> None:
    async def run() -> None:
        app = Keys()
        async with app.run_test() as pilot:
            table = app.query_one(DataTable)
            table.add_columns("a", "b")
            keys = table.add_rows([(Text("x"), Text("yy")), (Text("z"), Text(""))])
            assert take_new_rows(table) == keys, "DataTable no longer keeps its rows to measure so"
            assert take_new_rows(table) is None
            assert [c.plain for c in row_cells(table, 0)] == ["x", "yy"]
            hover_cursor = cell_styles(table, hover=False, cursor=True)
            assert len(hover_cursor) == 2 and all(isinstance(s, Style) for s in hover_cursor)
            # DataTable's own rendering files the cell under the key council makes for it.
            await pilot.pause()
            cell_cache(table).clear()
            base = Style()
            DataTable._render_cell(table, 0, 1, base, 4, False, False)
            row_key, column_key = table.coordinate_to_cell_key((0, 1))
            assert cell_cache_key(table, row_key, column_key, base, False, False) in cell_cache(table), (
                "DataTable's cell cache key changed: tui/widgets/tables.py would keep stale cells"
            )

    asyncio.run(run())


def _private_names_reached() -> set[str]:
    """The private attributes tui/textual_private.py reaches on Textual's objects."""
    tree = ast.parse((ROOT / "tui" / "textual_private.py").read_text(encoding="utf-8"))
    return {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr.startswith("_")
        and not node.attr.startswith("__")
        and isinstance(node.value, ast.Name)
        and node.value.id in {"app", "node", "static", "table"}
    }


def test_no_other_module_of_tui_reaches_textuals_private_names() -> None:
    private = _private_names_reached()
    hooks = set(DATA_TABLE_HOOKS) | set(APP_HOOKS)
    assert {"_bindings", "_notifications", "_cell_render_cache"} <= private
    found = []
    for path in sorted((ROOT / "tui").rglob("*.py")):
        if path.name == "textual_private.py":
            continue
        where = path.relative_to(ROOT)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("textual"):
                if any(part.startswith("_") for part in (node.module or "").split(".")):
                    found.append(f"{where}:{node.lineno} imports {node.module}")
            elif isinstance(node, ast.Attribute) and node.attr in private and node.attr not in hooks:
                found.append(f"{where}:{node.lineno} reaches .{node.attr}")
    assert found == [], "go through tui/textual_private.py:\n" + "\n".join(found)
