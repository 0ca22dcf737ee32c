"""Typing a member's seat number moves the cursor to them ("1", "2" → seat 12 when there is one)."""

from __future__ import annotations


class SeatJumper:
    """Collects digits into a seat number that exists; restarts when the next digit cannot extend it."""

    def __init__(self) -> None:
        self.buffer = ""

    def reset(self) -> None:
        self.buffer = ""

    def push(self, digit: int, seats: list[int]) -> int | None:
        """The seat to jump to after typing ``digit``, or None when no seat matches."""
        candidate = self.buffer + str(digit)
        if any(str(seat).startswith(candidate) for seat in seats):
            self.buffer = candidate
        else:
            self.buffer = str(digit)
        if int(self.buffer) in seats:
            return int(self.buffer)
        return None
