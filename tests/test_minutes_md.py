"""The Markdown minutes of the demo's closed session: DOMAIN.md sections 1-9, in Vietnamese and English."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from models.formatting import format_vnd
from models.i18n import set_language
from models.initiative import Initiative
from models.poll import Choice, PollMode, PollStatus
from models.record import SessionRecord
from models.session import Conclusion, Finding, Presence
from sessions.export.markdown import render_markdown
from sessions.export.minutes import build_minutes
from sessions.service import SessionService
from sessions.storage import DataFolder
from tests.conftest import FIRST, PLANNED

CONCLUSIONS_VI = {
    Conclusion.RECOGNISED: "Công nhận",
    Conclusion.NOT_RECOGNISED: "Không công nhận",
    Conclusion.DEFERRED: "Hoãn xem xét",
}


def minutes_of(demo_dir: Path, session_id: str = FIRST, lang: str = "vi") -> tuple[str, SessionRecord]:
    set_language(lang)
    record, report = DataFolder(demo_dir).load_record(session_id)
    return render_markdown(build_minutes(record, report.chain_head)), record


def in_order(text: str, *parts: str) -> None:
    """Each part occurs in ``text`` after the one before it."""
    position = 0
    for part in parts:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} missing after position {position}"
        position = found + len(part)


def section(text: str, initiative: Initiative, number: int) -> str:
    """The minutes' part about one initiative: from its heading to the next heading."""
    start = text.index(f"### {number}. {initiative.code}: {initiative.title}")
    following = re.search(r"^#{2,3} ", text[start + 4 :], flags=re.MULTILINE)
    return text[start : start + 4 + following.start()] if following else text[start:]


@pytest.fixture
def vi(demo_dir: Path) -> tuple[str, SessionRecord]:
    return minutes_of(demo_dir)


def test_sections_1_to_9_in_order(vi: tuple[str, SessionRecord]) -> None:
    text, _ = vi
    in_order(
        text,
        # 1. header: unit and council left, nation and motto right, place and date
        "SỞ Y TẾ TỈNH VĨNH LONG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BỆNH VIỆN NGUYỄN ĐÌNH CHIỂU",
        "Độc lập - Tự do - Hạnh phúc",
        "HỘI ĐỒNG SÁNG KIẾN",
        "Vĩnh Long, ngày 14 tháng 5 năm 2026",
        # 2. title and the session's name
        "# BIÊN BẢN HỌP HỘI ĐỒNG SÁNG KIẾN",
        "**Phiên họp xét công nhận sáng kiến đợt 1 năm 2026**",  # the subject in sentence case
        # 3. legal basis: the standard lines, then the founding decision
        "*Căn cứ Nghị định số 13/2012/NĐ-CP ngày 02 tháng 3 năm 2012 của Chính phủ ban hành Điều lệ Sáng kiến;*",
        "*Căn cứ Thông tư số 18/2013/TT-BKHCN ngày 01 tháng 8 năm 2013 của Bộ Khoa học và Công nghệ",
        "Căn cứ Quyết định số 215/QĐ-BVNĐC ngày 05/03/2026 của Giám đốc Bệnh viện Nguyễn Đình Chiểu",
        # 4. time and place
        "THỜI GIAN, ĐỊA ĐIỂM",
        "Vào lúc 08 giờ 10 ngày 14/05/2026, tại Phòng họp Ban Giám đốc, Bệnh viện Nguyễn Đình Chiểu",
        # 5. attendance and quorum
        "THÀNH PHẦN THAM DỰ",
        "Có mặt 6/7 thành viên Hội đồng (cần tối thiểu 5 thành viên, 2/3 tổng số); đủ điều kiện",
        "**Vắng mặt:** Đặng Thị Hồng (Đi công tác tại Sở Y tế)",
        "**Khách mời:** Đặng Văn Phúc",
        # 6. chair, secretary, agenda
        "**Chủ trì:** Nguyễn Văn Hùng - Chủ tịch Hội đồng",
        "**Thư ký:** Lê Hoàng Nam\n",
        "III. NỘI DUNG",
        "Hội đồng xem xét, đánh giá 9 sáng kiến",
        # 7. each initiative
        "IV. KẾT QUẢ XEM XÉT TỪNG SÁNG KIẾN",
        "### 1. SK-2026-01",
        "### 9. SK-2026-09",
        # 8. summary
        "V. TỔNG HỢP KẾT QUẢ",
        "Kết quả xem xét các sáng kiến",
        "Danh sách sáng kiến được công nhận",
        "Tổng giá trị làm lợi được xác nhận",
        # 9. closing and signatures
        "Phiên họp kết thúc vào lúc 10 giờ 54 cùng ngày",
        "Biên bản đã được đọc lại trước Hội đồng và được các thành viên dự họp nhất trí thông qua; "
        "biên bản được lập thành 02 bản có giá trị như nhau.",
        "THƯ KÝ",
        "CHỦ TỊCH HỘI ĐỒNG",
        "**Lê Hoàng Nam** | **Nguyễn Văn Hùng**",
    )
    assert "DỰ THẢO" not in text  # the session is closed


