"""A whole meeting played by keys on the installed `council`, in tmux, at two terminal sizes.

What the chair and members see is read back from the terminal after every step: the quorum in the
bar, the tally, the result, the booth (no tally, no one else's choice). Midway through the secret
ballot the program is killed (SIGKILL) and started again; a second program on the same data is
refused; the exported minutes carry the decisions taken.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.e2e.conftest import Place
from tests.e2e.terminal import Terminal, flat

pytestmark = pytest.mark.e2e

SIZES = [(100, 30), (80, 24)]
VOTED = "✓"
SHEET_IN = "✓ đã nộp phiếu"
CRITERIA = ["Tính mới (0-30)", "Khả năng áp dụng (0-30)", "Hiệu quả (0-40)"]
AGENDA = "Tên sáng kiến"  # the agenda's column header: the agenda is on screen
REASON = "Lý do (khi không công nhận)"
RECOGNISED, NOT_RECOGNISED = 1, 2  # places in the list of conclusions, after "no conclusion yet"
BOOTH_SECRET = "hom-phieu-kin"
# Words that would give a tally away on a booth screen.
TALLY_WORDS = ("Đồng ý:", "Không đồng ý", "Không biểu quyết", "Đã bỏ phiếu", "ĐẠT")


def start_app(place: Place, name: str, size: tuple[int, int]) -> Terminal:
    term = place.server.terminal(name, size)
    term.start(place.council(), place.app_env())
    return term


def take_attendance(term: Terminal) -> None:
    """Open today's session from the picker, mark six present (one late) and one absent with a reason."""
    term.wait_for(dt.date.today().strftime("%d/%m/%Y"), "14/05/2026")  # `council demo` plans a session for today
    term.send("Enter")  # today's planned session is first in the list
    term.wait_for("KHÔNG ĐỦ SỐ LƯỢNG: có mặt 0, cần 5")  # nobody marked yet: no quorum, in the bar
    term.send("t")
    term.wait_for("Điểm danh", "Có mặt 0/7")
    term.send("p", "p", "p", "a")
    term.wait_for("Lý do vắng mặt của Phạm Thị Lan")
    term.type("Ốm")
    term.send("Enter")
    term.wait_for("vắng mặt: Ốm", "Có mặt 3/7")
    term.send("p", "p")
    term.wait_for("Có mặt 5/7", "Đủ số lượng: có mặt 5, cần 5")  # quorum reached with the fifth
    term.send("l")
    screen = term.wait_for("Có mặt 6/7", "Đủ số lượng: có mặt 6, cần 5")
    assert "đến muộn" in term.line_with("Huỳnh Quốc Bảo", screen)
    term.send("Escape")
    term.wait_for(AGENDA)
    term.send("s")
    term.wait_for("Phiên họp đã khai mạc")


def second_instance_refused(place: Place, first: Terminal, size: tuple[int, int]) -> None:
    """A second `council` on the same data is told who runs the session, and may only look."""
    second = start_app(place, "second", size)
    second.wait_for("đang được điều hành bởi một chương trình council khác", f"tiến trình {first.pid}")
    second.send("Enter")  # "Mở chỉ xem"
    screen = second.wait_for("CHỈ XEM", "Mục 1/12")
    assert "Đủ số lượng: có mặt 6, cần 5" in flat(screen)  # it sees the roll the first one took
    second.send("t")
    second.wait_for("Điểm danh", "Có mặt 6/7")
    second.send("p")
    second.wait_for("chế độ chỉ xem; không thể thay đổi")  # and cannot change it
    second.send("C-q")
    second.wait_exit()


def open_vote(term: Terminal) -> None:
    """Item 1: open vote, everyone present says yes; passed; recognised."""
    term.send("v")
    term.wait_for("bằng hình thức nào")
    term.send("Enter")  # the open vote is the first way
    term.wait_for("Biểu quyết công khai: SK-2026-10", "Chưa biểu quyết: 6")
    term.send("y", "y", "y", "y", "y")
    term.wait_for("Đồng ý: 5", "Chưa biểu quyết: 1", "Cần 5 phiếu đồng ý")
    term.send("y")
    term.wait_for("Đồng ý: 6", "Chưa biểu quyết: 0")
    term.send("c")
    screen = term.wait_for("ĐẠT", "Đồng ý 6")
    assert "KHÔNG ĐẠT" not in flat(screen)
    write_findings(term, "Hiệu quả rõ", conclusion_downs=RECOGNISED)


