"""Every use of Textual's private names, in one place: what to check when the pinned Textual moves.

council pins Textual to one minor release (pyproject.toml). Where Textual has a public way, the rest
of tui/ uses it; what is left has none in this release, and is reached only through this module,
each with why. tests/test_textual_private.py fails, naming the name, when Textual changes any of
them, and fails when another module of tui/ reaches a private name itself.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.style import Style
    from textual.app import App
    from textual.binding import Binding, BindingsMap
    from textual.dom import DOMNode
    from textual.notifications import Notification
    from textual.widgets import DataTable, Static
    from textual.widgets._footer import FooterKey
    from textual.widgets._select import SelectCurrent, SelectOverlay
    from textual.widgets._toast import Toast
    from textual.widgets.data_table import ColumnKey, RowKey

# Widgets Textual does not export: the footer's keys (tui/widgets/footer.py lays them out), the
# Select's current value (it shows the prompt) and overlay (its options), the notices' toasts (tests
# find them on screen). Imported when first asked for: the bindings below are needed at start-up.
PRIVATE_WIDGETS = {
    "FooterKey": "textual.widgets._footer",
    "SelectCurrent": "textual.widgets._select",
    "SelectOverlay": "textual.widgets._select",
    "Toast": "textual.widgets._toast",
}


def __getattr__(name: str) -> Any:
    if name in PRIVATE_WIDGETS:
        return getattr(importlib.import_module(PRIVATE_WIDGETS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "APP_HOOKS",
    "DATA_TABLE_HOOKS",
    "PRIVATE_WIDGETS",
    "FooterKey",
    "SelectCurrent",
    "SelectOverlay",
    "Toast",
    "cell_cache",
    "cell_cache_key",
    "cell_styles",
    "close_after_error",
    "own_bindings",
    "row_cells",
    "set_own_bindings",
    "show_plain",
    "shown_notices",
    "take_new_rows",
    "unhandled_error",
    "withdraw_notice",
]

DATA_TABLE_HOOKS = ("_update_dimensions", "_render_cell")
"""DataTable's private methods tui/widgets/tables.py overrides (and calls through ``super()``): its
measuring of new rows and its rendering of one cell, the two costs of a long agenda's first frame."""

APP_HOOKS = ("_fatal_error",)
"""App's private method tui/app.py overrides: what an unhandled exception does (Textual prints a
traceback; council logs it, closes the session and says where the log is). No public hook exists."""


# Bindings --------------------------------------------------------------------------------------------
# A node's own bindings (its class's BINDINGS, merged): Textual has no public reader (Screen's
# active_bindings merges the focused widgets' too) and no public way to give them another description.


def own_bindings(node: DOMNode) -> Iterable[tuple[str, Binding]]:
    """(key, binding) for each of ``node``'s own bindings, in their order."""
    return node._bindings


def set_own_bindings(node: DOMNode, bindings: BindingsMap) -> None:
    """Give ``node`` these bindings instead of its class's (their descriptions in the user's language)."""
    node._bindings = bindings


# Notices ---------------------------------------------------------------------------------------------
# App.notify adds and App.clear_notifications removes them all; nothing public lists them or
# removes one (a plain confirmation replaces the one before it).


def shown_notices(app: App[Any]) -> list[Notification]:
    """The notices on screen now, oldest first."""
    return list(app._notifications)


def withdraw_notice(app: App[Any], notice: Notification) -> None:
    """Take ``notice`` off the screen before its time (the next notice redraws them)."""
    app._unnotify(notice, refresh=False)


# An unhandled exception (APP_HOOKS) ------------------------------------------------------------------


def unhandled_error(app: App[Any]) -> BaseException | None:
    """The exception that ended the app (what Textual's _fatal_error would print a traceback of)."""
    return app._exception


def close_after_error(app: App[Any], message: str) -> None:
    """End the app at once, printing ``message`` as it exits, as Textual's _fatal_error does with its traceback.

    Not App.exit: that waits its turn behind the messages queued before the error, and panic() renders
    the message at the app's width before it is printed.
    """
    app._exit_renderables.append(message)
    app._close_messages_no_wait()


# A Static shown as typed -----------------------------------------------------------------------------


def show_plain(static: Static) -> None:
    """Make a Static Textual built (the Select's prompt) read its content as plain text, not markup.

    ``markup=False`` is a constructor argument only; the Select builds this Static itself.
    """
    static._render_markup = False
    static.update(static.content)


# DataTable (DATA_TABLE_HOOKS) ------------------------------------------------------------------------
# tui/widgets/tables.py measures and renders plain text cells itself, the same result in a tenth of
# the time; it reads DataTable's own state to do exactly what DataTable would.


def row_cells(table: DataTable[Any], row_index: int) -> list[Any]:
    """The renderables DataTable makes of row ``row_index``'s cells (what it measures and draws)."""
    return table._get_row_renderables(row_index)[1]


def take_new_rows(table: DataTable[Any]) -> list[RowKey] | None:
    """The rows added since DataTable last measured, now taken from it; None when it has nothing to measure.

    DataTable measures them when it is next idle: taking them here measures them now, once.
    """
    if not table._require_update_dimensions:
        return None
    table._require_update_dimensions = False
    new_rows = table._new_rows.copy()
    table._new_rows.clear()
    return list(new_rows)


def cell_cache(table: DataTable[Any]) -> dict[Any, Any]:
    """DataTable's cache of rendered cells: what clears it (a new style, a changed cell) clears ours too."""
    return table._cell_render_cache


def cell_cache_key(
    table: DataTable[Any], row_key: RowKey, column_key: ColumnKey, base_style: Style, cursor: bool, hover: bool
) -> tuple[Any, ...]:
    """DataTable's own key of a rendered cell in that cache (the same fields, in the same order)."""
    return (
        row_key,
        column_key,
        base_style,
        cursor,
        hover,
        table._show_hover_cursor,
        table._update_count,
        table._pseudo_class_state,
    )


def cell_styles(table: DataTable[Any], hover: bool, cursor: bool) -> tuple[Style, Style]:
    """The styles DataTable gives a data cell (not a header, label or fixed cell): before and after its own."""
    return table._get_styles_to_render_cell(
        False,
        False,
        False,
        hover,
        cursor,
        table.show_cursor,
        table._show_hover_cursor,
        table.cursor_foreground_priority == "css",
        table.cursor_background_priority == "css",
    )
