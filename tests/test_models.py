"""Model validation that says what to fix, text cleaning, money and dates, and the translation catalogue."""

from __future__ import annotations

import ast
import datetime as dt
import re
import string
import unicodedata
from pathlib import Path

import pytest
from pydantic import ValidationError

from models.council import Member, Role
from models.errors import DomainError
from models.formatting import (
    format_date,
    format_fraction,
    format_time,
    format_vnd,
    group_thousands,
    long_date,
    parse_date,
)
from models.i18n import has_key, language_from_locale, set_language, t
from models.i18n.messages import MESSAGES
from models.initiative import Initiative, InitiativeType
from models.labels import rule_summary
from models.parsing import parse_amount as parse_vnd  # the one amount parser (findings used their own)
from models.poll import Choice, PollMode
from models.rules import PassBase, Rulebook
from models.session import Conclusion, Presence, Scope, SessionStatus
from models.text import clean_text

ROOT = Path(__file__).resolve().parent.parent
DECOMPOSED = "Nguye\u0302\u0303n Thi\u0323 Ho\u0302\u0300ng"  # "Nguyễn Thị Hồng" typed with combining marks
COMPOSED = "Nguyễn Thị Hồng"


def initiative(**changes: object) -> Initiative:
    data: dict[str, object] = {
        "id": "sk-1",
        "code": "SK-2026-99",
        "title": "Cải tiến xe đẩy thuốc",
        "type": InitiativeType.TECHNICAL,
        "authors": [{"name": "Đặng Văn Phúc", "share": 70}, {"name": "Ngô Thị Thu", "share": 30}],
    }
    data.update(changes)
    return Initiative.model_validate(data)


# --- validation with messages that say what to fix


@pytest.mark.parametrize("shares", [[60, 30], [70, 40], [50], [33, 33, 33]])
def test_shares_not_adding_to_100_are_refused_naming_code_and_total(shares: list[int]) -> None:
    authors = [{"name": f"Tác giả {n}", "share": s} for n, s in enumerate(shares)]
    with pytest.raises(DomainError) as caught:
        initiative(authors=authors)
    assert caught.value.key == "error.shares"
    message = str(caught.value)
    assert "SK-2026-99" in message
    assert f"{sum(shares)}%" in message
    assert "100%" in message
    set_language("en")
    assert "add up to" in str(caught.value) and f"{sum(shares)}%" in str(caught.value)


def test_shares_adding_to_100_are_accepted() -> None:
    assert [a.share for a in initiative().authors] == [70, 30]
    assert initiative(authors=[{"name": "A", "share": 100}]).authors[0].share == 100


@pytest.mark.parametrize("title", ["", "   ", "\ufeff", "\r\n"])
def test_empty_title_is_refused_naming_the_code(title: str) -> None:
    with pytest.raises(DomainError) as caught:
        initiative(title=title)
    assert caught.value.key == "error.title_empty"
    assert "SK-2026-99" in str(caught.value)
    assert "nhập tên" in str(caught.value)


def test_an_initiative_needs_an_author_and_a_code() -> None:
    with pytest.raises(ValidationError):
        initiative(authors=[])
    with pytest.raises(ValidationError):
        initiative(code="  ")


def test_member_needs_a_name_and_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError):
        Member(id="m1", seat=1, name=" ")
    with pytest.raises(ValidationError):
        Member.model_validate({"id": "m1", "seat": 1, "name": "A", "colour": "red"})


def test_duplicate_members_are_refused() -> None:
    from models.council import MemberList

    with pytest.raises(ValidationError, match="duplicate member id"):
        MemberList(members=[Member(id="m1", seat=1, name="A"), Member(id="m1", seat=2, name="B")])
    with pytest.raises(ValidationError, match="duplicate seat"):
        MemberList(members=[Member(id="m1", seat=1, name="A"), Member(id="m2", seat=1, name="B")])


# --- text enters as NFC, without BOM, CRLF or stray outer spaces