def is_conclusion_row(line: str) -> bool:
    return line.strip().startswith("Kết luận ") and "▼" in line


def write_findings(term: Terminal, remarks: str, conclusion_downs: int, reason: str = "") -> None:
    """From a closed poll: type the remarks, choose the conclusion, give the reason of a refusal, save."""
    term.send("f")
    term.wait_for("Nhận xét, thảo luận", REASON)
    term.wait_field("Nhận xét, thảo luận", below=2)  # the caret is in the remarks box, under its border
    term.type(remarks)
    term.wait_for(remarks)
    term.focus_row("Tab", is_conclusion_row)
    term.send("Space")  # opens the list of conclusions (enter would move on: it has a value already)
    term.wait_for("Hoãn xem xét")
    # From the top of the list: the conclusion already shown is the poll's result (the default).
    term.send("Home", *["Down"] * conclusion_downs, "Enter")
    term.wait_gone("Hoãn xem xét")
    # Moving on to the next field also lets the form take in the choice (it fills in the default award).
    # (a recognised initiative has no reason for a refusal: that field is disabled, the next one takes the caret)
    term.next_field(REASON if reason else "Lý do khác kết quả biểu quyết")
    if reason:
        term.type_field(REASON, reason)
    term.send("C-s")
    term.wait_for("Đã lưu kết luận")
    term.send("Escape")
    term.wait_for(AGENDA)


def secret_ballot_until_crash(term: Terminal) -> None:
    """Item 2: a secret ballot; two members vote in the booth in turn."""
    term.send("n")
    term.wait_for("Mục 2/12")
    term.send("v")
    term.wait_for("bằng hình thức nào")
    term.send("Down", "Enter")
    # The co-author is named as left out (waited for too: the mode dialog may still cover it for a frame).
    term.wait_for("Bỏ phiếu kín: SK-2026-11", "Đã bỏ phiếu: 0/5", "Võ Minh Tuấn")
    term.send("b")
    booth_secret(term, choose=True)
    vote_in_booth(term, "Nguyễn Văn Hùng", "y", others=["Trần Thị Mai", "Lê Hoàng Nam"])
    vote_in_booth(term, "Trần Thị Mai", "n", others=["Lê Hoàng Nam"], gone=["Nguyễn Văn Hùng"])


def booth_secret(term: Terminal, *, choose: bool = False, prompt: str = "để mở hòm phiếu") -> None:
    """The chair types the booth secret (twice when choosing it), waiting for each prompt first."""
    term.wait_for("đặt mật khẩu phòng" if choose else prompt)
    term.type(BOOTH_SECRET)
    term.send("Enter")
    if choose:
        term.wait_for("Nhập lại mật khẩu")
        term.type(BOOTH_SECRET)
        term.send("Enter")


def vote_in_booth(term: Terminal, name: str, key: str, others: list[str], gone: list[str] = ()) -> None:
    """The member at the top of the booth's list picks their name, votes, confirms, passes the laptop on."""
    booth = term.wait_for("BỎ PHIẾU KÍN", "Chọn tên của bạn", name, *others)
    for word in TALLY_WORDS:
        assert word not in flat(booth), f"the booth shows {word!r}"
    for member in gone:  # who already voted leaves the list
        assert member not in flat(booth)
    term.send("Enter")
    ballot = term.wait_for(f"Phiếu của {name}", "Xác nhận phiếu")
    for member in gone:
        assert member not in flat(ballot)
    term.send(key)
    term.wait_for("Bạn chọn")
    term.send("Enter")
    received = term.wait_for("Phiếu của bạn đã được ghi nhận")
    for word in (*TALLY_WORDS, "Đồng ý", name, *gone):
        assert word not in flat(received), f"the received screen shows {word!r}"
    term.send("Enter")
    term.wait_for("Chọn tên của bạn")


