"""The session's record, machine-readably: attendance, every poll, every finding."""

from __future__ import annotations

import json
from typing import Any

from models.poll import Poll, PollMode
from models.record import SessionRecord


def _poll(poll: Poll) -> dict[str, Any]:
    result = poll.result
    doc: dict[str, Any] = {
        "id": poll.id,
        "mode": poll.mode.value,
        "status": poll.status.value,
        "opened_at": poll.opened_at.isoformat(),
        "closed_at": poll.closed_at.isoformat() if poll.closed_at else None,
        "rule": poll.rule.model_dump(mode="json"),
        "voting_members": poll.voting_members,
        "eligible": poll.eligible,
        # present: every voting member in the room when the poll opened, recused or not;
        # voters: those of them who could vote (present minus recused, minus those who left before voting);
        # left: who left while it was open; present_at_close: the voting members in the room when it closed.
        "present": poll.present,
        "voters": poll.voters,
        "left": poll.left,
        "present_at_close": poll.present_at_close,
        "recused": poll.recused,
        "void_reason": poll.void_reason or None,
        "quorum_lost": poll.quorum_lost,
    }
    if poll.mode == PollMode.OPEN:
        doc["votes"] = {m: c.value for m, c in poll.votes.items()}
        doc["voted"] = poll.has_voted
    elif poll.mode in (PollMode.SECRET, PollMode.SCORING):
        # Only who voted, never how: the sheets and counts carry no names.
        doc["voted"] = sorted(poll.voted)
    if poll.mode == PollMode.SCORING:
        doc["sheets"] = [s.model_dump(mode="json") for s in poll.sheets]
    if result is not None and result.scores is not None:
        doc["scores"] = result.scores.model_dump(mode="json")
    if result is not None and result.paper is not None:
        doc["paper"] = result.paper.model_dump(mode="json")
    if result is not None:
        doc["counts"] = result.counts.model_dump()
        doc["base"] = result.base.value
        doc["base_count"] = result.base_count
        doc["needed"] = result.needed
        doc["passed"] = result.passed
    return doc


def export_json(record: SessionRecord, chain_head: str = "", failed: str = "") -> str:
    """A stable JSON document of the session (sorted keys, UTF-8 text kept readable).

    ``failed``: what verification of the session found wrong, in words, kept as ``verification_failed`` (the
    field is absent for a session that verifies).
    """
    session = record.session
    doc = {
        "format": "council-session",
        "schema_version": record.schema_version,
        "chain_head": chain_head,
        "council": record.council.model_dump(mode="json"),
        "session": session.model_dump(mode="json"),
        "members": [m.model_dump(mode="json", exclude={"pin"}) for m in record.members],
        "quorum": {
            "voting_members": len(record.voting_members),
            "present": len(record.present_voting),
            "needed": record.quorum_needed,
            "met": record.has_quorum,
        },
        "attendance": {
            m.id: record.attendance[m.id].model_dump(mode="json") if m.id in record.attendance else None
            for m in record.members
        },
        # Every change of attendance in order, with its time and the item under way (none before the start).
        "attendance_log": [c.model_dump(mode="json") for c in record.attendance_log],
        "initiatives": [
            {
                **initiative.model_dump(mode="json"),
                "polls": [_poll(p) for p in record.polls_for(initiative.id)],
                "finding": (
                    record.findings[initiative.id].model_dump(mode="json") if initiative.id in record.findings else None
                ),
            }
            for initiative in record.agenda_items()
        ],
    }
    if failed:
        doc["verification_failed"] = failed
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
