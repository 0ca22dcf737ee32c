"""The machine-readable record of a session: attendance and every poll with its base, counts, rule and result."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from models.i18n import set_language
from models.poll import Choice
from models.record import SessionRecord
from models.rules import Rulebook
from models.session import Conclusion, Presence
from sessions.export.json_export import export_json
from sessions.service import SessionService
from sessions.storage import DataFolder
from tests.conftest import FIRST, PLANNED


def exported(demo_dir: Path, session_id: str = FIRST) -> tuple[dict[str, Any], SessionRecord, str]:
    record, report = DataFolder(demo_dir).load_record(session_id)
    text = export_json(record, report.chain_head)
    return json.loads(text), record, text


@pytest.fixture
def doc(demo_dir: Path) -> dict[str, Any]:
    return exported(demo_dir)[0]


def items(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["code"]: item for item in doc["initiatives"]}


def test_header_and_session(doc: dict[str, Any]) -> None:
    assert doc["format"] == "council-session"
    assert doc["schema_version"] == 2
    assert len(doc["chain_head"]) == 64
    assert doc["session"]["id"] == FIRST
    assert doc["session"]["status"] == "closed"
    assert doc["session"]["date"] == "2026-05-14"
    # planned and actual start apart; the roll as it happened, m7 late
    assert (doc["session"]["start_time"], doc["session"]["started_at"]) == ("08:00:00", "08:10:00")
    assert doc["attendance_log"][-1] == {
        "member_id": "m7",
        "presence": "late",
        "before": "unknown",
        "reason": "",
        "at": "2026-05-14T08:08:00",
        "initiative_id": None,
        "during_meeting": False,
    }
    assert doc["council"]["decision"]["number"] == "215/QĐ-BVNĐC"
    assert doc["quorum"] == {"voting_members": 7, "present": 6, "needed": 5, "met": True}
    assert all("pin" not in member for member in doc["members"])


def test_attendance(doc: dict[str, Any]) -> None:
    attendance = doc["attendance"]
    assert set(attendance) == {f"m{n}" for n in range(1, 8)}
    assert attendance["m6"]["presence"] == "absent"
    assert attendance["m6"]["reason"] == "Đi công tác tại Sở Y tế"
    assert attendance["m7"]["presence"] == "late"
    assert {m: a["presence"] for m, a in attendance.items() if m not in ("m6", "m7")} == dict.fromkeys(
        ["m1", "m2", "m3", "m4", "m5"], "present"
    )
    assert all(a["at"].startswith("2026-05-14T") for a in attendance.values())


def test_every_poll_with_mode_members_counts_rule_and_result(doc: dict[str, Any]) -> None:
    by_code = items(doc)
    assert len(by_code) == 9
    modes = {code: item["polls"][0]["mode"] for code, item in by_code.items()}
    assert modes["SK-2026-07"] == "secret" and modes["SK-2026-08"] == "scoring" and modes["SK-2026-09"] == "paper"
    for code, item in by_code.items():
        assert len(item["polls"]) == 1, code
        poll = item["polls"][0]
        assert poll["status"] == "closed"
        assert poll["passed"] is (poll["counts"]["yes"] >= poll["needed"])
        if poll["mode"] != "open":
            continue
        assert poll["voting_members"] == [f"m{n}" for n in range(1, 8)]
        assert "m6" not in poll["present"]  # absent
        assert set(poll["counts"]) >= {"yes", "no", "abstain"}
        counts = poll["counts"]
        assert counts["yes"] + counts["no"] + counts["abstain"] == len(poll["votes"]) == len(poll["voters"])
        assert sorted(poll["votes"].values()) == sorted(
            ["yes"] * counts["yes"] + ["no"] * counts["no"] + ["abstain"] * counts["abstain"]
        )
        assert set(poll["votes"].values()) <= {c.value for c in Choice}
        assert Rulebook.model_validate(poll["rule"]) == Rulebook()
        assert poll["rule"]["pass_base"] == "eligible" == poll["base"]
        assert poll["rule"]["pass_threshold"] == {"numerator": 2, "denominator": 3, "strict": False}
        assert poll["base_count"] == len(poll["eligible"])
        assert poll["passed"] is (counts["yes"] >= poll["needed"])
        assert poll["quorum_lost"] is False and poll["void_reason"] is None


def test_recused_author_is_out_of_eligible_and_voters_but_still_present(doc: dict[str, Any]) -> None:
    poll = items(doc)["SK-2026-03"]["polls"][0]
    assert poll["recused"] == {"m4": "author"}
    assert poll["eligible"] == ["m1", "m2", "m3", "m5", "m6", "m7"]
    assert poll["present"] == ["m1", "m2", "m3", "m4", "m5", "m7"]
    assert poll["voters"] == ["m1", "m2", "m3", "m5", "m7"]
    assert (poll["base_count"], poll["needed"]) == (6, 4)
    for other in ("SK-2026-01", "SK-2026-09"):
        assert items(doc)[other]["polls"][0]["recused"] == {}


def test_results_and_findings(doc: dict[str, Any]) -> None:
    by_code = items(doc)
    passed = {code: item["polls"][0]["passed"] for code, item in by_code.items()}
    assert passed == {
        "SK-2026-01": True,
        "SK-2026-02": True,
        "SK-2026-03": True,
        "SK-2026-04": True,
        "SK-2026-05": False,
        "SK-2026-06": True,
        "SK-2026-07": False,
        "SK-2026-08": True,
        "SK-2026-09": False,
    }
    conclusions = {code: item["finding"]["conclusion"] for code, item in by_code.items()}
    assert list(conclusions.values()).count(Conclusion.RECOGNISED.value) == 6
    assert conclusions["SK-2026-09"] == "deferred"
    assert by_code["SK-2026-05"]["finding"]["reason"].startswith("Không có tính mới")
    assert by_code["SK-2026-01"]["finding"]["confirmed_benefit_vnd"] == 86_500_000
    assert [a["share"] for a in by_code["SK-2026-03"]["authors"]] == [50, 30, 20]


def test_json_is_readable_utf8_and_independent_of_the_language(demo_dir: Path) -> None:
    _, _, vietnamese = exported(demo_dir)
    set_language("en")
    _, _, english = exported(demo_dir)
    assert vietnamese == english
    assert "Nguyễn Văn Hùng" in vietnamese  # not \u escapes
    assert vietnamese.endswith("\n")


def test_planned_session_has_no_polls_and_no_attendance(demo_dir: Path) -> None:
    doc, _, _ = exported(demo_dir, PLANNED)
    assert len(doc["initiatives"]) == 12
    assert all(item["polls"] == [] and item["finding"] is None for item in doc["initiatives"])
    assert set(doc["attendance"].values()) == {None}
    author = items(doc)["SK-2026-11"]["authors"]
    assert any(a["member_id"] == "m5" for a in author)


def test_voided_poll_and_quorum_loss_are_in_the_record(demo_dir: Path, clock: Callable[[], dt.datetime]) -> None:
    svc = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    try:
        for member in svc.record.members[:5]:
            svc.set_attendance(member.id, Presence.PRESENT)
        svc.open_session()
        svc.open_poll()
        svc.void_poll("Mất điện")
        poll = svc.open_poll()
        svc.record_vote(poll.voters[0], Choice.YES)
        svc.set_attendance("m5", Presence.LEFT_EARLY)
        svc.close_poll(force=True)
        doc = json.loads(export_json(svc.record))
    finally:
        svc.close()
    first, second = items(doc)["SK-2026-10"]["polls"]
    assert first["status"] == "void" and first["void_reason"] == "Mất điện"
    assert "counts" not in first  # voided before any result
    assert second["status"] == "closed" and second["quorum_lost"] is True
    assert second["counts"] == {"yes": 1, "no": 0, "abstain": 0, "invalid": 0}
    assert second["passed"] is False and second["needed"] == 5
    assert doc["quorum"]["met"] is False


def test_secret_ballot_keeps_who_voted_never_how(doc: dict[str, Any]) -> None:
    poll = items(doc)["SK-2026-07"]["polls"][0]
    assert poll["voted"] == sorted(poll["voters"])
    assert "votes" not in poll
    assert poll["counts"] == {"yes": 4, "no": 2, "abstain": 0, "invalid": 0}


def test_scoring_carries_anonymous_sheets_and_statistics(doc: dict[str, Any]) -> None:
    poll = items(doc)["SK-2026-08"]["polls"][0]
    assert len(poll["sheets"]) == 6 and all(set(s) == {"scores", "comment"} for s in poll["sheets"])
    assert poll["scores"]["eligible_sheets"] == 5 and poll["scores"]["spread"] == 43
    assert poll["scores"]["mean_total"] == "206/3"
    assert poll["passed"] is True


def test_paper_tally_counts(doc: dict[str, Any]) -> None:
    poll = items(doc)["SK-2026-09"]["polls"][0]
    assert poll["paper"] == {"issued": 6, "returned": 6, "valid": 5, "invalid": 1, "yes": 2, "no": 0, "abstain": 3}
    assert poll["passed"] is False
