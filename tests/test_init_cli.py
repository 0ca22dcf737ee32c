"""`council init`, `new-session`, `import` and `template` as a user runs them: output and exit codes."""

from __future__ import annotations

import argparse
from pathlib import Path

import openpyxl
import pytest

import cli
from cli import init
from sessions.glance import read_glance
from sessions.storage import DataFolder
from tests.conftest import FIRST, PLANNED
from tui.glance_view import view_from_json

MEMBERS_CSV = (
    "STT;Họ và tên;Vai trò;Chức vụ;Biểu quyết\r\n"
    "1;Nguyễn Văn Hùng;Chủ tịch Hội đồng;Giám đốc;có\r\n"
    "2;Lê Hoàng Nam;Uỷ viên thư ký;Trưởng phòng;\r\n"
    "3;Trần Thị Mai;Ủy viên;;\r\n"
    "4;Phạm Văn Khách;Chuyên gia;;không\r\n"
)
INITIATIVES_CSV = (
    "Mã số,Tên sáng kiến,Tác giả (tỷ lệ)\r\n"
    "SK-2026-40,Sổ tay điện tử,Ngô Văn An (70%); Lê Hoàng Nam (30%) [2]\r\n"
    "SK-2026-41,Quy trình tiếp đón,Trần Văn Bình\r\n"
)


def run(*argv: str) -> int:
    return cli.main(["--lang", "vi", *argv])


@pytest.fixture
def members_file(tmp_path: Path) -> Path:
    path = tmp_path / "thanh-vien.csv"
    path.write_text(MEMBERS_CSV, encoding="utf-8")
    return path


def make_council(data: Path, members_file: Path) -> int:
    args = ["init", "--data", str(data), "--name", "Hội đồng Sáng kiến Sở KH&CN", "--unit", "Sở KH&CN"]
    return run(
        *args, "--decision-number", "123/QĐ-SKHCN", "--decision-date", "05/03/2026", "--members", str(members_file)
    )


@pytest.fixture
def council_dir(tmp_path: Path, members_file: Path) -> Path:
    assert make_council(tmp_path / "council", members_file) == 0
    return tmp_path / "council"


def test_init_from_options_and_a_members_file(tmp_path, members_file, capsys):
    council_dir = tmp_path / "council"
    assert make_council(council_dir, members_file) == 0
    out = capsys.readouterr().out
    assert "Đã tạo hội đồng 'Hội đồng Sáng kiến Sở KH&CN'" in out
    assert "4 thành viên" in out
    council = DataFolder(council_dir).load_council()
    assert council.info.decision.number == "123/QĐ-SKHCN"
    assert [(m.id, m.seat, m.role.value, m.voting) for m in council.members] == [
        ("m1", 1, "chair", True),
        ("m2", 2, "secretary", True),
        ("m3", 3, "member", True),
        ("m4", 4, "expert", False),
    ]
    assert council.rulebook.preset == "circular18"


def test_init_refuses_a_folder_that_has_a_council(council_dir, capsys):
    before = (council_dir / "council.json").read_bytes()
    assert run("init", "--data", str(council_dir), "--name", "Khác") == 2
    assert "đã có hội đồng" in capsys.readouterr().err
    assert (council_dir / "council.json").read_bytes() == before


def test_init_without_a_name_and_no_terminal_says_what_to_give(tmp_path, capsys):
    assert run("init", "--data", str(tmp_path / "d"), "--no-input") == 2
    assert "--name" in capsys.readouterr().err
    assert not (tmp_path / "d" / "council.json").exists()


def test_init_with_a_bad_members_file_lists_the_problems_and_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "m.csv"
    bad.write_text("STT,Họ và tên,Vai trò\n1,A,Chủ tịch\n1,B,Chủ tịch\n", encoding="utf-8")
    assert run("init", "--data", str(tmp_path / "d"), "--name", "HĐ", "--members", str(bad)) == 2
    err = capsys.readouterr().err
    assert "Dòng 3, cột A (STT)" in err and "Dòng 3, cột C (Vai trò)" in err
    assert not (tmp_path / "d" / "council.json").exists()


