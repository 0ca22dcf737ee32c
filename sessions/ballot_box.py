"""The ballot box of an open secret ballot or scoring round.

Only the set of members who have voted (sorted, not in voting order) and the anonymous counts or
sheets are kept, in one small file replaced atomically after each ballot: no record, timestamp or
order links a member to a choice. The journal learns the final voters and counts when the poll closes.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from models.poll import Counts, ScoreSheet
from sessions.atomic import fsync_dir
from sessions.session_files import write_session_file

BOX_NAME = "ballot-box.json"


@dataclass
class BoxState:
    poll_id: str
    voted: set[str] = field(default_factory=set)
    counts: Counts = field(default_factory=Counts)
    sheets: list[ScoreSheet] = field(default_factory=list)

    def to_bytes(self) -> bytes:
        sheets = sorted((s.model_dump(mode="json") for s in self.sheets), key=lambda d: json.dumps(d, sort_keys=True))
        doc = {
            "poll_id": self.poll_id,
            "voted": sorted(self.voted),
            "counts": self.counts.model_dump(),
            "sheets": sheets,
        }
        return json.dumps(doc, ensure_ascii=False, sort_keys=True).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> BoxState:
        doc = json.loads(raw.decode("utf-8"))
        return cls(
            poll_id=str(doc["poll_id"]),
            voted=set(doc["voted"]),
            counts=Counts.model_validate(doc["counts"]),
            sheets=[ScoreSheet.model_validate(s) for s in doc["sheets"]],
        )


class BallotBox:
    """The box file of one session."""

    def __init__(self, session_dir: Path) -> None:
        self.path = session_dir / BOX_NAME

    def read(self, poll_id: str) -> BoxState:
        """The box of ``poll_id``; an empty box when there is none (or it belongs to another poll)."""
        try:
            state = BoxState.from_bytes(self.path.read_bytes())
        except FileNotFoundError:
            return BoxState(poll_id)
        return state if state.poll_id == poll_id else BoxState(poll_id)

    def write(self, state: BoxState) -> None:
        """Durable before the booth says the vote was received."""
        write_session_file(self.path, state.to_bytes())  # only while holding the session's lock

    def clear(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
            fsync_dir(self.path.parent)
