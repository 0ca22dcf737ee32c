"""Column headers as people write them, in Vietnamese and English, with or without diacritics.

Headers are compared after ``header_key`` (lower case, no diacritics, no punctuation); a header
also matches when it starts with a known one (``Tên sáng kiến/giải pháp`` is the title).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models.parsing import fold, header_key
from sessions.importing.reader import Cell, Sheet

IGNORED = ("stt", "tt", "so tt", "so thu tu", "no", "#", "order")

INITIATIVE_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("ma so", "ma", "ma sang kien", "ma so sang kien", "so hieu", "code", "initiative code"),
    "title": (
        "ten sang kien",
        "ten giai phap",
        "ten de tai",
        "ten",
        "title",
        "initiative",
        "initiative title",
        "name of initiative",
    ),
    "type": ("loai giai phap", "loai", "loai hinh", "type", "initiative type", "kind"),
    "field": ("linh vuc", "linh vuc ap dung", "field", "field of application"),
    "category": ("nhom", "nhom sang kien", "phan loai", "category", "campaign category"),
    "unit": ("don vi", "don vi de nghi", "don vi cong tac", "co quan", "khoa phong", "unit", "submitting unit"),
    "authors": ("tac gia", "cac tac gia", "tac gia dong tac gia", "author", "authors", "author share"),
    "first_applied": (
        "ngay ap dung lan dau",
        "ngay ap dung",
        "ngay ap dung thu",
        "thoi gian ap dung",
        "first applied",
        "date first applied",
        "first application date",
    ),
    "description": ("mo ta", "noi dung", "tom tat", "tom tat noi dung", "mo ta giai phap", "description", "summary"),
    "conditions": ("dieu kien ap dung", "dieu kien can thiet", "dieu kien", "conditions", "conditions needed"),
    "benefit_text": ("hieu qua", "loi ich", "hieu qua dat duoc", "loi ich thu duoc", "benefit", "benefits"),
    "benefit_vnd": (
        "gia tri lam loi",
        "so tien lam loi",
        "gia tri lam loi dong",
        "hieu qua dong",
        "hieu qua vnd",
        "loi ich dong",
        "benefit vnd",
        "benefit amount",
        "amount",
        "amount vnd",
    ),
    "confidential": ("thong tin bao mat", "bao mat", "noi dung bao mat", "confidential", "confidential parts"),
    "first_application_people": (
        "nguoi tham gia ap dung lan dau",
        "nguoi tham gia ap dung thu",
        "nguoi ap dung lan dau",
        "first application people",
        "people in first application",
    ),
}

AUTHOR_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": (*INITIATIVE_COLUMNS["code"], "initiative"),
    "name": ("ho va ten", "ho ten", "ten tac gia", "tac gia", "ten", "name", "full name", "author"),
    "share": ("ty le", "ty le dong gop", "ti le", "ti le dong gop", "%", "phan tram", "share", "contribution"),
    "birth_date": ("ngay sinh", "ngay thang nam sinh", "date of birth", "birth date", "born"),
    "workplace": ("noi cong tac", "co quan", "don vi", "workplace", "place of work", "unit"),
    "position": ("chuc danh", "chuc vu", "position", "job title"),
    "qualification": ("trinh do chuyen mon", "trinh do", "qualification"),
    "member": (
        "thanh vien hoi dong",
        "thanh vien hd",
        "la thanh vien hoi dong",
        "council member",
        "member",
    ),
}

MEMBER_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("ma thanh vien", "ma", "id", "member id"),
    "seat": ("so ghe", "ghe", "seat", "seat number"),
    "order": IGNORED,
    "name": ("ho va ten", "ho ten", "ten", "name", "full name"),
    "role": (
        "vai tro",
        "chuc danh trong hoi dong",
        "chuc vu trong hoi dong",
        "nhiem vu",
        "vi tri trong hoi dong",
        "role",
        "role in council",
    ),
    "title": ("chuc vu", "chuc danh", "chuc vu chuc danh", "hoc ham hoc vi chuc vu", "position", "title"),
    "unit": ("don vi", "don vi cong tac", "noi cong tac", "co quan", "unit", "workplace"),
    "voting": ("bieu quyet", "co quyen bieu quyet", "quyen bieu quyet", "voting", "votes", "may vote"),
    "pin": ("pin", "ma pin"),
}

INITIATIVE_SHEETS = ("sang kien", "danh sach sang kien", "initiatives", "initiative")
AUTHOR_SHEETS = ("tac gia", "danh sach tac gia", "dong tac gia", "authors", "author")
MEMBER_SHEETS = ("thanh vien", "danh sach thanh vien", "thanh vien hoi dong", "hoi dong", "members", "member")

HEADER_SEARCH_ROWS = 15


def _full_key(text: str) -> str:
    """The header with parenthesised hints kept: ``Benefit (VND)`` gives ``benefit vnd``."""
    return header_key(fold(text).replace("(", " ").replace(")", " ").replace("[", " ").replace("]", " "))


def match_header(text: str, columns: dict[str, tuple[str, ...]]) -> str | None:
    """The field a header names, or None."""
    keys = [_full_key(text), header_key(text)]
    for key in keys:
        for name, aliases in columns.items():
            if key in aliases:
                return name
    best, length = None, 0
    stripped = keys[1]
    for name, aliases in columns.items():
        for alias in aliases:
            if len(alias) > 3 and stripped.startswith(alias + " ") and len(alias) > length:
                best, length = name, len(alias)
    return best


@dataclass
class HeaderRow:
    """Where the headers are and which column holds which field."""

    row: int
    fields: dict[str, int] = field(default_factory=dict)  # field -> column index
    headers: dict[int, str] = field(default_factory=dict)  # column index -> header text
    unknown: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, list[int]]] = field(default_factory=list)

    def header(self, field_name: str) -> str:
        return self.headers.get(self.fields.get(field_name, -1), "")


def cell_text(cell: Cell) -> str:
    return "" if cell.value is None else str(cell.value)


def column_letter(index: int) -> str:
    # openpyxl is imported when a spreadsheet is read, not by every `council` command at start.
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def read_headers(cells: list[Cell], row: int, columns: dict[str, tuple[str, ...]]) -> HeaderRow:
    result = HeaderRow(row=row)
    seen: dict[str, list[int]] = {}
    for index, cell in enumerate(cells):
        text = " ".join(cell_text(cell).split())
        if not text:
            continue
        result.headers[index] = text
        name = match_header(text, columns)
        if name is None:
            if header_key(text) not in IGNORED:
                result.unknown.append(text)
            continue
        seen.setdefault(name, []).append(index)
    for name, indexes in seen.items():
        result.fields[name] = indexes[0]
        if len(indexes) > 1:
            result.duplicates.append((name, indexes))
    return result


def find_header_row(sheet: Sheet, columns: dict[str, tuple[str, ...]], required: str) -> HeaderRow | None:
    """The first of the top rows naming ``required`` and another known column (skips title rows above)."""
    for number, cells in sheet.rows[:HEADER_SEARCH_ROWS]:
        headers = read_headers(cells, number, columns)
        if required in headers.fields and len(headers.fields) >= 2:
            return headers
    return None


def sheet_named(sheets: list[Sheet], names: tuple[str, ...]) -> Sheet | None:
    return next((s for s in sheets if header_key(s.name) in names), None)


def score(sheet: Sheet, columns: dict[str, tuple[str, ...]]) -> int:
    """How many known columns the best of the top rows names (to tell initiatives from members)."""
    best = 0
    for number, cells in sheet.rows[:HEADER_SEARCH_ROWS]:
        best = max(best, len(read_headers(cells, number, columns).fields))
    return best
