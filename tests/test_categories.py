"""Categories are data: shown as they were entered, in every language and every output (issue 15, item 9)."""

from __future__ import annotations

from pathlib import Path

from models.i18n import set_language
from models.parsing import canonical_category
from sessions.export.statistics import render_table
from sessions.exporting import render
from sessions.stats import compute_stats
from sessions.storage import DataFolder
from tests.conftest import FIRST
from tui.render.agenda import render_detail
from tui.render.initiative import detail_blocks

CUSTOM = "cải tiến quản lý"


def _record(demo_dir: Path):
    """The demo's decided session, its first initiative moved to a category of the council's own."""
    record = DataFolder(demo_dir).load_record(FIRST)[0]
    first = record.agenda_items()[0]
    changed = first.model_copy(update={"category": CUSTOM})
    return record.model_copy(update={"initiatives": {**record.initiatives, first.id: changed}})


def test_the_english_minutes_and_statistics_keep_every_category_as_entered(demo_dir: Path) -> None:
    record = _record(demo_dir)
    set_language("en")
    minutes = render(record, "md").decode()
    assert "cải tiến kỹ thuật" in minutes and CUSTOM in minutes
    assert "technical improvement" not in minutes
    stats = render_table(compute_stats([record]))
    assert "cải tiến kỹ thuật" in stats and CUSTOM in stats
    assert "technical improvement" not in stats and "savings" not in stats
    recognition = render(record, "csv").decode()
    assert "technical improvement" not in recognition


def test_the_english_detail_pane_shows_the_category_as_entered(demo_dir: Path) -> None:
    from rich.console import Console

    record = _record(demo_dir)
    set_language("en")
    console = Console(width=120, record=True)
    console.print(render_detail(tuple(detail_blocks(record, record.agenda_items()[1]))))
    shown = console.export_text()
    assert record.agenda_items()[1].category in shown
    assert "technical improvement" not in shown and "savings" not in shown


def test_a_category_typed_in_english_is_not_translated() -> None:
    assert canonical_category("savings") == "savings"
    assert canonical_category("tiet kiem") == "tiết kiệm"
