"""Reading what people type or paste: dates, amounts, shares, authors, roles, and as-you-type checks.

Everything here is pure. A parser returns a value or raises ``DomainError`` whose message says what
to type instead; ``validate_field`` turns that into the translated text a form shows under a field.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from models.council import Member, Role
from models.errors import DomainError
from models.formatting import format_date, format_vnd, parse_date
from models.i18n import t
from models.initiative import CAMPAIGN_CATEGORIES, Author, InitiativeType
from models.session import Invitee
from models.text import TITLE_MAX, clean_text

# --- text


def squash(value: str) -> str:
    """One line of text: NFC, no BOM, every run of spaces, tabs or line breaks made one space."""
    return re.sub(r"\s+", " ", clean_text(value.replace("\u00a0", " "))).strip()


def one_line(value: str) -> str:
    """``squash`` without control characters (a bell or an escape pasted into a one-line field)."""
    return "".join(c for c in squash(value) if unicodedata.category(c) != "Cc")


def fold(value: str) -> str:
    """A key for matching typed words: squashed, lower case, without diacritics (đ becomes d)."""
    text = unicodedata.normalize("NFD", squash(value).lower().replace("đ", "d"))
    return "".join(c for c in text if not unicodedata.combining(c))


def header_key(value: str) -> str:
    """A column header reduced for matching: folded, parenthesised hints and punctuation dropped."""
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", fold(value))
    text = re.sub(r"[^0-9a-z%]+", " ", text)
    return " ".join(text.split())


# --- single values

UNQUANTIFIED = frozenset(
    {
        "khong tinh duoc",
        "khong tinh duoc thanh tien",
        "chua tinh duoc",
        "khong xac dinh duoc",
        "khong dinh luong duoc",
        "cannot be quantified",
        "not quantified",
        "unquantified",
        "n/a",
        "na",
        "-",
        "--",
    }
)
_AMOUNT_SUFFIXES = ("vnd", "vnđ", "dong", "đồng", "đ", "d")
_GROUPED = re.compile(r"^\d{1,3}([., ]\d{3})+$")


def is_unquantified(text: str) -> bool:
    """Blank or 'không tính được' (and the like): a benefit that cannot be put in money."""
    return not squash(text) or fold(text).rstrip(".") in UNQUANTIFIED


MAX_AMOUNT = 10**15
"""The largest benefit in đồng accepted (a million billion): anything above is a typing slip, not an initiative."""
EARLIEST_DATE = dt.date(1975, 1, 1)
"""The earliest first-application or decision date accepted."""
EARLIEST_BIRTH = dt.date(1900, 1, 1)
LATEST_AHEAD = dt.timedelta(days=366)
"""How far after the session (or today) a first-application date may be: planned, not yet applied."""


def check_amount(amount: int | None, text: str = "") -> int | None:
    """``amount`` when it is a benefit that can exist (0 to MAX_AMOUNT đồng)."""
    if amount is not None and not 0 <= amount <= MAX_AMOUNT:
        raise DomainError("prep.err.amount_too_big", text=text or str(amount), limit=format_vnd(MAX_AMOUNT))
    return amount


def check_date_range(value: dt.date | None, reference: dt.date | None = None, *, birth: bool = False) -> dt.date | None:
    """``value`` when it lies from 1975 (1900 for a birth date) to a year after ``reference`` (the session's
    date, else today; a birth date must be before it)."""
    if value is None:
        return None
    reference = reference or dt.date.today()
    first, last = (EARLIEST_BIRTH, reference) if birth else (EARLIEST_DATE, reference + LATEST_AHEAD)
    if not first <= value <= last:
        raise DomainError(
            "prep.err.date_range", date=format_date(value), first=format_date(first), last=format_date(last)
        )
    return value


def parse_amount(text: str) -> int | None:
    """An amount in đồng typed with or without thousand separators; None when not quantified.

    The one amount parser: forms, imports and the findings all read money here. Separators must
    group by three (``1.250.000``, ``1,250,000``, ``1 250 000``), so ``12.5`` is refused rather than
    read as 125.
    """
    if is_unquantified(text):
        return None
    cleaned = squash(text).lower()
    for suffix in _AMOUNT_SUFFIXES:
        if cleaned.endswith(suffix):
            cleaned = cleaned[: -len(suffix)].strip()
            break
    if not cleaned:
        return None  # "đồng" alone: no amount typed
    if cleaned.isascii() and cleaned.isdigit():
        return check_amount(int(cleaned) if len(cleaned) <= 30 else MAX_AMOUNT + 1, squash(text))
    if _GROUPED.match(cleaned) and len(set(re.findall(r"[., ]", cleaned))) == 1:
        digits = re.sub(r"[., ]", "", cleaned)
        return check_amount(int(digits) if len(digits) <= 30 else MAX_AMOUNT + 1, squash(text))
    raise DomainError("error.amount", text=squash(text))


def parse_date_text(text: str) -> dt.date:
    """DD/MM/YYYY (also with - or .) or YYYY-MM-DD."""
    cleaned = squash(text)
    try:
        return parse_date(cleaned)
    except ValueError as exc:
        raise DomainError("error.date", text=cleaned) from exc


def parse_optional_date(text: str) -> dt.date | None:
    return parse_date_text(text) if squash(text) else None


_TIME = re.compile(r"^(\d{1,2})\s*(?::|h|g|giờ|gio|\.)\s*(\d{2})?\s*(?:phút|phut|p)?$")


def parse_time(text: str) -> dt.time | None:
    """A start time: ``14:00``, ``14h00``, ``14h``, ``14 giờ 00``; blank means not set."""
    cleaned = squash(text).lower()
    if not cleaned:
        return None
    match = _TIME.match(cleaned) or re.match(r"^(\d{1,2})()$", cleaned)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
    raise DomainError("prep.err.time", text=squash(text))


_SHARE = re.compile(r"^(\d+(?:[.,]\d+)?)\s*%?$")


def shown_short(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters for a message: a value of thousands of characters is named, not echoed."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_share(text: str) -> int:
    """A contribution share in whole percent, 1 to 100: ``60``, ``60%``, ``60,0 %``."""
    cleaned = squash(text)
    match = _SHARE.match(cleaned)
    if not match:
        raise DomainError("prep.err.share", text=shown_short(cleaned))
    if len(match.group(1)) > 12:  # 99999999999999999999%: refused as out of range, not turned into a float
        raise DomainError("prep.err.share", text=shown_short(cleaned))
    number = float(match.group(1).replace(",", "."))
    if number != int(number):
        raise DomainError("prep.err.share_whole", text=cleaned)
    if not 1 <= number <= 100:
        raise DomainError("prep.err.share", text=cleaned)
    return int(number)


def parse_seat(text: str) -> int:
    """A seat number, 1 to 99."""
    cleaned = squash(text)
    if cleaned.endswith(".0"):
        cleaned = cleaned[:-2]
    if cleaned.isascii() and cleaned.isdigit() and 1 <= int(cleaned) <= 99:
        return int(cleaned)
    raise DomainError("prep.err.seat", text=cleaned)


_YES = frozenset({"x", "co", "yes", "y", "true", "1", "v", "dung", "✓", "✔"})
_NO = frozenset({"khong", "no", "n", "false", "0", "k"})


def parse_yes_no(text: str, default: bool = True) -> bool:
    """``có``/``x``/``yes`` or ``không``/``no``; blank gives ``default``."""
    key = fold(text)
    if not key:
        return default
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise DomainError("prep.err.yes_no", text=squash(text))


def _labels(prefix: str, values: Iterable[str]) -> dict[str, str]:
    """Folded label in either language -> value, from the catalogue."""
    table = {}
    for value in values:
        table[fold(value)] = value
        table[fold(value.replace("_", " "))] = value
        for lang in ("vi", "en"):
            table[fold(t(f"{prefix}.{value}", lang=lang))] = value
    return table


_TYPE_WORDS = {
    "giai phap ky thuat": "technical",
    "ky thuat": "technical",
    "gpkt": "technical",
    "technical solution": "technical",
    "giai phap quan ly": "management",
    "quan ly": "management",
    "gpql": "management",
    "giai phap tac nghiep": "procedure",
    "tac nghiep": "procedure",
    "quy trinh": "procedure",
    "procedure": "procedure",
    "giai phap ung dung tien bo ky thuat": "tech_advance",
    "ung dung tien bo ky thuat": "tech_advance",
    "tien bo ky thuat": "tech_advance",
    "technical advance": "tech_advance",
    "applying a technical advance": "tech_advance",
}


def parse_type(text: str) -> InitiativeType:
    """One of the four legal types, by its name in Vietnamese or English, with or without diacritics."""
    key = fold(text).rstrip(".")
    table = {**_labels("type", [k.value for k in InitiativeType]), **_TYPE_WORDS}
    if key in table:
        return InitiativeType(table[key])
    choices = "; ".join(t(f"type.{k.value}") for k in InitiativeType)
    raise DomainError("prep.err.type", text=squash(text), choices=choices)


_ROLE_WORDS = {
    "chu tich": "chair",
    "chu tich hd": "chair",
    "chu tich hoi dong": "chair",
    "pho chu tich": "vice_chair",
    "pho chu tich hd": "vice_chair",
    "thu ky": "secretary",
    "uy vien thu ky": "secretary",
    "thu ky hoi dong": "secretary",
    "uy vien": "member",
    "thanh vien": "member",
    "uy vien hoi dong": "member",
    "chuyen gia": "expert",
    "uy vien chuyen gia": "expert",
    "expert": "expert",
    "vice chair": "vice_chair",
}


def parse_role(text: str) -> Role:
    """A council role by its Vietnamese or English name; blank means an ordinary member."""
    key = re.sub(r"[()]", " ", fold(text)).strip().rstrip(".")
    key = " ".join(key.split())
    if not key:
        return Role.MEMBER
    table = {**_labels("role", [r.value for r in Role]), **_ROLE_WORDS}
    if key in table:
        return Role(table[key])
    choices = "; ".join(t(f"role.{r.value}") for r in Role)
    raise DomainError("prep.err.role", text=squash(text), choices=choices)


def canonical_category(text: str) -> str:
    """A known campaign category in its usual spelling (typed without diacritics or in other case); others as typed.

    Categories are data: nothing translates them, on the way in or out.
    """
    key = fold(text)
    for known in CAMPAIGN_CATEGORIES:
        if key == fold(known):
            return known
    return squash(text)


def parse_code(text: str, taken: Collection[str] = ()) -> str:
    """An initiative code: required, one line, not already used (case ignored)."""
    code = squash(text)
    if not code:
        raise DomainError("prep.err.code_empty")
    if len(code) > 40:
        raise DomainError("prep.err.too_long", limit=40)
    if fold(code) in {fold(c) for c in taken}:
        raise DomainError("prep.err.code_taken", code=code)
    return code


def parse_required(text: str, key: str = "prep.err.required") -> str:
    value = squash(text)
    if not value:
        raise DomainError(key)
    return value


def parse_session_title(text: str) -> str:
    """A session's title: one line, not empty, at most TITLE_MAX characters (the minutes' title is built on it)."""
    value = parse_required(text, "prep.err.session_title_empty")
    if len(value) > TITLE_MAX:
        raise DomainError("prep.err.title_too_long", length=len(value), limit=TITLE_MAX)
    return value


# --- authors

MEMBER_MARKERS = frozenset({"tv", "thanh vien", "thanh vien hd", "uy vien", "member", "x", "hd", "*"})
_BRACKETS = re.compile(r"\[([^\]]*)\]")
# Any number of digits: "(99999999999999999999%)" is a share out of range, not part of the author's name.
_PAREN_SHARE = re.compile(r"\(\s*(\d+(?:[.,]\d+)?\s*%?)\s*\)")
_TAIL_SHARE = re.compile(r"(?:^|[\s:\-–])\s*(\d+(?:[.,]\d+)?\s*%)\s*$")


@dataclass(frozen=True)
class AuthorEntry:
    """One author as typed: name, share (None when not given), and a member reference if marked."""

    name: str
    share: int | None = None
    member_ref: str | None = None


def _split_author_text(text: str) -> list[str]:
    cleaned = clean_text(text)
    if re.search(r"[;\n]", cleaned):
        return [c for c in re.split(r"[;\n]", cleaned) if squash(c)]
    chunks, depth, current = [], 0, ""
    for char in cleaned:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        if char == "," and depth <= 0:
            chunks.append(current)
            current = ""
        else:
            current += char
    chunks.append(current)
    return [c for c in chunks if squash(c)]


NAME_MAX = 100
"""The longest person's name accepted (Vietnamese names run to about 40 characters): longer is a slip, not a name."""


