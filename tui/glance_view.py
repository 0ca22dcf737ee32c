"""The agenda's view as its glance keeps it: JSON written as a session closes, read back for the next first frame.

sessions/glance.py keeps the file; this module says what is in it. Imports neither Textual, the models nor the
session code at import time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.style import Style
from rich.text import Span, Text

from models.i18n import current_language
from tui.views import AgendaRow, AgendaView, BarView, DetailBlock, DetailGrid, agenda_view

if TYPE_CHECKING:
    from sessions.service import SessionService

VIEW_VERSION = 2
"""Part of every kept view: a view kept by an older drawing of the agenda is not used."""


def view_to_json(view: AgendaView) -> dict[str, Any]:
    """The view as JSON-ready data (what the glance keeps)."""
    bar = view.bar
    return {
        "view_version": VIEW_VERSION,
        "bar": [bar.title, bar.item, bar.present, bar.needed, bar.voting, bar.read_only],
        "rows": [[r.id, r.code, r.title, _text_json(r.status)] for r in view.rows],
        "current": view.current,
        "detail": [_block_json(block) for block in view.detail],
        "empty": view.empty,
        "status": view.status,
    }


def view_from_json(doc: dict[str, Any]) -> AgendaView | None:
    """The view kept in ``doc``; None if it is not one this version draws."""
    try:
        if doc.get("view_version") != VIEW_VERSION:
            return None
        title, item, present, needed, voting, read_only = doc["bar"]
        bar = BarView(str(title), str(item), int(present), int(needed), bool(voting), bool(read_only))
        rows = tuple(AgendaRow(str(i), str(c), str(ti), _text(s)) for i, c, ti, s in doc["rows"])
        detail = tuple(_block(block) for block in doc["detail"])
        return AgendaView(bar, rows, int(doc["current"]), detail, str(doc["empty"]), str(doc["status"]))
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def glance_of(service: SessionService) -> dict[str, Any] | None:
    """What the agenda shows of the open session, as kept for its next start (sessions/glance.py).

    None for a session open read-only (nothing of it is kept), or if the view cannot be made: a
    shortcut for the next start must never stop a session from closing, so the error is only logged.
    """
    if service.read_only:
        return None
    try:
        return view_to_json(agenda_view(service.record, read_only=False))
    except Exception:
        from tui.errors import log_unexpected

        log_unexpected()
        return None


def first_frame(service: SessionService) -> tuple[dict[str, Any], str] | None:
    """The agenda's first frame of the open session and the language it is in, kept as the session closes."""
    glance = glance_of(service)
    return (glance, current_language()) if glance is not None else None


def _style_json(style: str | Style) -> str:
    return str(style) if style else ""


def _text_json(text: Text) -> list[Any]:
    spans = [[s.start, s.end, _style_json(s.style)] for s in text.spans]
    return [text.plain, _style_json(text.style), spans]


def _text(doc: list[Any]) -> Text:
    plain, style, spans = doc
    return Text(str(plain), style=str(style), spans=[Span(int(a), int(b), str(s)) for a, b, s in spans])


def _block_json(block: DetailBlock) -> dict[str, Any]:
    if isinstance(block, DetailGrid):
        return {"grid": [[_text_json(label), _text_json(value)] for label, value in block.rows]}
    return {"text": _text_json(block)}


def _block(doc: dict[str, Any]) -> DetailBlock:
    if "grid" in doc:
        return DetailGrid(tuple((_text(label), _text(value)) for label, value in doc["grid"]))
    return _text(doc["text"])
