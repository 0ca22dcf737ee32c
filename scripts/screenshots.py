"""Refresh the README's screenshots: SVGs of the main screens, exported by Textual, on the demo council.

    .venv/bin/python -m scripts.screenshots [--out docs/screenshots] [--lang vi|en]

The chair's keys are pressed in the real app (Textual's Pilot, 100x30), on a fresh demo council with
a fixed clock, so two runs write the same files. The image list in README.md (between
<!-- screenshots:start --> and <!-- screenshots:end -->) is rewritten to match.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sys
import tempfile
from pathlib import Path

from models.i18n import set_language
from scripts.readme_markers import README, insert_after, replace_between
from sessions.demo.build import build_demo
from sessions.report_file import write_report
from sessions.storage import DataFolder
from tui.app import CouncilApp

SIZE = (100, 30)
TODAY = dt.date(2026, 11, 22)
OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
BLOCK = "screenshots"
ANCHOR = "<!-- first-session:end -->"
BOOTH_SECRET = "hom-phieu-2026"  # at least 8 characters

# File name (without .svg), title and caption, in the order they are taken and shown.
SHOTS = [
    ("picker", "Session picker", "the council's sessions, their status and progress"),
    ("statistics", "Statistics", "every session: counts and benefit by category, type, unit and outcome"),
    ("attendance", "Attendance", "one member absent with a reason, one late; the quorum in the bar"),
    ("open-vote", "Open vote", "each member's choice, the live tally and the votes needed"),
    ("findings", "Findings", "remarks, the conclusion, scope, award and confirmed benefit"),
    ("booth", "Secret ballot booth", "only the names of those who have not voted; no tally"),
    ("scoring", "Scoring sheet", "a member's sheet typed from paper, with each criterion's bands"),
]


def fixed_clock() -> dt.datetime:
    return dt.datetime(2026, 11, 22, 14, 0)


class Camera:
    """Saves the app's current screen as an SVG, without the passing notices."""

    def __init__(self, app: CouncilApp, out: Path) -> None:
        self.app = app
        self.out = out
        self.written: list[Path] = []

    async def shot(self, pilot, name: str) -> None:  # noqa: ANN001 (textual's Pilot is generic)
        self.app.clear_notifications()
        await pilot.pause()
        path = self.out / f"{name}.svg"
        title = next(title for shot, title, _ in SHOTS if shot == name)
        write_report(path, self.app.export_screenshot(title=f"council: {title}").encode("utf-8"))
        self.written.append(path)


async def take(data: Path, out: Path) -> list[Path]:
    """Play a meeting on the demo council and take each screenshot on the way."""
    app = CouncilApp(data, clock=fixed_clock)
    camera = Camera(app, out)
    async with app.run_test(size=SIZE) as pilot:
        await camera.shot(pilot, "picker")

        await pilot.press("S")  # statistics over every session
        await app.workers.wait_for_complete()
        await camera.shot(pilot, "statistics")
        await pilot.press("escape")

        await pilot.press("enter", "t")  # today's planned session, the roll
        await pilot.press("p", "p", "p", "a", *"Ốm", "enter", "p", "p", "l")
        await camera.shot(pilot, "attendance")

        await pilot.press("escape", "s", "v", "enter")  # start the meeting; an open vote
        await pilot.press("y", "y", "y", "n", "y")
        await camera.shot(pilot, "open-vote")

        await pilot.press("y", "c", "f")  # close the poll; findings
        await pilot.press(*"Quy trình rõ ràng, đã áp dụng tại ba khoa; đề nghị nhân rộng.")
        # The conclusion is proposed from the passed poll (recognised); the refusal's reason is skipped.
        await pilot.press("tab", "tab", "tab", "enter", "down", "down", "enter")  # scope: the province
        await pilot.press("ctrl+s")
        await camera.shot(pilot, "findings")

        await pilot.press("escape", "n", "v", "down", "enter", "b")  # next item: a secret ballot; the booth
        await booth_secret(pilot, choose=True)  # the chair chooses the secret that seals the box
        await pilot.press("enter", "y", "enter", "enter")  # the first member votes, and passes the laptop on
        await camera.shot(pilot, "booth")

        await pilot.press("ctrl+x")  # the chair leaves the booth (with the secret) and closes the poll
        await booth_secret(pilot)
        await pilot.press("c", "enter", "escape")
        await pilot.press("n", "v", "down", "down", "enter", "enter")  # next item: scoring; a paper sheet
        await booth_secret(pilot, choose=True)  # the sheets are sealed in the box too
        await pilot.press(*"26", "tab", *"24", "tab", *"35", "tab", *"Giảm thời gian chờ của người bệnh")
        await camera.shot(pilot, "scoring")
        await pilot.press("escape", "escape", "escape", "ctrl+q")
    return camera.written


async def booth_secret(pilot, *, choose: bool = False) -> None:  # noqa: ANN001 (textual's Pilot is generic)
    """The chair types the booth secret (twice when choosing it)."""
    for _ in range(2 if choose else 1):
        await pilot.press(*BOOTH_SECRET, "enter")
        await pilot.pause()


def image_list() -> str:
    """The README block: a two-column table of the screenshots with their captions."""
    lines = ["### What the chair sees", "", "| | |", "|---|---|"]
    cells = [f"![{title}](docs/screenshots/{name}.svg)<br>**{title}**: {caption}" for name, title, caption in SHOTS]
    for left, right in zip(cells[::2], [*cells[1::2], ""], strict=True):
        lines.append(f"| {left} | {right} |")
    lines += ["", "Refresh with `.venv/bin/python -m scripts.screenshots`."]
    return "\n".join(lines) + "\n"


def update_readme() -> None:
    text = README.read_text(encoding="utf-8")
    text = replace_between(insert_after(text, ANCHOR, BLOCK), BLOCK, image_list())
    README.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write SVG screenshots of the main screens.")
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the SVG files")
    parser.add_argument("--lang", choices=["vi", "en"], default="vi")
    parser.add_argument("--no-readme", action="store_true", help="do not touch README.md")
    args = parser.parse_args(argv)
    set_language(args.lang)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        build_demo(DataFolder(data), TODAY)
        written = asyncio.run(take(data, args.out))
    for path in written:
        print(path)
    if not args.no_readme:
        update_readme()
    return 0


if __name__ == "__main__":
    sys.exit(main())