def test_attendance_lists_every_member_with_role_and_presence(vi: tuple[str, SessionRecord]) -> None:
    text, record = vi
    rows = {
        "m1": "| 1 | Nguyễn Văn Hùng | BSCKII, Giám đốc Bệnh viện | Chủ tịch Hội đồng | có mặt |",
        "m6": "| 6 | Đặng Thị Hồng | DSCKI, Trưởng khoa Dược | Ủy viên | vắng mặt (Đi công tác tại Sở Y tế) |",
        # an expert from outside the unit: with the institution
        "m7": "| 7 | Huỳnh Quốc Bảo | TS, Giảng viên, Trường Đại học Y Dược Cần Thơ | Ủy viên (chuyên gia) | đến muộn",
    }
    for row in rows.values():
        assert row in text
    for member in record.members:
        assert f"| {member.seat} | {member.name} |" in text


def test_agenda_lists_every_initiative(vi: tuple[str, SessionRecord]) -> None:
    text, record = vi
    agenda = text[text.index("III. NỘI DUNG") : text.index("IV. KẾT QUẢ")]
    for number, item in enumerate(record.agenda_items(), start=1):
        assert f"| {number} | {item.code} | {item.title} | {item.unit} |" in agenda


MODES_VI = {
    PollMode.OPEN: "biểu quyết công khai",
    PollMode.SECRET: "bỏ phiếu kín",
    PollMode.PAPER: "kiểm phiếu giấy",
}


