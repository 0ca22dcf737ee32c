"""What the chair's ``u`` puts back in an open vote: the choices the last key (or 'everyone yes') replaced.

A part of the session service, declared with it. A step is remembered only once its change is on disk, and
forgotten only once its undoing is: a refused write leaves nothing to undo, and an undo the disk refused can
be tried again. Steps of a poll that is no longer open are dropped as they are met.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# member id -> the choice (its value) the change replaced; None: the member had not voted.
Before = dict[str, str | None]


@dataclass
class VoteUndo:
    """The undo list of the chair's own keys in open votes (not the phones' votes)."""

    steps: list[tuple[str, Before]] = field(default_factory=list)  # (poll id, what it replaced), oldest first

    def remember(self, poll_id: str, before: Before) -> None:
        self.steps.append((poll_id, before))

    def last(self, poll_id: str | None) -> Before | None:
        """What the last step in ``poll_id`` replaced (steps of other polls are dropped); None: nothing to undo."""
        while self.steps and self.steps[-1][0] != poll_id:
            self.steps.pop()
        return self.steps[-1][1] if self.steps else None

    def done(self) -> None:
        """The last step is undone on disk."""
        self.steps.pop()