def split_authors(text: str) -> list[AuthorEntry]:
    """Read ``Nguyễn Văn A (60%); Trần Thị B (40%) [m3]`` into entries; shares are not checked here.

    Authors are separated by ``;`` or line breaks (or commas when neither is used); the share is in
    brackets or after the name with a ``%``; ``[m3]``, ``[3]`` or ``[TV]`` marks a council member.
    """
    entries = []
    for chunk in _split_author_text(text):
        refs = [squash(r) for r in _BRACKETS.findall(chunk)]
        rest = _BRACKETS.sub(" ", chunk)
        share_text = None
        matches = list(_PAREN_SHARE.finditer(rest))
        if matches:
            share_text = matches[-1].group(1)
            rest = rest[: matches[-1].start()] + " " + rest[matches[-1].end() :]
        else:
            tail = _TAIL_SHARE.search(rest)
            if tail:
                share_text = tail.group(1)
                rest = rest[: tail.start()]
        name = squash(rest).strip(" -–:,")
        if not name or re.fullmatch(r"[\d\s%.,()]+", name):
            raise DomainError("prep.err.author_chunk", text=shown_short(squash(chunk)))
        if len(name) > NAME_MAX:
            raise DomainError("prep.err.name_too_long", name=shown_short(name), length=len(name), limit=NAME_MAX)
        if len(refs) > 1:
            raise DomainError("prep.err.author_chunk", text=squash(chunk))
        share = parse_share(share_text) if share_text is not None else None
        entries.append(AuthorEntry(name=name, share=share, member_ref=refs[0] if refs else None))
    if not entries:
        raise DomainError("prep.err.authors_empty")
    return entries