def test_each_initiative_with_authors_poll_rule_result_and_conclusion(vi: tuple[str, SessionRecord]) -> None:
    text, record = vi
    assert len(record.agenda_items()) == 9
    for number, item in enumerate(record.agenda_items(), start=1):
        part = section(text, item, number)
        authors = "; ".join(f"{a.name} ({a.share}%)" for a in item.authors)
        assert f"**Tác giả:** {authors}" in part
        assert f"**Đơn vị:** {item.unit}" in part
        poll = record.last_result_poll(item.id)
        assert poll is not None and poll.result is not None
        counts = poll.result.counts
        verdict = "**Kết quả biểu quyết:** **" + ("ĐẠT" if poll.result.passed else "KHÔNG ĐẠT") + "**"
        conclusion = f"**Kết luận:** **{CONCLUSIONS_VI[record.conclusion(item.id)]}**"
        if poll.mode == PollMode.SCORING:
            in_order(
                part,
                "**Biểu quyết (chấm điểm):**",
                "| Tiêu chí | Điểm tối đa | Điểm trung bình |",
                f"| Tổng điểm | 100 | {str(round(poll.result.scores.mean * 100) / 100).replace('.', ',')}",
                f"{poll.result.scores.eligible_sheets} phiếu đạt",
                f"→ cần {poll.result.needed} phiếu; có {counts.yes} phiếu đạt.",
                "**Kết quả chấm điểm:** **" + ("ĐẠT" if poll.result.passed else "KHÔNG ĐẠT") + "**",
                conclusion,
            )
        else:
            in_order(
                part,
                f"**Biểu quyết ({MODES_VI[poll.mode]}):** ",
                f"| Đồng ý | {counts.yes} |",
                f"| Không đồng ý | {counts.no} |",
                f"| Không biểu quyết | {counts.abstain} |",
                "**Quy tắc:** số phiếu đồng ý phải đạt ít nhất 2/3 thành viên được biểu quyết",
                f": 2/3 × {poll.result.base_count} = ",
                f" → cần {poll.result.needed} phiếu; có {counts.yes} phiếu đồng ý.",
                verdict,
                conclusion,
            )
        finding = record.findings[item.id]
        if finding.conclusion == Conclusion.NOT_RECOGNISED:
            assert f"**Lý do:** {finding.reason}" in part
        if finding.conclusion == Conclusion.RECOGNISED:
            assert f"**Hiệu quả được Hội đồng xác nhận:** {format_vnd(finding.confirmed_benefit_vnd)}" in part
        if finding.remarks:
            assert f"**Ý kiến thảo luận, nhận xét:** {finding.remarks}" in part
        # every open vote is named; a secret ballot names only who voted
        if poll.mode in (PollMode.SECRET, PollMode.SCORING):
            who = "nộp phiếu chấm" if poll.mode == PollMode.SCORING else "bỏ phiếu (không ghi ý kiến)"
            voted_line = part.split(f"**Thành viên đã {who}:**")[1].split("\n")[0]
            assert all(record.member(m).name in voted_line for m in poll.voted)
            assert "Ý kiến từng thành viên" not in part
        for member_id, choice in poll.votes.items():
            assert record.member(member_id).name in part.split("**Ý kiến từng thành viên:**")[1].split("\n")[0]
            assert choice in Choice


def test_a_recused_author_is_named_and_leaves_the_base(vi: tuple[str, SessionRecord]) -> None:
    text, record = vi
    item = record.initiatives["sk-2026-03"]
    part = section(text, item, 3)
    assert "**Không tham gia biểu quyết:** Phạm Thị Lan (là tác giả sáng kiến)" in part
    # one sentence for who could vote; the rule with its arithmetic
    assert (
        "**Biểu quyết (biểu quyết công khai):** 6/7 thành viên được biểu quyết (1 thành viên không tham gia), "
        "trong đó 5 người có mặt." in part
    )
    assert ": 2/3 × 6 = 4 → cần 4 phiếu;" in part
    first = section(text, record.initiatives["sk-2026-01"], 1)
    assert ": 2/3 × 7 = 4,67 → cần 5 phiếu; có 6 phiếu đồng ý." in first


def test_refusals_and_deferral_give_their_reasons(vi: tuple[str, SessionRecord]) -> None:
    text, record = vi
    assert "**Kết luận:** **Không công nhận**" in section(text, record.initiatives["sk-2026-05"], 5)
    assert "**Lý do:** Không có tính mới so với chương trình đào tạo liên tục" in text
    assert "**Lý do:** Giải pháp là nhiệm vụ thường xuyên theo quy định quản lý kho" in text
    deferred = section(text, record.initiatives["sk-2026-09"], 9)
    assert "**Kết luận:** **Hoãn xem xét**" in deferred
    assert "bổ sung số liệu sau 6 tháng" in deferred


