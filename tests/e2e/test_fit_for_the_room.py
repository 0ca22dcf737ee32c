"""Fit for the room: the session bar's states told apart in a 16-colour terminal and with NO_COLOR.

Read from the real terminal (tmux keeps each cell's colours; `capture-pane -e` gives them back as SGR codes).
Under TERM=xterm the app has 16 colours: the no-quorum badge must not take the bar's own red. With NO_COLOR
there are no hues at all: each state must be told by its words.
"""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import Place
from tests.e2e.terminal import Terminal

pytestmark = pytest.mark.e2e

NO_QUORUM = "KHÔNG ĐỦ SỐ LƯỢNG: có mặt 0, cần 5"
QUORUM = "Đủ số lượng: có mặt 5, cần 5"
VOTING = "ĐANG BIỂU QUYẾT"
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def backgrounds(row: str) -> list[tuple[str, str]]:
    """Each run of text on a captured row with the background it is drawn on (the SGR code, "" for default)."""
    runs: list[tuple[str, str]] = []
    background = ""
    at = 0
    for code in SGR.finditer(row):
        if code.start() > at:
            runs.append((row[at : code.start()], background))
        background = next_background(code.group(1), background)
        at = code.end()
    runs.append((row[at:], background))
    return [(text, bg) for text, bg in runs if text]


def next_background(params: str, background: str) -> str:
    parts = params.split(";") if params else ["0"]
    i = 0
    while i < len(parts):
        part = parts[i]
        if part in ("0", ""):
            background = ""
        elif part == "48" and i + 2 < len(parts) and parts[i + 1] == "5":
            background, i = f"48;5;{parts[i + 2]}", i + 2
        elif part == "48" and i + 4 < len(parts) and parts[i + 1] == "2":
            background, i = ";".join(parts[i : i + 5]), i + 4
        elif part == "49":
            background = ""
        elif part.isdigit() and (40 <= int(part) <= 47 or 100 <= int(part) <= 107):
            background = part
        i += 1
    return background


def background_of(runs: list[tuple[str, str]], text: str) -> str:
    for run, bg in runs:
        if text in run:
            return bg
    raise AssertionError(f"{text!r} not in {runs}")


def hues(row: str) -> list[str]:
    """The colour codes on a row that are not greys (16-colour codes, 256-colour non-greys, true colour)."""
    found = []
    for code in SGR.finditer(row):
        parts = code.group(1).split(";")
        i = 0
        while i < len(parts):
            part = parts[i]
            if part in ("38", "48") and i + 2 < len(parts) and parts[i + 1] == "5":
                index = int(parts[i + 2])
                if not (index in (0, 7, 8, 15, 16) or 232 <= index <= 255):
                    found.append(code.group(0))
                i += 3
                continue
            if part in ("38", "48") and i + 1 < len(parts) and parts[i + 1] == "2":
                r, g, b = parts[i + 2 : i + 5]
                if not r == g == b:
                    found.append(code.group(0))
                i += 5
                continue
            if part.isdigit() and int(part) in (*range(31, 37), *range(41, 47), *range(91, 97), *range(101, 107)):
                found.append(code.group(0))
            i += 1
    return found


def open_planned_session(place: Place, env: dict[str, str]) -> Terminal:
    term = place.server.terminal("fit", (100, 30))
    term.start(place.council(), {**place.app_env(), **env})
    term.wait_for("14/05/2026")
    term.send("Enter")  # `council demo` plans a session for today: first in the list
    term.wait_for(NO_QUORUM)
    return term


def reach_quorum(term: Terminal) -> None:
    term.send("t")
    term.wait_for("Điểm danh", "Có mặt 0/7")
    term.send("p", "p", "p", "p", "p")
    term.wait_for("Có mặt 5/7", QUORUM)
    term.send("Escape")
    term.wait_for("Tên sáng kiến")


def test_16_colours_the_no_quorum_badge_stands_out_from_the_red_bar(place: Place) -> None:
    term = open_planned_session(place, {"TERM": "xterm"})
    runs = backgrounds(term.styled_row(lambda line: NO_QUORUM in line))
    bar, badge = background_of(runs, "Mục 1/12"), background_of(runs, NO_QUORUM)
    assert bar and badge and bar != badge, runs  # in 16 colours the bar is red: the badge is not
    assert all(code.isdigit() for code in (bar, badge)), runs  # 16-colour codes: the terminal was taken as xterm

    reach_quorum(term)
    runs = backgrounds(term.styled_row(lambda line: QUORUM in line))
    assert background_of(runs, QUORUM) != background_of(runs, "Mục 1/12"), runs
    term.send("C-q")
    term.wait_exit()


def test_no_color_tells_every_state_of_the_bar_by_its_words(place: Place) -> None:
    term = open_planned_session(place, {"NO_COLOR": "1"})
    row = term.styled_row(lambda line: NO_QUORUM in line)
    assert hues(row) == [], row  # no colour at all: what tells the state is the words

    reach_quorum(term)
    row = term.styled_row(lambda line: QUORUM in line)
    assert "KHÔNG ĐỦ" not in row and hues(row) == []
    term.send("s")
    term.wait_for("Phiên họp đã khai mạc")
    term.send("v")
    term.wait_for("bằng hình thức nào")
    term.send("Enter")  # the open vote
    term.wait_for("Biểu quyết công khai: SK-2026-10", VOTING)
    row = term.styled_row(lambda line: VOTING in line)
    assert QUORUM in row and hues(row) == [], row
    term.send("Escape")
    term.send("C-q")
    term.wait_exit()
