"""What the room's board shows of a session: plain, JSON-able data in the language in force.

The board (room/) is projected for everyone in the room, so this is the one place that decides what
the room may see: the council and session, the current item and agenda progress, the quorum, and the
poll. An open vote shows its live tally and the votes needed; a secret ballot, a scoring round and a
paper tally being typed show only how many have voted, never a count, a choice or a name; once closed,
the result with the rule's arithmetic in plain words, as the minutes print it. Chair-only things (notes,
remarks, the reasons for an absence or a recusal, the booth) never enter the view.

The board's link carries a random token kept beside the session (``board.json``, not in the journal:
it is no part of the record), so the same link works after a restart.
"""

from __future__ import annotations

import json
import secrets
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from models.errors import DomainError
from models.formatting import capitalised, format_date
from models.i18n import current_language, localised, t
from models.labels import mode_heading, rule_sentence, rule_summary, scoring_summary
from models.poll import Poll, PollMode, PollStatus
from models.rules import ScoringPass
from models.status import status_label
from sessions.session_files import write_session_file

if TYPE_CHECKING:
    from models.record import SessionRecord
    from sessions.service import SessionService

BOARD_FILE = "board.json"
TOKEN_BYTES = 18  # 144 random bits: 24 characters in the link
TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def board_of(service: SessionService) -> dict[str, Any]:
    """The board's view of the session ``service`` runs, as it stands now."""
    record = service.record
    poll = record.open_poll()
    voted = len(service.voted_members(poll)) if poll is not None else None
    return board_view(record, voted=voted)


def board_view(record: SessionRecord, *, voted: int | None = None) -> dict[str, Any]:
    """The board's view of ``record``; ``voted``: how many have voted in the open poll (from the box if secret)."""
    session = record.session
    agenda = session.agenda
    item = record.current_initiative
    present, needed = len(record.present_voting), record.quorum_needed
    view: dict[str, Any] = {
        "lang": current_language(),
        "council": record.council.name,
        "session": session.title,
        "date": format_date(session.date),
        "status": status_label(session.status),
        "progress": t("board.progress", decided=record.decided_count(), total=len(agenda)) if agenda else "",
        "quorum": {
            "ok": present >= needed,
            "text": t("bar.quorum_ok" if present >= needed else "bar.quorum_missing", present=present, needed=needed),
        },
        "item": None,
        "poll": None,
        "words": {
            "waiting": t("board.waiting"),
            "reconnecting": t("board.reconnecting"),
            "elsewhere": t("board.elsewhere"),
        },
    }
    if item is not None:
        view["item"] = {
            "position": t("board.position", number=session.current_index + 1, total=len(agenda)),
            "code": item.code,
            "title": item.title,
            "authors": ", ".join(a.name for a in item.authors),
            "unit": item.unit,
        }
        poll = _shown_poll(record, item.id)
        if poll is not None:
            view["poll"] = _poll_view(poll, voted)
    return view


def _shown_poll(record: SessionRecord, initiative_id: str) -> Poll | None:
    """The current item's open poll, or else its last closed one; a cancelled poll is not shown."""
    open_poll = record.open_poll()
    if open_poll is not None and open_poll.initiative_id == initiative_id:
        return open_poll
    closed = [p for p in record.polls_for(initiative_id) if p.status == PollStatus.CLOSED]
    return closed[-1] if closed else None


def _poll_view(poll: Poll, voted: int | None) -> dict[str, Any]:
    voters = len(poll.voters)
    view: dict[str, Any] = {
        "mode": poll.mode.value,
        "heading": mode_heading(poll.mode),
        "open": poll.status == PollStatus.OPEN,
        "tally": None,
        "voted": "",
        "rule": "",
        "needed": "",
        "result": None,
    }
    if poll.status == PollStatus.OPEN:
        view["rule"] = t(
            "vote.rule", rule=scoring_summary(poll.rule) if poll.mode == PollMode.SCORING else rule_summary(poll.rule)
        )
        if poll.mode == PollMode.OPEN:
            counts = poll.live_counts()
            view["tally"] = _tally(counts.yes, counts.no, counts.abstain)
            view["voted"] = t("board.voted", voted=len(poll.has_voted), voters=voters)
            view["needed"] = t("vote.needed", needed=poll.needed())
        elif poll.mode == PollMode.PAPER:
            view["voted"] = t("board.paper_counting")  # counts typed from paper are shown when the poll closes
        else:
            # A secret ballot or a scoring round: only how many are in, never what they say.
            view["voted"] = t("board.voted", voted=voted if voted is not None else 0, voters=voters)
        return view
    result = poll.result
    if result is None:
        return view
    lines: list[str] = []
    if poll.mode == PollMode.SCORING and result.scores is not None:
        stats = result.scores
        for criterion in poll.rule.criteria:
            mean = Fraction(stats.criterion_means.get(criterion.id, "0"))
            name = localised(criterion.name_vi, criterion.name_en)
            lines.append(t("score.criterion_mean", name=name, mean=_one_decimal(mean), max=criterion.max_score))
        lines.append(t("score.mean_total", mean=_one_decimal(stats.mean)))
        if poll.rule.scoring_pass != ScoringPass.MEAN_THRESHOLD:
            lines.append(
                t(
                    "score.eligible",
                    eligible=stats.eligible_sheets,
                    sheets=stats.sheets,
                    minimum=poll.rule.sheet_eligible_minimum,
                )
            )
    else:
        c = result.counts
        view["tally"] = _tally(c.yes, c.no, c.abstain)
    lines.append(rule_sentence(poll.rule, result))
    view["result"] = {
        "passed": result.passed,
        "label": t("minutes.passed") if result.passed else t("minutes.failed"),
        "lines": [capitalised(line) for line in lines],
    }
    return view


def _tally(yes: int, no: int, abstain: int) -> list[dict[str, Any]]:
    return [
        {"choice": "yes", "label": t("bind.yes"), "count": yes},
        {"choice": "no", "label": t("bind.no"), "count": no},
        {"choice": "abstain", "label": t("bind.abstain"), "count": abstain},
    ]


def _one_decimal(value: Fraction) -> str:
    tenths = round(value * 10)
    text = f"{tenths // 10}.{tenths % 10}"
    return text.replace(".", ",") if current_language() == "vi" else text


# --- the board's link
def board_token(service: SessionService) -> str:
    """The random token of this session's board link, made the first time and kept beside the session.

    Raises DomainError when the session is viewed read-only (another program holds it): only the app that runs
    the session serves its room, so that a board (and a member's page) always follows the chair's changes.
    """
    if service.read_only:
        error = service.read_only_error
        raise DomainError(error.key, **error.params) if error else DomainError("error.read_only")
    path = service.folder.session_dir(service.session_id) / BOARD_FILE
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        token = kept.get("token") if isinstance(kept, dict) else None
        if isinstance(token, str) and len(token) >= 20 and all(c in TOKEN_CHARS for c in token):
            return token
    except (OSError, ValueError):
        pass  # none yet, or unreadable: a new link is made (an old one stops working, which is the safe side)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    write_session_file(path, json.dumps({"token": token}).encode("utf-8"))  # only while holding the session
    return token