def test_decomposed_input_is_normalised_to_nfc() -> None:
    assert DECOMPOSED != COMPOSED
    assert clean_text(DECOMPOSED) == COMPOSED
    item = initiative(title=f"Sa\u0301ng kie\u0302\u0301n {DECOMPOSED}", authors=[{"name": DECOMPOSED, "share": 100}])
    assert item.title == f"Sáng kiến {COMPOSED}"
    assert item.authors[0].name == COMPOSED
    assert unicodedata.is_normalized("NFC", item.title)
    member = Member(id="m6", seat=6, name=DECOMPOSED, title="Tru\u031bo\u031b\u0309ng khoa")
    assert member.name == COMPOSED
    assert member.title == "Trưởng khoa"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Tiêu đề  ", "Tiêu đề"),
        ("\ufeffTiêu đề", "Tiêu đề"),
        ("dòng 1\r\ndòng 2\r\n", "dòng 1\ndòng 2"),
        ("dòng 1\rdòng 2", "dòng 1\ndòng 2"),
        ("\ufeff  " + DECOMPOSED + " \r\n", COMPOSED),
        ("\t", ""),
    ],
)
def test_stray_spaces_crlf_and_bom_are_removed(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean
    assert initiative(description=raw).description == clean


# --- money and dates


@pytest.mark.parametrize(
    ("amount", "vi", "en"),
    [
        (1_250_000, "1.250.000 đồng", "1,250,000 VND"),
        (1_250_000_000, "1.250.000.000 đồng", "1,250,000,000 VND"),
        (0, "0 đồng", "0 VND"),
        (999, "999 đồng", "999 VND"),
        (1_000, "1.000 đồng", "1,000 VND"),
        (86_500_000, "86.500.000 đồng", "86,500,000 VND"),
    ],
)
def test_vnd_formatting(amount: int, vi: str, en: str) -> None:
    assert format_vnd(amount, "vi") == vi
    assert format_vnd(amount, "en") == en
    assert format_vnd(amount) == vi  # the tests run in Vietnamese by default
    set_language("en")
    assert format_vnd(amount) == en


def test_unquantified_benefit_text() -> None:
    assert format_vnd(None, "vi") == "không tính được thành tiền"
    assert format_vnd(None, "en") == "cannot be quantified"


def test_group_thousands_of_negative_amounts() -> None:
    assert group_thousands(-1_250_000, ".") == "-1.250.000"


def test_dates_are_dd_mm_yyyy() -> None:
    assert format_date(dt.date(2026, 3, 5)) == "05/03/2026"
    assert format_date(dt.date(2026, 11, 22)) == "22/11/2026"
    assert format_date(None) == ""
    assert long_date(dt.date(2026, 3, 5), "en") == "5 March 2026"


def test_long_dates_pad_only_days_below_10_and_months_1_and_2() -> None:
    # Decree 30/2020, Appendix I
    assert long_date(dt.date(2026, 5, 14), "vi") == "ngày 14 tháng 5 năm 2026"
    assert long_date(dt.date(2026, 3, 5), "vi") == "ngày 05 tháng 3 năm 2026"
    assert long_date(dt.date(2026, 2, 5), "vi") == "ngày 05 tháng 02 năm 2026"
    assert long_date(dt.date(2026, 1, 31), "vi") == "ngày 31 tháng 01 năm 2026"
    assert long_date(dt.date(2026, 12, 10), "vi") == "ngày 10 tháng 12 năm 2026"
    assert long_date(dt.date(2026, 10, 9), "vi") == "ngày 09 tháng 10 năm 2026"


def test_the_english_long_date_does_not_follow_the_process_locale(monkeypatch) -> None:
    import time

    # date.strftime goes through time.strftime, which follows LC_TIME: a German locale would write "Mai".
    real = time.strftime
    monkeypatch.setattr(time, "strftime", lambda fmt, *args: real(fmt.replace("%B", "Mai"), *args))
    assert dt.date(2026, 5, 14).strftime("%B") == "Mai"  # the stand-in locale is in force
    assert long_date(dt.date(2026, 5, 14), "en") == "14 May 2026"
    assert [long_date(dt.date(2026, m, 1), "en").split()[1] for m in (1, 6, 12)] == ["January", "June", "December"]


def test_times() -> None:
    assert format_time(dt.time(8, 0)) == "08 giờ 00"
    set_language("en")
    assert format_time(dt.time(8, 0)) == "08:00"
    assert format_time(None) == ""


def test_fractions() -> None:
    from fractions import Fraction

    assert format_fraction(Fraction(2, 3)) == "2/3"
    assert format_fraction(Fraction(4, 6)) == "2/3"
    assert format_fraction(Fraction(1, 1)) == "1"


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1.250.000", 1_250_000),
        ("1,250,000", 1_250_000),
        ("1 250 000", 1_250_000),
        ("1\u00a0250\u00a0000", 1_250_000),
        ("1250000", 1_250_000),
        ("  1.250.000 đồng ", 1_250_000),
        ("1.250.000đ", 1_250_000),
        ("86.500.000 VNĐ", 86_500_000),
        ("1,250,000 VND", 1_250_000),
        ("1250000 dong", 1_250_000),
        ("1.250.000 \u0111o\u0302\u0300ng", 1_250_000),  # "đồng" typed decomposed
        ("0", 0),
        ("", None),
        ("   ", None),
        ("đồng", None),
        ("1250000 d", 1_250_000),
        ("không tính được", None),
        ("Không tính được.", None),
    ],
)
def test_parse_vnd(text: str, amount: int | None) -> None:
    assert parse_vnd(text) == amount


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "-5",
        "1,5",  # a decimal, not a thousands group
        "12.5",
        "1.25.000",  # misplaced separators are a typing slip, not 125.000
        "1.250,000",  # mixed separators
        "1.5 triệu",
        "²",
        "1e6",
    ],
)
def test_parse_vnd_refuses_what_is_not_a_whole_amount(text: str) -> None:
    with pytest.raises(DomainError):
        parse_vnd(text)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("05/03/2026", dt.date(2026, 3, 5)),
        ("5/3/2026", dt.date(2026, 3, 5)),
        (" 22/11/2026 ", dt.date(2026, 11, 22)),
        ("22-11-2026", dt.date(2026, 11, 22)),
        ("22.11.2026", dt.date(2026, 11, 22)),
        ("2026-11-22", dt.date(2026, 11, 22)),
        ("29/02/2028", dt.date(2028, 2, 29)),
    ],
)
def test_parse_date(text: str, date: dt.date) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize(
    "text", ["", "22/11/26", "31/02/2026", "29/02/2026", "13/13/2026", "2026/11/22", "22 11 2026", "hôm nay", "1/2"]
)
def test_parse_date_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


