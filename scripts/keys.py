"""Write the key reference into README.md from the app's own bindings (tui/bindings.py).

.venv/bin/python -m scripts.keys          # rewrite the table between <!-- keys:start --> and <!-- keys:end -->
.venv/bin/python -m scripts.keys --check  # exit 1 when README.md differs (tests/test_readme_keys.py does this)
"""

from __future__ import annotations

import argparse
import sys

from textual.binding import Binding

from models.i18n import t
from scripts.readme_markers import README, between, replace_between
from tui.bindings import all_screen_bindings

BLOCK = "keys"

# The screens' names in the README, by their name in all_screen_bindings(); a new screen shows its own name.
SCREEN_NAMES = {
    "app": "Everywhere",
    "picker": "Session list",
    "first_run": "First run (empty data folder)",
    "agenda": "Agenda (the running session)",
    "attendance": "Attendance",
    "vote": "Open vote",
    "ballot_overview": "Secret ballot / scoring: chair's view",
    "paper": "Paper tally",
    "booth": "Booth: list of names",
    "ballot": "Booth: ballot",
    "sheet": "Scoring sheet",
    "pin": "Booth: PIN",
    "received": "Booth: vote received",
    "rules": "Rulebook",
    "stats": "Statistics",
    "findings": "Findings",
    "prep_form": "Preparing: any form",
    "members": "Preparing: members",
    "import": "Preparing: import preview",
    "room": "The room (projector board)",
    "member_link": "A member's link (QR code)",
}

KEY_NAMES = {"question_mark": "?", "escape": "esc", "backspace": "⌫", "delete": "del"}


def key_label(binding: Binding) -> str:
    """How the key is written: the binding's own display for one key, else each key's usual name."""
    keys = binding.key.split(",")
    if binding.key_display and len(keys) == 1:
        return binding.key_display
    return ", ".join(KEY_NAMES.get(k, k) for k in keys)


def rows(bindings: list[Binding]) -> list[tuple[str, str, str]]:
    """(key, English, Vietnamese) per binding; digits that share one line (0-9) come once."""
    seen: set[tuple[str, str]] = set()
    out = []
    for binding in bindings:
        key = key_label(binding)
        if (key, binding.description) in seen:
            continue
        seen.add((key, binding.description))
        out.append((key, t(binding.description, "en"), t(binding.description, "vi")))
    return out


def table() -> str:
    """The Markdown key reference, one section per screen."""
    lines = [
        "## Keys",
        "",
        "`?` in the app lists the keys of the screen you are on, and `ctrl+p` finds any action by name.",
        "The footer shows the keys that work now, as many as fit whole on the line; `?` and `ctrl+p` always stay.",
        "This table is generated from `tui/bindings.py` (`.venv/bin/python -m scripts.keys`).",
        "",
        "<details><summary>Every key of every screen, in English and Vietnamese</summary>",
        "",
        "| Screen | Key | Action | Thao tác |",
        "|---|---|---|---|",
    ]
    for name, bindings in all_screen_bindings().items():
        screen = SCREEN_NAMES.get(name, name)
        for index, (key, english, vietnamese) in enumerate(rows(bindings)):
            lines.append(f"| {screen if index == 0 else ''} | `{key}` | {english} | {vietnamese} |")
    lines += ["", "</details>"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the key reference into README.md.")
    parser.add_argument("--check", action="store_true", help="only check that README.md is up to date")
    args = parser.parse_args(argv)
    text = README.read_text(encoding="utf-8")
    wanted = table()
    if args.check:
        if between(text, BLOCK) != wanted:
            print("README.md's key table is out of date: run .venv/bin/python -m scripts.keys", file=sys.stderr)
            return 1
        return 0
    README.write_text(replace_between(text, BLOCK, wanted), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
