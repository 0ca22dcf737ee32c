"""What a member's own page shows (their phone): plain, JSON-able data in the language in force.

The page is the member's alone (their link), so it may say what concerns them: whether they may vote
in the open poll and why not, their own open vote. It never says anything about anyone else's ballot,
and for a secret ballot or a scoring sheet only that theirs is in, never what it said: the box itself
does not know. Chair-only things (notes, remarks, the reasons for others' absence or recusal, the
booth) never enter the view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from models.formatting import format_date, format_vnd
from models.i18n import current_language, localised, t
from models.labels import mode_label, role_label, type_label
from models.poll import Choice, Poll, PollMode
from sessions.board import board_view

WORDS = (
    "send",
    "confirm",
    "back",
    "sending",
    "retrying",
    "failed",
    "confirm_secret",
    "total",
    "comment",
    "points",
    "missing",
    "reconnecting",
    "closed",
    "replaced",
    "wait_page",
    "wait_send",
    "receipt_note",
    "you_chose",
    "details",
    "received",
)

if TYPE_CHECKING:
    from sessions.devices import MemberDevices


def member_view(devices: MemberDevices, member_id: str) -> dict[str, Any]:
    """The page of member ``member_id`` as the session stands now."""
    service = devices.service
    record = service.record
    session = record.session
    member = record.find_member(member_id)
    view: dict[str, Any] = {
        "lang": current_language(),
        "council": record.council.name,
        "session": session.title,
        "date": format_date(session.date),
        "member": {"name": member.name if member else "", "role": role_label(member.role) if member else ""},
        "status": session.status.value,
        "item": None,
        "ballot": None,
        "note": "",
        "result": None,
        "words": {k: t(f"word.{k}") for k in WORDS},
    }
    if session.status.value == "closed":
        view["note"] = t("page.session_closed")
        return view
    item = record.current_initiative
    if item is not None:
        benefit = item.benefit_text
        if item.benefit_vnd is not None:
            benefit = f"{benefit} ({format_vnd(item.benefit_vnd)})" if benefit else format_vnd(item.benefit_vnd)
        details = [
            ("type", type_label(item.type)),
            ("category", item.category),
            ("field", item.field),
            ("unit", item.unit),
            ("authors", ", ".join(f"{a.name} ({a.share}%)" for a in item.authors)),
            ("description", item.description),
            ("benefit", benefit),
        ]
        view["item"] = {
            "position": t("page.position", number=session.current_index + 1, total=len(session.agenda)),
            "code": item.code,
            "title": item.title,
            "details": [[t(f"page.d_{key}"), value] for key, value in details if value],
        }
    poll = record.open_poll()
    if poll is None:
        view["note"] = t("page.no_poll")
        shown = board_view(record)["poll"]
        if shown is not None and shown.get("result"):
            # The current item's last result, as the board shows the room.
            view["result"] = {"heading": shown["heading"], **shown["result"]}
        return view
    view["ballot"] = _ballot(devices, poll, member_id)
    return view


def _ballot(devices: MemberDevices, poll: Poll, member_id: str) -> dict[str, Any]:
    service = devices.service
    ballot: dict[str, Any] = {
        "poll_id": poll.id,
        "mode": poll.mode.value,
        "heading": t("page.poll_heading", mode=mode_label(poll.mode)),
        "state": "vote",
        "reason": "",
        "mine": "",
        "choices": [],
        "criteria": [],
    }
    if poll.mode == PollMode.PAPER:
        ballot.update(state="paper", reason=t("page.paper"))
        return ballot
    refusal = devices.refusal(poll, member_id)
    if refusal is not None:
        ballot.update(state="refused", reason=str(refusal))
        return ballot
    if poll.mode == PollMode.OPEN:
        recorded = poll.votes.get(member_id)
        if recorded is not None:
            ballot.update(state="in", mine=t(f"bind.{recorded.value}"), reason=t("page.open_in"))
            return ballot
    elif member_id in set(service.voted_members(poll)):
        # Only that it is in: neither the box nor this page knows what it said.
        ballot.update(state="in", reason=t("page.received"))
        return ballot
    elif not service.booth.ready():
        ballot.update(state="sealed", reason=t("device.box_sealed"))
        return ballot
    if poll.mode in (PollMode.OPEN, PollMode.SECRET):
        ballot["choices"] = [{"value": c.value, "label": t(f"bind.{c.value}")} for c in Choice]
    else:
        ballot["criteria"] = [
            {
                "id": c.id,
                "name": localised(c.name_vi, c.name_en),
                "max": c.max_score,
                "bands": [
                    {"low": b.low, "high": b.high, "text": localised(b.description_vi, b.description_en)}
                    for b in c.bands
                ],
            }
            for c in poll.rule.criteria
        ]
        ballot["total_max"] = sum(c.max_score for c in poll.rule.criteria)
        ballot["eligible_note"] = t("word.eligible", minimum=poll.rule.sheet_eligible_minimum)
    return ballot