def test_init_asks_on_a_terminal(tmp_path, capsys):
    answers = iter(
        [
            "Hội đồng Sáng kiến Trường THPT",  # name
            "Trường THPT Chuyên",  # unit
            "",  # parent unit
            "Vĩnh Long",  # city
            "12/QĐ-THPT",  # decision number
            "31/02/2026",  # a wrong date: asked again
            "01/03/2026",
            "Hiệu trưởng",  # issuer
            "9",  # no such preset: asked again
            "3",  # simple majority
            "Nguyễn Thị Lan",  # member 1
            "",  # default role for the first member: chair
            "Hiệu trưởng",
            "Võ Văn Sơn",
            "3",  # secretary
            "",
            "",  # no more members
        ]
    )
    args = argparse.Namespace(
        data=tmp_path / "d",
        name=None,
        unit=None,
        parent_unit=None,
        city=None,
        decision_number=None,
        decision_date=None,
        decision_issuer=None,
        members=None,
        preset=None,
        no_input=False,
    )
    assert init.run(args, ask=lambda prompt: next(answers)) == 0
    out = capsys.readouterr().out
    assert "'31/02/2026' không phải ngày hợp lệ" in out
    council = DataFolder(tmp_path / "d").load_council()
    assert council.info.city == "Vĩnh Long"
    assert str(council.info.decision.date) == "2026-03-01"
    assert council.rulebook.preset == "simple_majority"
    assert [(m.name, m.role.value) for m in council.members] == [
        ("Nguyễn Thị Lan", "chair"),
        ("Võ Văn Sơn", "secretary"),
    ]


def test_new_session_prints_its_id(council_dir, capsys):
    argv = ["new-session", "--data", str(council_dir), "--title", "Phiên họp đợt 1", "--date", "22/11/2026"]
    assert run(*argv, "--place", "Phòng họp", "--start", "14:00", "--invitee", "Hà Văn Thắng, Kỹ sư") == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == "2026-11-22"
    assert "council import" in captured.err
    assert run(*argv) == 0
    assert capsys.readouterr().out.strip() == "2026-11-22-2"
    record, _ = DataFolder(council_dir).load_record("2026-11-22")
    session = record.session
    assert (session.place, str(session.start_time), session.chair_id, session.secretary_id) == (
        "Phòng họp",
        "14:00:00",
        "m1",
        "m2",
    )
    assert session.invitees[0].position == "Kỹ sư"
    assert run("sessions", "--data", str(council_dir)) == 0
    assert "Phiên họp đợt 1" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--date", "22/11/2026"], "--title"),
        (["--title", "T"], "--date"),
        (["--title", "T", "--date", "22-13-2026"], "DD/MM/YYYY"),
        (["--title", "T", "--date", "22/11/2026", "--start", "25:00"], "HH:MM"),
        (["--title", "T", "--date", "22/11/2026", "--secretary", "9"], "'9'"),
        (["--title", "T", "--date", "22/11/2026", "--id", "../x"], "../x"),
    ],
)
def test_new_session_refuses_bad_options(council_dir, capsys, extra, message):
    assert run("new-session", "--data", str(council_dir), *extra) == 2
    assert message in capsys.readouterr().err
    assert DataFolder(council_dir).session_ids() == []


def test_import_into_a_new_session(council_dir, tmp_path, capsys):
    run("new-session", "--data", str(council_dir), "--title", "Phiên 1", "--date", "22/11/2026")
    path = tmp_path / "ds.csv"
    path.write_text(INITIATIVES_CSV, encoding="utf-8")
    capsys.readouterr()
    assert run("import", str(path), "--data", str(council_dir), "--session", "2026-11-22", "--dry-run") == 0
    assert "SK-2026-40" in capsys.readouterr().out
    assert DataFolder(council_dir).load_record("2026-11-22")[0].initiatives == {}
    assert run("import", str(path), "--data", str(council_dir), "--session", "2026-11-22") == 0
    assert "Đã nhập 2 sáng kiến vào phiên họp 2026-11-22" in capsys.readouterr().out
    record, _ = DataFolder(council_dir).load_record("2026-11-22")
    assert [i.code for i in record.agenda_items()] == ["SK-2026-40", "SK-2026-41"]
    assert record.agenda_items()[0].author_member_ids == {"m2"}
    # What the agenda will show is kept, so that the app's first frame of the session comes at once.
    kept = view_from_json(read_glance(council_dir, "2026-11-22", language="vi") or {})
    assert kept is not None and [row.code for row in kept.rows] == ["SK-2026-40", "SK-2026-41"]
    assert run("import", str(path), "--data", str(council_dir), "--session", "2026-11-22") == 2
    err = capsys.readouterr().err
    assert "Có 2 lỗi" in err and "Chưa nhập dữ liệu nào" in err