def recovered_ballot(term: Terminal) -> None:
    """After the kill: the same poll is back, with the same two members marked as having voted."""
    # The last member's row too: the tally can be on screen a frame before the table's rows are.
    screen = term.wait_for("Bỏ phiếu kín: SK-2026-11", "Đã bỏ phiếu: 2/5", "Huỳnh Quốc Bảo", timeout=30)
    for name in ("Nguyễn Văn Hùng", "Trần Thị Mai"):
        assert VOTED in term.line_with(name, screen), name
    for name in ("Lê Hoàng Nam", "Đặng Thị Hồng", "Huỳnh Quốc Bảo"):
        assert VOTED not in term.line_with(name, screen), name


def finish_secret_ballot(term: Terminal) -> None:
    """A third member votes; the chair leaves the booth with ctrl+x and closes the poll."""
    term.send("b")
    booth_secret(term)  # after the crash the chair's secret resumes the poll
    vote_in_booth(term, "Lê Hoàng Nam", "y", others=["Đặng Thị Hồng"], gone=["Nguyễn Văn Hùng", "Trần Thị Mai"])
    term.send("C-x")
    # The dialog's own words: the booth's hint line also ends "… để rời phòng", and under load the secret
    # was typed into the booth before the dialog had opened.
    booth_secret(term, prompt="nhập mật khẩu phòng bỏ phiếu để rời phòng")
    screen = term.wait_for("Đã bỏ phiếu: 3/5")
    assert "Đồng ý" not in flat(screen).replace("đồng ý", "")  # still no tally while open
    term.send("c")
    term.wait_for("Vẫn kết thúc")  # two members have not voted: the chair must confirm
    term.send("Enter")
    screen = term.wait_for("KHÔNG ĐẠT", "Đồng ý 2 · Không đồng ý 1")
    write_findings(term, "Chưa thuyết phục", conclusion_downs=NOT_RECOGNISED, reason="Chưa có tính mới")


def scoring_round(term: Terminal) -> None:
    """Item 3: scoring; the secretary types six paper sheets; five are eligible, so it passes."""
    term.send("n")
    term.wait_for("Mục 3/12")
    term.send("v")
    term.wait_for("bằng hình thức nào")
    term.send("Down", "Down", "Enter")
    term.wait_for("Chấm điểm: SK-2026-12", "Đã nộp phiếu chấm: 0/6")
    sheets = [("25", "24", "30"), ("20", "20", "30"), ("28", "25", "35"), ("22", "20", "30"), ("18", "20", "25")]
    sheets.append(("10", "10", "10"))
    for done, scores in enumerate(sheets):
        term.send("Enter")
        if not done:
            booth_secret(term, choose=True)  # the sheets are sealed in the box under the chair's secret
        term.wait_for("Phiếu chấm điểm")
        term.wait_field(CRITERIA[0])
        for score, label, after in zip(scores, CRITERIA, [*CRITERIA[1:], "Nhận xét"], strict=True):
            term.type_field(label, score)
            term.next_field(after)
        term.type_field("Nhận xét", "Ghi chú")
        term.send("C-s")
        # The table's marks, not the tally pane: a pile of "sheet saved" notices may cover the pane.
        term.wait_until(lambda s, n=done + 1: s.count(SHEET_IN) == n, f"{done + 1} sheets in")
        # (the cursor moves on to the next member without a sheet by itself)
    term.send("c")
    screen = term.wait_for("ĐẠT", "Tổng điểm trung bình: 67,0")
    assert "KHÔNG ĐẠT" not in flat(screen)
    write_findings(term, "Đề xuất nhân rộng", conclusion_downs=RECOGNISED)


