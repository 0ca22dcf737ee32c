"""The README's key table is exactly what scripts/keys.py writes from the bindings, so it cannot drift."""

from __future__ import annotations

from models.i18n import t
from scripts.keys import rows, table
from scripts.readme_markers import README, between
from tui.bindings import all_screen_bindings


def test_readme_key_table_matches_the_bindings() -> None:
    readme = README.read_text(encoding="utf-8")
    assert between(readme, "keys") == table(), "run: .venv/bin/python -m scripts.keys"


def test_every_binding_of_every_screen_is_in_the_table() -> None:
    text = table()
    for bindings in all_screen_bindings().values():
        for key, english, vietnamese in rows(bindings):
            assert f"| `{key}` | {english} | {vietnamese} |" in text
    assert t("bind.leave_booth", "en") in text and t("bind.leave_booth", "vi") in text  # hidden keys too
