"""The board's link as a QR code drawn with text, two rows of modules per line, for the chair's terminal."""

from __future__ import annotations

import segno

QUIET = 3  # modules of light around the code (the standard asks 4; phones read 3, and 80×24 still holds it)

# (top dark, bottom dark) -> the character drawn in dark on light.
HALVES = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


def qr_lines(text: str) -> list[str]:
    """Lines to draw in dark on a light background; each character is one module wide and two high."""
    code = segno.make(text, error="m", micro=False)
    rows = [[bool(dark) for dark in row] for row in code.matrix]
    width = len(rows[0]) + 2 * QUIET
    blank = [False] * width
    padded = [blank] * QUIET + [[False] * QUIET + row + [False] * QUIET for row in rows] + [blank] * QUIET
    if len(padded) % 2:
        padded.append(blank)
    return [
        "".join(HALVES[(top, bottom)] for top, bottom in zip(padded[i], padded[i + 1], strict=True))
        for i in range(0, len(padded), 2)
    ]
