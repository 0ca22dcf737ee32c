"""Locale-aware formatting of money, dates and fractions."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from models.i18n import current_language, t


def group_thousands(amount: int, separator: str) -> str:
    """Write ``amount`` with ``separator`` between groups of three digits."""
    sign = "-" if amount < 0 else ""
    digits = str(abs(amount))
    groups = []
    while digits:
        groups.append(digits[-3:])
        digits = digits[:-3]
    return sign + separator.join(reversed(groups))


def format_vnd(amount: int | None, lang: str | None = None) -> str:
    """``1.250.000 đồng`` in Vietnamese, ``1,250,000 VND`` in English; None means not quantified."""
    lang = lang or current_language()
    if amount is None:
        return t("benefit.unquantified", lang=lang)
    if lang == "vi":
        return f"{group_thousands(amount, '.')} đồng"
    return f"{group_thousands(amount, ',')} VND"


def format_date(value: dt.date | None) -> str:
    """DD/MM/YYYY, the form Vietnamese offices use (and English minutes keep)."""
    return value.strftime("%d/%m/%Y") if value else ""


def format_time(value: dt.time | None) -> str:
    """HH:MM, or HHgMM in Vietnamese documents."""
    if value is None:
        return ""
    if current_language() == "vi":
        return f"{value.hour:02d} giờ {value.minute:02d}"
    return value.strftime("%H:%M")


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""English month names, written out here: ``strftime("%B")`` follows the process's locale."""


def long_date(value: dt.date, lang: str | None = None) -> str:
    """``ngày 05 tháng 3 năm 2026``, ``ngày 14 tháng 02 năm 2026`` in Vietnamese; ``5 March 2026`` in English.

    Decree 30/2020 (Appendix I): a leading zero only for days below 10 and for months 1 and 2
    (so that "tháng 1" cannot be read as the start of "tháng 10" or "tháng 11", nor "tháng 2" of "tháng 12").
    """
    lang = lang or current_language()
    if lang == "vi":
        month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
        return f"ngày {value.day:02d} tháng {month} năm {value.year}"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def counted(count: int, key: str, lang: str | None = None) -> str:
    """``3 initiatives``, ``1 initiative``: a count and its noun, whose catalogue entry holds the English
    forms as ``singular|plural`` (Vietnamese nouns have one form)."""
    forms = t(key, lang=lang).split("|")
    return f"{count} {forms[0] if count == 1 or len(forms) == 1 else forms[1]}"


def format_decimal(value: Fraction, lang: str | None = None) -> str:
    """A whole number as it is, else two decimals: ``4,67`` in Vietnamese, ``4.67`` in English."""
    if value.denominator == 1:
        return str(value.numerator)
    hundredths = round(value * 100)
    text = f"{hundredths // 100}.{hundredths % 100:02d}"
    return text.replace(".", ",") if (lang or current_language()) == "vi" else text


def format_fraction(value: Fraction) -> str:
    """``2/3`` or ``1/2``; whole numbers without a denominator."""
    if value.denominator == 1:
        return str(value.numerator)
    return f"{value.numerator}/{value.denominator}"


def parse_date(text: str) -> dt.date:
    """Read DD/MM/YYYY (also with - or .) or ISO YYYY-MM-DD. Raises ValueError."""
    cleaned = text.strip()
    if len(cleaned) == 10 and cleaned[4] == "-":
        return dt.date.fromisoformat(cleaned)
    for sep in ("/", "-", "."):
        parts = cleaned.split(sep)
        if len(parts) == 3 and all(p.isascii() and p.isdigit() for p in parts):
            day, month, year = (int(p) for p in parts)
            if year < 100:
                raise ValueError(text)
            return dt.date(year, month, day)
    raise ValueError(text)


def capitalised(text: str) -> str:
    """``text`` with its first letter a capital, the rest as written: for a label that starts a line or sentence."""
    return text[:1].upper() + text[1:]