def paper_tally(term: Terminal) -> None:
    """Item 4: the counts of a paper ballot; numbers that disagree are refused, then corrected."""
    term.send("n")
    term.wait_for("Mục 4/12")
    term.send("v")
    term.wait_for("bằng hình thức nào")
    term.send("Down", "Down", "Down", "Enter")
    term.wait_for("Kiểm phiếu giấy: SK-2026-13")
    # returned, valid, invalid, yes, no, abstain (issued is filled in: 6 present); enter goes to the next field
    term.wait_field("Số phiếu thu vào")
    fields = ["Phiếu hợp lệ", "Phiếu không hợp lệ", "Đồng ý", "Không đồng ý", "Không biểu quyết"]
    for value, label, after in zip(("6", "6", "0", "5", "2"), ["Số phiếu thu vào", *fields[:-1]], fields, strict=True):
        term.type_field(label, value)
        term.next_field(after, key="Enter")
    term.type_field("Không biểu quyết", "0")
    term.send("C-s")
    term.wait_for("phải bằng số phiếu hợp lệ 6")  # 5 + 2 + 0 is not 6: refused, nothing recorded
    term.next_field("Không đồng ý", key="BTab")
    term.send("BSpace")
    term.wait_until(lambda _: term.field_value("Không đồng ý") == "", "the 2 deleted")
    term.type_field("Không đồng ý", "1")
    term.send("C-s")
    term.wait_for("Đã ghi kết quả kiểm phiếu")
    term.send("c")
    screen = term.wait_for("ĐẠT", "Đồng ý 5 · Không đồng ý 1")
    assert "KHÔNG ĐẠT" not in flat(screen)
    write_findings(term, "Tiết kiệm oxy", conclusion_downs=RECOGNISED)


def arrival_and_departure(term: Terminal) -> None:
    """Item 5: the absent member arrives; another leaves while the open vote is open and drops out of it."""
    term.send("n")
    term.wait_for("Mục 5/12")
    term.send("t")
    term.wait_for("Điểm danh", "Có mặt 6/7")
    term.send("4", "l")  # Phạm Thị Lan (absent, "Ốm") arrives during item 5
    screen = term.wait_for("Có mặt 7/7")
    assert "đến muộn" in term.line_with("Phạm Thị Lan", screen)
    term.send("Escape")
    term.wait_for(AGENDA)
    term.send("v")
    term.wait_for("bằng hình thức nào")
    term.send("Enter")
    term.wait_for("Biểu quyết công khai: SK-2026-14", "Chưa biểu quyết: 7")
    term.send("Escape")
    term.wait_for(AGENDA)
    term.send("t")
    term.wait_for("Điểm danh", "Có mặt 7/7")
    term.send("6", "x")  # Đặng Thị Hồng leaves while the poll is open
    screen = term.wait_for("Có mặt 6/7")
    assert "về sớm" in term.line_with("Đặng Thị Hồng", screen)
    term.send("Escape")
    term.wait_for(AGENDA)
    term.send("v")
    screen = term.wait_for("Biểu quyết công khai: SK-2026-14", "Chưa biểu quyết: 6")  # nobody waits for her
    term.send("6", "y")  # her seat: refused with her name, and no one else's row gets the vote
    term.wait_for("Đặng Thị Hồng đã rời phiên họp")
    term.wait_for("Chưa biểu quyết: 6")
    term.send("Y")  # everyone yes: those in the room
    term.wait_for("Đồng ý: 6", "Chưa biểu quyết: 0")
    term.send("c")
    screen = term.wait_for("ĐẠT", "Đồng ý 6")
    assert "KHÔNG ĐẠT" not in flat(screen)
    write_findings(term, "Rút ngắn thời gian chờ", conclusion_downs=RECOGNISED)


