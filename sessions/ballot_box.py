"""The sealed ballot box of an open secret ballot or scoring round (see docs/threat-model.md).

One small file, replaced atomically (fsynced) before the booth says "received", holds everything the
poll needs to survive a crash: the poll's key sealed under the chair's secret, the set of members who
have voted (sorted: it is public, the minutes name them), and the ballots only as ciphertexts: for a
secret ballot the encrypted sum of each option (a new ballot is added into it, re-randomising it), for
a scoring round every sheet sealed whole, padded to one size and kept in sorted (random) order. The
voters and their ballots change in the same single write, so no copy shows one without the other.
Without the secret no version of the file, nor two consecutive ones, says anything about a choice.
The journal learns the final voters and counts when the poll closes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from models.errors import DomainError
from models.poll import Choice
from sessions.sealing import Ciphertext, SealedKey
from sessions.session_files import remove_session_file, write_session_file

BOX_NAME = "ballot-box.json"
BOX_FORMAT = "council-sealed-box/1"
OPTIONS = tuple(c.value for c in Choice)


@dataclass(frozen=True)
class BoxState:
    """One version of the box. ``key`` is None until the chair first opens the booth."""

    poll_id: str
    voted: frozenset[str] = frozenset()
    key: SealedKey | None = None
    sums: dict[str, Ciphertext] = field(default_factory=dict)  # secret ballot: option -> encrypted count
    sheets: tuple[bytes, ...] = ()  # scoring: sealed sheets, sorted
    refused: int = 0  # wrong secrets typed at the booth to leave it (counted in the minutes at close)
    legacy: dict | None = None  # a plaintext box an older version wrote, sealed when the booth next opens
    mac: bytes = b""  # the key holder's tag over everything else (sessions/sealing.py, PollKey.box_mac)

    def unsigned(self) -> bytes:
        """The bytes the tag covers: the box as written, without its tag."""
        return replace(self, mac=b"").to_bytes()

    def with_ballot(self, member_id: str, sums: dict[str, Ciphertext] | None = None, sheet: bytes = b"") -> BoxState:
        sheets = tuple(sorted((*self.sheets, sheet))) if sheet else self.sheets
        return replace(self, voted=self.voted | {member_id}, sums=sums or self.sums, sheets=sheets)

    def to_bytes(self) -> bytes:
        doc = {
            "format": BOX_FORMAT,
            "poll_id": self.poll_id,
            "key": self.key.to_json() if self.key else None,
            "voted": sorted(self.voted),
            "sums": {option: [c1.hex(), c2.hex()] for option, (c1, c2) in sorted(self.sums.items())},
            "sheets": [s.hex() for s in sorted(self.sheets)],
            "refused": self.refused,
            "mac": self.mac.hex(),
        }
        return json.dumps(doc, ensure_ascii=False, sort_keys=True).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> BoxState:
        doc = json.loads(raw.decode("utf-8"))
        if doc.get("format") != BOX_FORMAT:
            # Written by a version that kept counts in the clear: keep who voted; the booth seals the rest.
            return cls(poll_id=str(doc["poll_id"]), voted=frozenset(doc["voted"]), legacy=doc)
        return cls(
            poll_id=str(doc["poll_id"]),
            voted=frozenset(doc["voted"]),
            key=SealedKey.from_json(doc["key"]) if doc["key"] else None,
            sums={option: (bytes.fromhex(c1), bytes.fromhex(c2)) for option, (c1, c2) in doc["sums"].items()},
            sheets=tuple(bytes.fromhex(s) for s in doc["sheets"]),
            refused=int(doc["refused"]),
            mac=bytes.fromhex(doc["mac"]),
        )


class BallotBox:
    """The box file of one session."""

    def __init__(self, session_dir: Path) -> None:
        self.path = session_dir / BOX_NAME

    def read(self, poll_id: str) -> BoxState:
        """The box of ``poll_id``; an empty box when there is none (or it belongs to another poll)."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return BoxState(poll_id)
        try:
            state = BoxState.from_bytes(raw)
        except (ValueError, KeyError, TypeError) as exc:
            raise DomainError("error.box_damaged", path=str(self.path)) from exc
        return state if state.poll_id == poll_id else BoxState(poll_id)

    def write(self, state: BoxState) -> None:
        """Durable before the booth says the vote was received; only while holding the session's lock."""
        write_session_file(self.path, state.to_bytes())

    def clear(self) -> None:
        remove_session_file(self.path)