def test_date_round_trip() -> None:
    day = dt.date(2026, 1, 1)
    while day.year == 2026:
        assert parse_date(format_date(day)) == day
        day += dt.timedelta(days=1)


# --- language


@pytest.mark.parametrize(
    ("locale_name", "lang"),
    [
        ("vi_VN.UTF-8", "vi"),
        ("vi", "vi"),
        ("VI_VN", "vi"),
        ("en_US.UTF-8", "en"),
        ("C", "en"),
        ("", "en"),
        (None, "en"),
    ],
)
def test_language_from_locale(locale_name: str | None, lang: str) -> None:
    assert language_from_locale(locale_name) == lang


def test_domain_error_speaks_the_current_language() -> None:
    error = DomainError("error.no_quorum", present=4, needed=5)
    assert str(error) == "Không đủ số lượng: có mặt 4 thành viên biểu quyết, cần 5. Không thể mở biểu quyết."
    set_language("en")
    assert str(error) == "No quorum: 4 voting members present, 5 needed. A poll cannot be opened."


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        set_language("fr")


def test_labels() -> None:
    set_language("en")
    assert rule_summary(Rulebook()) == "yes votes: at least 2/3 of eligible members (voting members minus the recused)"


# --- the catalogue: every key used exists in both languages, with the same parameters

SOURCE_DIRS = ("models", "sessions", "tui", "cli")
CATALOGUE = ROOT / "models" / "i18n"
LITERAL_KEY = re.compile(r"""\b(?:t|DomainError)\(\s*["']([^"'{}]+)["']""")
# Keys chosen in a variable before t()/DomainError() is called, e.g. key = "error.override_no_poll" if ...
PREFIXED_LITERAL = re.compile(r"""["']((?:error|minutes|rule|verify|cli)\.[a-z0-9_]+)["']""")