def close_and_export(term: Terminal, place: Place) -> str:
    """Close the session (eight items undecided), export the minutes as Markdown to the documents folder."""
    term.send("c")
    term.wait_for("Bế mạc")
    term.send("Enter")
    term.wait_for("Phiên họp đã bế mạc")
    term.send("e")
    # The default folder is the documents folder; the demo's planned session is named after the day it was made.
    term.wait_for("Xuất: Phiên họp", f"exports/bien-ban-{dt.date.today():%d-%m-%Y}")
    term.send("Enter")
    term.wait_for("Đã ghi:")  # the notice names the file written
    written = sorted(place.exports.glob("bien-ban-*.md"))
    assert len(written) == 1, written
    return written[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_a_whole_meeting_in_a_real_terminal(place: Place, size: tuple[int, int]) -> None:
    chair = start_app(place, "chair", size)
    take_attendance(chair)
    second_instance_refused(place, chair, size)
    open_vote(chair)
    secret_ballot_until_crash(chair)

    chair.kill_program()
    chair = start_app(place, "chair-again", size)
    recovered_ballot(chair)

    finish_secret_ballot(chair)
    scoring_round(chair)
    paper_tally(chair)
    arrival_and_departure(chair)
    minutes = close_and_export(chair, place)
    chair.send("C-q")
    chair.wait_exit()

    assert place.error_logs() == []  # no unexpected error anywhere in the run
    check_minutes(minutes)


def item(minutes: str, number: int) -> str:
    """The minutes' section on agenda item ``number``."""
    start = minutes.index(f"### {number}. ")
    end = minutes.find("### ", start + 4)
    return minutes[start:end]


def check_minutes(minutes: str) -> None:
    """The exported minutes carry the roll and each decision taken in the run."""
    assert "BIÊN BẢN HỌP HỘI ĐỒNG SÁNG KIẾN" in minutes
    assert "Có mặt 6/7 thành viên" in minutes  # the count when the meeting started
    # The attendance as it happened: a time for each arrival and departure, and the item under way.
    rows = {line.split(" | ")[1]: line for line in minutes.splitlines() if re.match(r"^\| \d+ \| ", line)}
    at = r"\d\d giờ \d\d"
    assert re.search(rf"\| vắng mặt \(Ốm\); đến muộn lúc {at}, từ mục 5 \|$", rows["Phạm Thị Lan"])
    assert re.search(rf"\| có mặt; về sớm lúc {at}, từ mục 5 \|$", rows["Đặng Thị Hồng"])
    assert re.search(rf"\| đến muộn lúc {at} \|$", rows["Huỳnh Quốc Bảo"])  # marked late before the start
    assert rows["Nguyễn Văn Hùng"].endswith("| có mặt |")

    first = item(minutes, 1)
    assert "| Đồng ý | 6 |" in first and "**Kết luận:** **Công nhận**" in first and "Hiệu quả rõ" in first

    secret = item(minutes, 2)
    assert "bỏ phiếu kín" in secret
    assert "Võ Minh Tuấn (là tác giả sáng kiến)" in secret
    assert "Nguyễn Văn Hùng, Trần Thị Mai, Lê Hoàng Nam (3)" in secret  # who voted, votes kept across the kill
    assert "| Đồng ý | 2 |" in secret and "| Không đồng ý | 1 |" in secret
    assert "Ý kiến từng thành viên" not in secret  # nobody's choice is written down
    assert "**KHÔNG ĐẠT**" in secret and "**Kết luận:** **Không công nhận**" in secret
    assert "**Lý do:** Chưa có tính mới" in secret

    scoring = item(minutes, 3)
    assert "| Tổng điểm | 100 | 67,00 |" in scoring and "5 phiếu đạt" in scoring
    assert "**Kết luận:** **Công nhận**" in scoring and "Đề xuất nhân rộng" in scoring

    paper = item(minutes, 4)
    assert "Số phiếu phát ra 6, thu vào 6, hợp lệ 6, không hợp lệ 0." in paper
    assert "| Đồng ý | 5 |" in paper and "| Không đồng ý | 1 |" in paper
    assert "**Kết luận:** **Công nhận**" in paper and "Tiết kiệm oxy" in paper

    fifth = item(minutes, 5)
    assert "| Đồng ý | 6 |" in fifth and "| Không tham gia |" not in fifth  # the one who left is not a non-voter
    assert "**Rời phiên họp trong khi biểu quyết:** Đặng Thị Hồng" in fifth
    assert "Thành viên có mặt: 7/7 khi bắt đầu biểu quyết, 6/7 khi kết thúc." in fifth

    summary = minutes[minutes.index("TỔNG HỢP KẾT QUẢ") :]
    assert "4 sáng kiến được công nhận, 1 sáng kiến không được công nhận" in summary
    table = summary.split("**Danh sách sáng kiến được công nhận:**")[0]  # every initiative with its outcome
    assert "Không công nhận" in next(line for line in table.splitlines() if "| SK-2026-11 |" in line)
    recognised = summary[summary.index("**Danh sách sáng kiến được công nhận:**") :]
    assert "SK-2026-11" not in recognised  # the refused one is not in the recognised list
    assert "SK-2026-10" in recognised and "SK-2026-13" in recognised
