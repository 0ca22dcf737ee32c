"""The bar at the top of every running-session screen: session, current item k of N, quorum."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from models.i18n import t
from models.record import SessionRecord


def quorum_text(record: SessionRecord) -> Text:
    """``Số lượng 6/5 ✓`` in green when the council can decide, red when it cannot."""
    present, needed = len(record.present_voting), record.quorum_needed
    ok = present >= needed
    label = t("bar.quorum_ok" if ok else "bar.quorum_missing", present=present, needed=needed)
    return Text(f" {label} ", style="bold white on dark_green" if ok else "bold white on red3")


class SessionBar(Static):
    """Always visible while a session runs; call ``show(record)`` after every change."""

    def show(self, record: SessionRecord, *, read_only: bool = False) -> None:
        self.record, self.read_only = record, read_only
        self.update(self.bar_text(record, read_only, self.size.width))
        self.set_class(not record.has_quorum, "no-quorum")

    def on_resize(self) -> None:
        if getattr(self, "record", None) is not None:
            self.update(self.bar_text(self.record, self.read_only, self.size.width))

    @staticmethod
    def bar_text(record: SessionRecord, read_only: bool, width: int) -> Text:
        """Quorum, item and badges always fit; the session title gets the room that is left."""
        session = record.session
        rest = Text()
        current = record.current_initiative
        if current is not None:
            rest.append("│ ")
            rest.append(t("bar.item", index=session.current_index + 1, total=len(session.agenda), code=current.code))
            rest.append(" ")
        rest.append("│ ")
        rest.append_text(quorum_text(record))
        if record.open_poll() is not None:
            rest.append(" ")
            rest.append(f" {t('bar.voting')} ", style="bold black on yellow")
        if read_only:
            rest.append(" ")
            rest.append(f" {t('bar.read_only')} ", style="bold white on grey37")
        title = session.title
        room = (width or 200) - rest.cell_len - 3
        if len(title) > room:
            title = title[: max(0, room - 1)] + "…" if room > 1 else ""
        line = Text(f" {title} ", style="bold")
        line.append_text(rest)
        return line