def _sources() -> list[Path]:
    files = []
    for folder in SOURCE_DIRS:
        files += [p for p in (ROOT / folder).rglob("*.py") if p.parent != CATALOGUE]
    return sorted(files)


def _used_keys() -> dict[str, list[str]]:
    used: dict[str, list[str]] = {}
    for path in _sources():
        text = path.read_text(encoding="utf-8")
        for pattern in (LITERAL_KEY, PREFIXED_LITERAL):
            for key in pattern.findall(text):
                used.setdefault(key, []).append(str(path.relative_to(ROOT)))
    return used


def _dynamic_keys() -> list[str]:
    """Keys the code builds from values: f"role.{role.value}" and the like."""
    keys = [f"role.{v.value}" for v in Role]
    keys += [f"presence.{v.value}" for v in Presence]
    keys += [f"type.{v.value}" for v in InitiativeType]
    keys += [f"conclusion.{v.value}" for v in Conclusion] + ["conclusion.none"]
    keys += [f"scope.{v.value}" for v in Scope]
    keys += [f"mode.{v.value}" for v in PollMode]
    keys += [f"status.{v.value}" for v in SessionStatus]
    keys += [f"base.{v.value}" for v in PassBase]
    keys += [v.value for v in Choice]  # t(choice.value) in the minutes
    keys += [f"verify.reason_{r}" for r in ("hash", "chain", "unreadable", "checkpoint")]
    return keys


def test_the_scan_finds_keys() -> None:
    used = _used_keys()
    # a scan that found nothing would make the next test pass vacuously
    assert {"error.shares", "error.no_quorum", "minutes.title", "cli.exported", "error.override_no_poll"} <= set(used)


def test_every_key_used_in_the_code_is_in_the_catalogue() -> None:
    missing = {key: files for key, files in _used_keys().items() if not has_key(key)}
    assert not missing, f"keys used but not in the catalogue: {missing}"


def test_every_key_built_from_enums_is_in_the_catalogue() -> None:
    missing = [key for key in _dynamic_keys() if not has_key(key)]
    assert not missing


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_languages_accept_the_same_parameters() -> None:
    different = {
        key: (sorted(_fields(en)), sorted(_fields(vi)))
        for key, (en, vi) in MESSAGES.items()
        if _fields(en) != _fields(vi)
    }
    assert not different


def test_every_text_is_present_and_nfc_in_both_languages() -> None:
    for key, (en, vi) in MESSAGES.items():
        # an empty text (e.g. a placeholder left blank on purpose) must be empty in both languages
        assert bool(en.strip()) == bool(vi.strip()), key
        assert unicodedata.is_normalized("NFC", vi), key
        assert unicodedata.is_normalized("NFC", en), key


def _calls_with_literal_keys() -> list[tuple[str, str, set[str], bool]]:
    """(file:line, key, keyword names given, whether **kwargs is passed) for t("...") / DomainError("...")."""
    found = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            first = node.args[0]
            if name not in ("t", "DomainError") or not isinstance(first, ast.Constant):
                continue
            if not isinstance(first.value, str):
                continue
            given = {k.arg for k in node.keywords if k.arg}
            spread = any(k.arg is None for k in node.keywords)
            found.append((f"{path.relative_to(ROOT)}:{node.lineno}", first.value, given, spread))
    return found


def test_every_call_passes_the_parameters_its_text_needs() -> None:
    calls = _calls_with_literal_keys()
    assert len(calls) > 50
    problems = []
    for where, key, given, spread in calls:
        if spread or not has_key(key):
            continue
        en, _ = MESSAGES[key]
        needed = _fields(en)
        # a call without parameters shows the template raw; with some but not all it raises KeyError
        if needed - given:
            problems.append(f"{where} {key}: missing {sorted(needed - given)}")
    assert not problems, "\n".join(problems)


def test_t_fills_parameters_in_both_languages() -> None:
    assert t("error.unknown_session", session="x", known="a, b") == "Không có phiên họp x. Các phiên họp hiện có: a, b."
    assert t("error.unknown_session", lang="en", session="x", known="a, b") == (
        "There is no session x. Known sessions: a, b."
    )
