"""The board's link as a QR code in the terminal: the characters draw exactly segno's modules, with a quiet zone."""

from __future__ import annotations

import segno

from room.qr import HALVES, QUIET, qr_lines

URL = "http://192.168.1.20:8470/board/HjUxORXCeVW5uVUzu4lzB1uH"


def test_the_drawing_is_the_codes_modules_two_rows_per_line():
    lines = qr_lines(URL)
    matrix = [[bool(m) for m in row] for row in segno.make(URL, error="m", micro=False).matrix]
    size = len(matrix)
    assert all(len(line) == size + 2 * QUIET for line in lines)
    assert len(lines) == (size + 2 * QUIET + 1) // 2
    back = {char: halves for halves, char in HALVES.items()}
    drawn = []
    for line in lines:
        pairs = [back[c] for c in line]
        drawn.append([top for top, _ in pairs])
        drawn.append([bottom for _, bottom in pairs])
    inner = [row[QUIET : QUIET + size] for row in drawn[QUIET : QUIET + size]]
    assert inner == matrix
    assert not any(drawn[0]) and not any(row[0] for row in drawn)  # the quiet zone is light


def test_a_wifi_link_fits_an_80_by_24_terminal_with_the_bar_and_footer():
    lines = qr_lines(URL)
    assert len(lines) + 2 <= 24 and len(lines[0]) <= 80
