"""Create the demo council: one session already decided, one planned for today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from models.errors import DomainError
from models.poll import Choice, PaperTally, PollMode
from models.record import SessionRecord
from models.rules import Rulebook
from models.session import Conclusion, Finding, Invitee, Presence, Scope, Session
from sessions.atomic import write_failed
from sessions.demo.data import COUNCIL, FIRST_SESSION, MEMBERS, SECOND_SESSION
from sessions.sealing import KdfCost
from sessions.service import SessionService, create_session
from sessions.storage import CouncilFile, DataFolder

Y, N, A = Choice.YES, Choice.NO, Choice.ABSTAIN
AWARD = "Giấy chứng nhận sáng kiến"
DEMO_BOOTH_SECRET = "hom-phieu-demo"

# code: (votes by seat of each voter, conclusion, finding details)
FIRST_SESSION_SCRIPT: dict[str, tuple[list[Choice], Conclusion, dict[str, object]]] = {
    "SK-2026-01": (
        [Y, Y, Y, Y, Y, Y],
        Conclusion.RECOGNISED,
        {
            "remarks": "Giải pháp thiết thực, đã áp dụng ổn định tại 8 khoa lâm sàng; đề nghị nhân rộng.",
            "scope": Scope.UNIT,
            "confirmed_benefit_vnd": 86_500_000,
        },
    ),
    "SK-2026-02": (
        [Y, Y, N, Y, Y, Y],
        Conclusion.RECOGNISED,
        {
            "remarks": "Cải thiện rõ sự hài lòng của người bệnh; cần bảo đảm bảo mật thông tin kết quả.",
            "scope": Scope.UNIT,
        },
    ),
    "SK-2026-03": (
        [Y, Y, Y, Y, Y],
        Conclusion.RECOGNISED,
        {
            "remarks": "Hiệu quả kinh tế rõ rệt, có thể áp dụng tại các bệnh viện trong tỉnh.",
            "scope": Scope.SECTOR,
            "confirmed_benefit_vnd": 142_000_000,
        },
    ),
    "SK-2026-04": (
        [Y, Y, Y, Y, Y, Y],
        Conclusion.RECOGNISED,
        {"remarks": "Số liệu trước và sau áp dụng đầy đủ, đáng tin cậy.", "scope": Scope.UNIT},
    ),
    "SK-2026-05": (
        [Y, N, Y, N, A, Y],
        Conclusion.NOT_RECOGNISED,
        {
            "remarks": "Nội dung đào tạo tốt nhưng tương tự chương trình của Sở Y tế đã ban hành.",
            "reason": "Không có tính mới so với chương trình đào tạo liên tục của Sở Y tế đã áp dụng từ năm 2024.",
        },
    ),
    "SK-2026-06": (
        [Y, Y, Y, Y, Y, Y],
        Conclusion.RECOGNISED,
        {
            "remarks": "Kỹ thuật tiên tiến, nâng cao an toàn người bệnh; đề nghị chuyển giao cho tuyến dưới.",
            "scope": Scope.SECTOR,
        },
    ),
    "SK-2026-07": (
        [Y, N, Y, N, Y, Y],
        Conclusion.NOT_RECOGNISED,
        {
            "remarks": "Là yêu cầu quản lý kho thông thường theo quy định hiện hành.",
            "reason": "Giải pháp là nhiệm vụ thường xuyên theo quy định quản lý kho, chưa đạt tính mới.",
        },
    ),
    "SK-2026-08": (
        [Y, Y, Y, A, Y, Y],
        Conclusion.RECOGNISED,
        {
            "remarks": "Tận dụng vật liệu thanh lý, bảo đảm an toàn khi sử dụng.",
            "scope": Scope.UNIT,
            "confirmed_benefit_vnd": 18_000_000,
        },
    ),
    "SK-2026-09": (
        [Y, A, A, Y, A, A],
        Conclusion.DEFERRED,
        {
            "remarks": "Mới áp dụng từ tháng 02/2026, chưa đủ số liệu đánh giá hiệu quả.",
            "reason": "Đề nghị tác giả bổ sung số liệu sau 6 tháng áp dụng, xem xét lại ở đợt sau.",
        },
    ),
}


# Decisions taken other than by open vote, so that the minutes show every mode.
OTHER_MODES = {"SK-2026-07": PollMode.SECRET, "SK-2026-08": PollMode.SCORING, "SK-2026-09": PollMode.PAPER}
SCORING_SHEETS = [(25, 24, 32), (22, 25, 30), (20, 20, 28), (15, 18, 20), (26, 27, 35), (18, 15, 12)]
PAPER_TALLY = PaperTally(issued=6, returned=6, valid=5, invalid=1, yes=2, no=0, abstain=3)


def _clock(start: dt.datetime, step: dt.timedelta) -> Iterator[dt.datetime]:
    now = start
    while True:
        yield now
        now += step


def _record(session: Session, initiatives: list, rulebook: Rulebook) -> SessionRecord:
    return SessionRecord(
        council=COUNCIL,
        members=MEMBERS,
        rulebook=rulebook,
        session=session,
        initiatives={i.id: i for i in initiatives},
    )


def build_demo(folder: DataFolder, today: dt.date) -> list[str]:
    """Write the demo council into an empty folder; returns the session ids created."""
    if not folder.is_empty() or folder.session_ids():
        raise DomainError("error.folder_not_empty", path=str(folder.root))
    rulebook = Rulebook()
    try:
        folder.root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # e.g. --data names a file
        raise write_failed(folder.root, exc) from exc
    folder.save_council(CouncilFile(info=COUNCIL, members=MEMBERS, rulebook=rulebook))

    first_day = dt.date(today.year, 5, 14)
    first = Session(
        id=first_day.isoformat(),
        title="Phiên họp xét công nhận sáng kiến đợt 1 năm " + str(today.year),
        date=first_day,
        place="Phòng họp Ban Giám đốc, Bệnh viện Nguyễn Đình Chiểu",
        start_time=dt.time(8, 0),
        chair_id="m1",
        secretary_id="m3",
        invitees=[
            Invitee(name="Đặng Văn Phúc", position="Dược sĩ, Khoa Dược, tác giả sáng kiến SK-2026-01"),
            Invitee(name="Lý Thị Hạnh", position="Điều dưỡng trưởng, Khoa Kiểm soát nhiễm khuẩn"),
        ],
        agenda=[i.id for i in FIRST_SESSION],
    )
    ticks = _clock(dt.datetime.combine(first_day, dt.time(7, 50)), dt.timedelta(minutes=2))
    create_session(folder, _record(first, FIRST_SESSION, rulebook), clock=lambda: next(ticks))
    _run_first_session(folder, first.id, lambda: next(ticks))

    second = Session(
        id=today.isoformat(),
        title="Phiên họp xét công nhận sáng kiến đợt 2 năm " + str(today.year),
        date=today,
        place="Hội trường A, Bệnh viện Nguyễn Đình Chiểu",
        start_time=dt.time(14, 0),
        chair_id="m1",
        secretary_id="m3",
        invitees=[
            Invitee(name="Hà Văn Thắng", position="Kỹ sư, Phòng Vật tư - Thiết bị y tế, đồng tác giả SK-2026-11")
        ],
        agenda=[i.id for i in SECOND_SESSION],
    )
    create_session(folder, _record(second, SECOND_SESSION, rulebook))
    return [first.id, second.id]


def _run_first_session(folder: DataFolder, session_id: str, clock) -> None:  # noqa: ANN001
    service = SessionService(folder, session_id, clock=clock)
    try:
        for member in MEMBERS:
            if member.id == "m6":
                service.set_attendance(member.id, Presence.ABSENT, "Đi công tác tại Sở Y tế")
            elif member.id == "m7":
                service.set_attendance(member.id, Presence.LATE)
            else:
                service.set_attendance(member.id, Presence.PRESENT)
        service.open_session()
        for index, initiative in enumerate(service.record.agenda_items()):
            service.select_item(index)
            choices, conclusion, details = FIRST_SESSION_SCRIPT[initiative.code]
            mode = OTHER_MODES.get(initiative.code, PollMode.OPEN)
            poll = service.open_poll(mode)
            if mode in (PollMode.SECRET, PollMode.SCORING):
                # The demo's polls close at once and their key is gone with the box: the cheapest cost will do.
                service.booth.open(DEMO_BOOTH_SECRET, cost=KdfCost.cheapest())
            if mode == PollMode.OPEN:
                for member_id, choice in zip(poll.voters, choices, strict=True):
                    service.record_vote(member_id, choice)
            elif mode == PollMode.SECRET:
                for member_id, choice in zip(poll.voters, choices, strict=True):
                    service.booth.cast(member_id, choice)
            elif mode == PollMode.SCORING:
                for member_id, scores in zip(poll.voters, SCORING_SHEETS, strict=True):
                    service.booth.submit_sheet(
                        member_id, dict(zip(("novelty", "applicability", "effectiveness"), scores, strict=True))
                    )
            else:
                service.record_paper(PAPER_TALLY)
            service.close_poll()
            award = AWARD if conclusion == Conclusion.RECOGNISED else ""
            service.save_finding(initiative.id, Finding(conclusion=conclusion, proposed_award=award, **details))
        service.close_session()
    finally:
        service.close()
