"""Statistics with bar charts: counts and benefit by category, legal type, unit and outcome.

Over the open session, or over every session of the council (loaded in a worker, since an
archive may hold hundreds).
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, LoadingIndicator, Static

from models.errors import DomainError
from models.formatting import format_vnd
from models.i18n import t
from models.record import SessionRecord
from sessions.stats import Bucket, Statistics, compute_stats
from tui.bindings import STATS
from tui.screens.base import CouncilScreen
from tui.widgets.footer import Footer

BAR_WIDTH = 20


def bar_chart(buckets: tuple[Bucket, ...]) -> Table:
    """One row per bucket: label, a bar proportional to the count, count, recognised, confirmed benefit."""
    most = max((b.count for b in buckets), default=0) or 1
    table = Table(box=None, padding=(0, 1), show_header=True, header_style="bold", expand=False)
    table.add_column(t("stats.group"), max_width=30, overflow="ellipsis", no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column(t("stats.count"), justify="right", no_wrap=True)
    table.add_column(t("stats.recognised"), justify="right", no_wrap=True)
    table.add_column(t("stats.benefit"), justify="right", no_wrap=True)
    for bucket in buckets:
        filled = round(BAR_WIDTH * bucket.count / most)
        bar = Text("█" * filled, style="green") + Text("░" * (BAR_WIDTH - filled), style="grey23")
        benefit = format_vnd(bucket.benefit_vnd) if bucket.benefit_vnd else ""
        if bucket.unquantified:
            benefit = f"{benefit} (+{bucket.unquantified})".strip()
        # A bucket's label is a unit or field as typed on the application form: never markup.
        table.add_row(Text(bucket.label), bar, str(bucket.count), str(bucket.recognised), Text(benefit))
    return table


def stats_view(stats: Statistics) -> RenderableType:
    parts: list[RenderableType] = [Text("\n".join(stats.summary()), style="bold"), Text("")]
    for heading, buckets in stats.sections():
        parts += [Text(heading, style="bold underline"), bar_chart(buckets), Text("")]
    parts.append(Text(t("stats.unquantified_note"), style="dim"))
    return Group(*parts)


class StatsScreen(CouncilScreen):
    """``record`` given: that session first (a key switches to all sessions); otherwise all sessions."""

    BINDINGS = STATS

    def __init__(self, record: SessionRecord | None = None) -> None:
        super().__init__()
        self.record = record
        self.scope_all = record is None

    def compose(self) -> ComposeResult:
        yield Label("", id="stats-title", classes="screen-title", markup=False)
        yield LoadingIndicator(id="stats-loading")
        with VerticalScroll(id="stats-body"):
            yield Static(id="stats", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        title = t("stats.title_all") if self.scope_all else t("stats.title_session", session=self.record.session.title)
        self.query_one("#stats-title", Label).update(title)
        if self.scope_all:
            self.query_one("#stats-loading").display = True
            self.load_all()
        else:
            self.query_one("#stats-loading").display = False
            self.query_one("#stats", Static).update(stats_view(compute_stats([self.record])))

    @work(thread=True, exclusive=True)
    def load_all(self) -> None:
        try:
            stats = self.council_app.council_service.statistics()
        except DomainError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._loaded, stats)

    def _loaded(self, stats: Statistics) -> None:
        self.query_one("#stats-loading").display = False
        self.query_one("#stats", Static).update(stats_view(stats))

    def _failed(self, message: str) -> None:
        self.query_one("#stats-loading").display = False
        self.query_one("#stats", Static).update(message)

    def action_toggle_scope(self) -> None:
        if self.record is None:
            return
        self.scope_all = not self.scope_all
        self.show()

    def action_back(self) -> None:
        self.app.pop_screen()