def find_member(ref: str, name: str, members: Iterable[Member]) -> Member:
    """The member an author is marked as: by id, by seat number, or (with a bare marker) by name."""
    members = list(members)
    key = fold(ref)
    by_id = next((m for m in members if fold(m.id) == key), None)
    if by_id is not None:
        return by_id
    if key.isascii() and key.isdigit():
        by_seat = next((m for m in members if m.seat == int(key)), None)
        if by_seat is not None:
            return by_seat
    wanted = fold(name) if key in MEMBER_MARKERS else key
    by_name = [m for m in members if fold(m.name) == wanted]
    if len(by_name) == 1:
        return by_name[0]
    known = ", ".join(f"{m.id} ({m.seat}: {m.name})" for m in sorted(members, key=lambda m: m.seat)) or "-"
    shown = name if key in MEMBER_MARKERS else squash(ref)
    raise DomainError("prep.err.unknown_member", name=shown, known=known)


def check_shares(shares: list[int]) -> None:
    total = sum(shares)
    if total != 100:
        raise DomainError("prep.err.shares_total", total=total)


def authors_from_entries(entries: list[AuthorEntry], members: Iterable[Member] | None = None) -> list[Author]:
    """Authors with shares adding up to 100; a single author without a share gets 100%.

    Member references are resolved when ``members`` is given (left unresolved otherwise).
    """
    if not entries:
        raise DomainError("prep.err.authors_empty")
    if len(entries) == 1 and entries[0].share is None:
        entries = [AuthorEntry(entries[0].name, 100, entries[0].member_ref)]
    missing = [e.name for e in entries if e.share is None]
    if missing:
        raise DomainError("prep.err.shares_missing", names=", ".join(missing))
    check_shares([e.share or 0 for e in entries])
    authors, seen = [], set()
    for entry in entries:
        member_id = None
        if entry.member_ref is not None and members is not None:
            member_id = find_member(entry.member_ref, entry.name, members).id
            if member_id in seen:
                raise DomainError("prep.err.member_twice", name=entry.name)
            seen.add(member_id)
        authors.append(Author(name=entry.name, share=entry.share or 0, member_id=member_id))
    return authors