def test_summary_table_and_total_benefit(vi: tuple[str, SessionRecord]) -> None:
    text, record = vi
    summary = text[text.index("V. TỔNG HỢP KẾT QUẢ") :]
    recognised = [i for i in record.agenda_items() if record.conclusion(i.id) == Conclusion.RECOGNISED]
    assert len(recognised) == 6
    listed = summary[summary.index("Danh sách sáng kiến được công nhận") :]
    for number, item in enumerate(recognised, start=1):
        authors = "<br>".join(f"{a.name} ({a.share}%)" for a in item.authors)
        assert f"| {number} | {item.code} | {item.title} | {authors} |" in listed
    for item in record.agenda_items():
        if item not in recognised:
            assert f"| {item.code} |" not in listed
    # every initiative with its outcome, and the reason for a refusal or deferral
    outcomes = summary[: summary.index("Danh sách sáng kiến được công nhận")]
    for number, item in enumerate(record.agenda_items(), start=1):
        finding = record.findings[item.id]
        reason = finding.reason if finding.conclusion != Conclusion.RECOGNISED else ""
        label = CONCLUSIONS_VI[finding.conclusion]
        assert f"| {number} | {item.code} | {item.title} | {label} | {reason} |" in outcomes
    total = sum(record.findings[i.id].confirmed_benefit_vnd or 0 for i in recognised)
    assert total == 246_500_000
    assert "| Tổng cộng |  |  | 246.500.000 đồng |" in summary
    assert "Tổng giá trị làm lợi được xác nhận: 246.500.000 đồng; 3 sáng kiến có hiệu quả không tính được" in summary
    assert "6 sáng kiến được công nhận, 2 sáng kiến không được công nhận, 1 sáng kiến hoãn xem xét" in summary
    assert "không tính được thành tiền" in summary  # recognised items whose benefit has no amount
    assert "VND" not in text


def test_english_minutes(demo_dir: Path) -> None:
    text, _ = minutes_of(demo_dir, lang="en")
    in_order(
        text,
        "SOCIALIST REPUBLIC OF VIETNAM",
        "Independence - Freedom - Happiness",
        "Vĩnh Long, 14 May 2026",
        "# MINUTES OF THE INITIATIVE COUNCIL MEETING",
        "English version of the minutes. Names, titles, remarks and other content typed in Vietnamese are given",
        "Pursuant to Decree No. 13/2012/NĐ-CP of 2 March 2012",
        "Pursuant to Decision No. 215/QĐ-BVNĐC dated 5 March 2026",
        "I. TIME AND PLACE",
        "At 08:10 on 14 May 2026",
        "II. ATTENDANCE",
        "| 6 | Đặng Thị Hồng | DSCKI, Trưởng khoa Dược | Member | absent (Đi công tác tại Sở Y tế) |",
        "Present: 6/7 voting members (at least 5 needed, 2/3 of the members); the council has a quorum",
        "**Chaired by:** Nguyễn Văn Hùng - Chair",
        "**Secretary:** Lê Hoàng Nam\n",
        "III. AGENDA",
        "### 1. SK-2026-01",
        "**Authors:** Đặng Văn Phúc (70%); Ngô Thị Thu (30%)",
        "**Poll (open vote):** 6 of the 7 voting members present, all entitled to vote.",
        "| Yes | 6 |",
        "**Rule:** yes votes must be at least 2/3 of eligible members (voting members minus the recused): "
        "2/3 × 7 = 4.67 → 5 votes needed; 6 yes.",
        "**Result:** **PASSED**",
        "**Conclusion:** **Recognised**",
        "6 of the 7 voting members entitled to vote (1 member not taking part), 5 of them present.",
        "**Not voting (conflict of interest):** Phạm Thị Lan (author of the initiative)",
        "**Scope of influence:** Sector or province level",
        "**Conclusion:** **Not recognised**",
        "**Reason:** Không có tính mới",
        "**Conclusion:** **Deferred**",
        "V. SUMMARY",
        "| Total |  |  | 246,500,000 VND |",
        "Of 9 initiatives reviewed: 6 recognised, 2 not recognised, 1 deferred, 0 without a conclusion.",
        "benefit that cannot be quantified: 3 recognised initiatives.",
        "The meeting ended at",
        "The minutes were read back to the council and approved by the members present; "
        "they are made in 2 copies of equal value.",
        "| **SECRETARY** | **CHAIR OF THE COUNCIL** |",
        "| **Lê Hoàng Nam** | **Nguyễn Văn Hùng** |",
    )
    for vietnamese_label in ("BIÊN BẢN", "Kết luận", "Tác giả:", "Biểu quyết", "Có mặt", "không tính được"):
        assert vietnamese_label not in text
    # amounts the program writes are in VND (the initiatives' own texts stay as their authors wrote them)
    assert "**Benefit confirmed by the council:** 86,500,000 VND" in text
    # one number style a line: the amount in English, the application's own words on a line of their own
    assert "**Benefit claimed:** 86,500,000 VND\n" in text
    assert "**Benefit as described in the application:** Giảm nhầm lẫn cấp phát" in text
    assert "(s)" not in text and "Secretary - Secretary" not in text
    assert "14/05/2026" not in text and "05/03/2026" not in text  # one date style: 14 May 2026