def test_import_problems_exit_2_and_write_nothing(demo_dir, tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text("Mã số,Tên sáng kiến,Tác giả\nSK-1,,A (50%)\n", encoding="utf-8")
    journal = demo_dir / "sessions" / PLANNED / "journal.jsonl"
    before = journal.read_bytes()
    assert run("import", str(path), "--data", str(demo_dir), "--session", PLANNED) == 2
    err = capsys.readouterr().err
    assert "Dòng 2, cột B (Tên sáng kiến)" in err
    assert "Dòng 2, cột C (Tác giả)" in err
    assert journal.read_bytes() == before


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--session", FIRST], "đã kết thúc"),
        (["--session", "2099-01-01"], "Không có phiên họp 2099-01-01"),
        ([], "--session"),
        (["--session", PLANNED, "--sheet", "Tờ 1"], "Tệp CSV không có trang tính"),
    ],
)
def test_import_refusals(demo_dir, tmp_path, capsys, argv, message):
    path = tmp_path / "ok.csv"
    path.write_text(INITIATIVES_CSV, encoding="utf-8")
    assert run("import", str(path), "--data", str(demo_dir), *argv) == 2
    assert message in capsys.readouterr().err


def test_import_of_a_file_that_is_not_a_spreadsheet(demo_dir, tmp_path, capsys):
    path = tmp_path / "photo.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    assert run("import", str(path), "--data", str(demo_dir), "--session", PLANNED) == 2
    assert "photo.xlsx" in capsys.readouterr().err


def test_import_members_replaces_the_list_but_not_past_sessions(demo_dir, members_file, capsys):
    before = DataFolder(demo_dir).load_council().members
    assert run("import", str(members_file), "--data", str(demo_dir), "--session", PLANNED) == 2
    assert "--session" in capsys.readouterr().err
    assert run("import", str(members_file), "--data", str(demo_dir)) == 0
    assert "giữ danh sách thành viên cũ" in capsys.readouterr().out
    members = DataFolder(demo_dir).load_council().members
    assert [m.name for m in members] == ["Nguyễn Văn Hùng", "Lê Hoàng Nam", "Trần Thị Mai", "Phạm Văn Khách"]
    same = {m.name: m.id for m in before}
    assert members[1].id == same["Lê Hoàng Nam"] == "m3"  # kept by name
    assert members[3].id == "m8"  # a new person gets a new id
    assert len(DataFolder(demo_dir).load_record(FIRST)[0].members) == 7


@pytest.mark.parametrize("name", ["initiatives.xlsx", "initiatives.csv", "members.xlsx", "members.csv"])
def test_template_then_import(tmp_path, capsys, name):
    path = tmp_path / name
    assert run("template", str(path)) == 0
    assert str(path) in capsys.readouterr().out
    kind = "members" if name.startswith("members") else "initiatives"
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(path)
        expected = "Mã số" if kind == "initiatives" else "STT"
        assert book.worksheets[0]["A1"].value == expected
        assert book.worksheets[0].max_row == 2
    else:
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
        assert len(path.read_text(encoding="utf-8-sig").splitlines()) == 2
    data = tmp_path / "data"
    assert run("init", "--data", str(data), "--name", "HĐ", "--members", str(Path(__file__)), "--no-input") == 2
    capsys.readouterr()
    assert run("init", "--data", str(data), "--name", "HĐ", "--no-input") == 0
    if kind == "initiatives":
        run("new-session", "--data", str(data), "--title", "P", "--date", "01/12/2026")
        argv = ["import", str(path), "--data", str(data), "--session", "2026-12-01"]
    else:
        argv = ["import", str(path), "--data", str(data)]
    capsys.readouterr()
    assert run(*argv) == 0, capsys.readouterr().err


def test_template_refuses_to_overwrite_and_odd_suffixes(tmp_path, capsys):
    path = tmp_path / "initiatives.xlsx"
    assert run("template", str(path)) == 0
    first = path.read_bytes()
    assert run("template", str(path)) == 2
    assert "--force" in capsys.readouterr().err
    assert path.read_bytes() == first
    assert run("template", str(path), "--force") == 0
    assert run("template", str(tmp_path / "x.ods")) == 2
    assert ".xlsx" in capsys.readouterr().err


def test_help_lists_the_new_commands(capsys):
    with pytest.raises(SystemExit):
        run("--help")
    out = capsys.readouterr().out
    for name in ("init", "new-session", "import", "template"):
        assert name in out