def parse_authors(text: str, members: Iterable[Member] | None = None) -> list[Author]:
    """``Nguyễn Văn A (60%); Trần Thị B (40%)`` into checked authors."""
    return authors_from_entries(split_authors(text), members)


def format_authors(authors: Iterable[Author], with_members: bool = True) -> str:
    """The text ``parse_authors`` reads back: ``Nguyễn Văn A (60%); Lê Hoàng Nam (40%) [m3]``."""
    parts = []
    for a in authors:
        mark = f" [{a.member_id}]" if with_members and a.member_id else ""
        parts.append(f"{a.name} ({a.share}%){mark}")
    return "; ".join(parts)


def member_namesakes(authors: Iterable[Author], members: Iterable[Member]) -> list[tuple[Author, Member]]:
    """Authors not marked as members who share a name with one: likely a missing recusal."""
    by_name = {fold(m.name): m for m in members}
    return [(a, by_name[fold(a.name)]) for a in authors if not a.member_id and fold(a.name) in by_name]


# --- invitees


def parse_invitees(text: str) -> list[Invitee]:
    """One invitee a line: ``Name, position`` (the position may itself hold commas)."""
    invitees = []
    for line in clean_text(text).split("\n"):
        if not squash(line):
            continue
        name, _, position = line.partition(",")
        if not squash(name):
            raise DomainError("prep.err.invitee", text=squash(line))
        invitees.append(Invitee(name=squash(name), position=squash(position)))
    return invitees