def test_minutes_are_the_same_each_time(demo_dir: Path) -> None:
    first, _ = minutes_of(demo_dir)
    again, _ = minutes_of(demo_dir)
    assert first == again
    assert first.endswith("\n") and "\r" not in first


def test_a_planned_session_is_marked_as_draft(demo_dir: Path) -> None:
    text, _ = minutes_of(demo_dir, PLANNED)
    assert "(DỰ THẢO: phiên họp chưa kết thúc)" in text
    assert "Chưa có gì" not in text
    assert text.count("**Kết luận:** **chưa kết luận**") == 12


def test_minutes_of_a_live_session_show_revote_quorum_loss_and_override(
    demo_dir: Path, clock: Callable[[], dt.datetime]
) -> None:
    svc = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    try:
        for member in svc.record.members[:5]:
            svc.set_attendance(member.id, Presence.PRESENT)
        svc.set_attendance("m6", Presence.ABSENT, "Nghỉ phép")
        svc.set_attendance("m7", Presence.ABSENT, "Ốm")
        svc.open_session()
        poll = svc.open_poll()
        for member_id in poll.voters:
            svc.record_vote(member_id, Choice.NO)
        svc.close_poll()
        svc.open_poll(revote_reason="Thành viên bấm nhầm phím")
        poll = svc.record.open_poll()
        for member_id in poll.voters[:4]:
            svc.record_vote(member_id, Choice.YES)
        svc.set_attendance("m5", Presence.LEFT_EARLY)  # quorum lost while the poll is open
        svc.close_poll(force=True)
        svc.save_finding(
            "sk-2026-10",
            Finding(conclusion=Conclusion.RECOGNISED, override_reason="Hội đồng thống nhất công nhận."),
        )
        assert [p.status for p in svc.record.polls] == [PollStatus.VOID, PollStatus.CLOSED]
        set_language("vi")
        text = render_markdown(build_minutes(svc.record))
    finally:
        svc.close()
    part = section(text, svc.record.initiatives["sk-2026-10"], 1)
    in_order(
        part,
        "**Biểu quyết (biểu quyết công khai):** *đã hủy và biểu quyết lại; lý do: Thành viên bấm nhầm phím*",
        "Có mặt 5/7 thành viên có quyền biểu quyết.",
        "| Không đồng ý | 5 |",
        "**Kết quả biểu quyết:** **KHÔNG ĐẠT**",
        "**Biểu quyết (biểu quyết công khai):**",
        "| Đồng ý | 4 |",
        "**Kết quả biểu quyết:** **KHÔNG ĐẠT**",  # 4 yes of 7 eligible: 5 needed
        f"**Rời phiên họp trong khi biểu quyết:** {svc.record.member('m5').name}",
        "Thành viên có mặt: 5/7 khi bắt đầu biểu quyết, 4/7 khi kết thúc.",
        "*Hội đồng không còn đủ số lượng thành viên trong khi đang biểu quyết.*",
        "**Kết luận:** **Công nhận**",
        "**Lý do kết luận khác kết quả biểu quyết:** Hội đồng thống nhất công nhận.",
    )
    assert "| Không tham gia |" not in part  # m5 left before voting: not a voter who did not vote
    # The quorum as the meeting opened (5/7), then when it was lost and by whose leaving.
    assert "Có mặt 5/7 thành viên Hội đồng (cần tối thiểu 5 thành viên, 2/3 tổng số); đủ điều kiện" in text
    assert "Hội đồng không còn đủ điều kiện biểu quyết. Vắng: " + svc.record.member("m5").name in text