def format_invitees(invitees: Iterable[Invitee]) -> str:
    return "\n".join(f"{i.name}, {i.position}" if i.position else i.name for i in invitees)


# --- as-you-type checks


def _check_title(text: str) -> object:
    value = parse_required(text, "prep.err.title_empty")
    if len(value) > 500:
        raise DomainError("prep.err.too_long", limit=500)
    return value


FIELD_CHECKS = {
    "code": lambda text, ctx: parse_code(text, ctx.get("taken_codes", ())),
    "title": lambda text, ctx: _check_title(text),
    "name": lambda text, ctx: parse_required(text, "prep.err.name_empty"),
    "session_title": lambda text, ctx: parse_session_title(text),
    "date": lambda text, ctx: parse_date_text(text),
    "optional_date": lambda text, ctx: parse_optional_date(text),
    "first_applied": lambda text, ctx: check_date_range(parse_optional_date(text), ctx.get("session_date")),
    "birth_date": lambda text, ctx: check_date_range(parse_optional_date(text), ctx.get("session_date"), birth=True),
    "decision_date": lambda text, ctx: check_date_range(parse_optional_date(text), ctx.get("session_date")),
    "time": lambda text, ctx: parse_time(text),
    "start_time": lambda text, ctx: parse_time(text),
    "amount": lambda text, ctx: parse_amount(text),
    "benefit_vnd": lambda text, ctx: parse_amount(text),
    "share": lambda text, ctx: parse_share(text),
    "authors": lambda text, ctx: parse_authors(text, ctx.get("members")),
    "type": lambda text, ctx: parse_type(text),
    "role": lambda text, ctx: parse_role(text),
    "seat": lambda text, ctx: _check_seat(text, ctx.get("taken_seats", ())),
    "voting": lambda text, ctx: parse_yes_no(text),
    "invitees": lambda text, ctx: parse_invitees(text),
}
"""Field name -> check(text, context) returning the parsed value or raising DomainError."""


def _check_seat(text: str, taken: Collection[int]) -> int:
    seat = parse_seat(text)
    if seat in taken:
        raise DomainError("prep.err.seat_taken", seat=seat)
    return seat


def validate_field(
    name: str,
    text: str,
    *,
    members: Iterable[Member] | None = None,
    taken_codes: Collection[str] = (),
    taken_seats: Collection[int] = (),
) -> str | None:
    """The translated error for ``text`` typed in field ``name``, or None when it is fine.

    Fields not listed in ``FIELD_CHECKS`` (free text such as description) are always fine.
    ``members`` checks author member marks; ``taken_codes``/``taken_seats`` catch duplicates.
    """
    check = FIELD_CHECKS.get(name)
    if check is None:
        return None
    context = {"members": list(members) if members is not None else None}
    context |= {"taken_codes": taken_codes, "taken_seats": taken_seats}
    try:
        check(text, context)
    except DomainError as error:
        return str(error)
    return None


def parse_field(name: str, text: str, **context: object) -> object:
    """The parsed value of field ``name`` (raises DomainError like ``validate_field`` reports)."""
    check = FIELD_CHECKS.get(name)
    return squash(text) if check is None else check(text, context)


class FormErrors(DomainError):
    """Several fields of one form are wrong; ``errors`` maps each field name to its DomainError.

    ``form`` (initiative, session or member) picks the field labels used in ``str()``.
    """

    def __init__(self, errors: Mapping[str, DomainError], form: str = "initiative") -> None:
        self.errors = dict(errors)
        self.form = form
        super().__init__("prep.err.form", count=len(self.errors))

    @property
    def messages(self) -> dict[str, str]:
        """Field name -> translated message, for showing under each input."""
        return {name: str(error) for name, error in self.errors.items()}

    def __str__(self) -> str:
        lines = [t("prep.err.form", count=len(self.errors))]
        lines += [f"- {field_label(name, self.form)}: {error}" for name, error in self.errors.items()]
        return "\n".join(lines)


def field_label(name: str, form: str = "initiative") -> str:
    """The translated label of a form field (``form``: initiative, session or member)."""
    key = f"prep.field.{form}.{name}"
    label = t(key)
    return name if label == key else label


def field_hint(name: str) -> str:
    """An example of what to type in a field (a placeholder), or an empty string."""
    key = f"prep.hint.{name}"
    hint = t(key)
    return "" if hint == key else hint
