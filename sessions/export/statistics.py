"""Statistics as a printed table, an Excel workbook or a CSV file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from models.formatting import group_thousands
from models.i18n import current_language, t
from sessions.export.meta import session_moment
from sessions.report_file import write_report
from sessions.stats import Bucket, Statistics, compute_stats, council_unit, load_records


def _columns(first: str) -> list[str]:
    return [
        first,
        t("statistics.col_count"),
        t("statistics.col_recognised"),
        t("statistics.col_benefit"),
        t("statistics.col_unquantified"),
    ]


def _total(stats: Statistics) -> Bucket:
    return Bucket(
        key="total",
        label=t("minutes.total"),
        count=stats.initiatives,
        recognised=stats.recognised,
        benefit_vnd=stats.benefit_vnd,
        unquantified=stats.unquantified,
    )


def _amount(vnd: int | str) -> str:
    # The column heading names the currency; the figures carry only the grouping of the language.
    if isinstance(vnd, str):  # every recognised one of the group cannot be put in money
        return vnd
    return group_thousands(vnd, "." if current_language() == "vi" else ",")


def render_table(stats: Statistics) -> str:
    """Plain text for a terminal: the summary in words, then one aligned table per breakdown."""
    lines = [t("statistics.title"), *stats.heading(), ""]
    lines += [*stats.summary(), ""]
    for heading, buckets in stats.sections():
        rows = [[b.label, str(b.count), str(b.recognised), _amount(b.benefit), str(b.unquantified)] for b in buckets]
        header = _columns(heading)
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

        def line(cells: list[str], widths: list[int] = widths) -> str:
            # The label at the left, the figures at the right of their columns.
            parts = [cells[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)]
            return "  ".join(parts).rstrip()

        lines += [line(header), "  ".join("-" * w for w in widths)]
        lines += [line(r) for r in rows]
        total = _total(stats)
        lines.append(
            line(
                [
                    total.label,
                    str(total.count),
                    str(total.recognised),
                    _amount(total.benefit),
                    str(total.unquantified),
                ]
            )
        )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _flat_rows(stats: Statistics) -> list[list[str | int]]:
    rows: list[list[str | int]] = []
    total = _total(stats)
    for heading, buckets in stats.sections():
        rows += [[heading, b.label, b.count, b.recognised, b.benefit, b.unquantified] for b in buckets]
        rows.append([heading, total.label, total.count, total.recognised, total.benefit, total.unquantified])
    return rows


def render_stats_csv(stats: Statistics, delimiter: str = ",") -> bytes:
    """The title, unit, period and headline sentences, one a row; then one row per group (breakdown, group,
    figures) with each breakdown's total; amounts as plain whole đồng."""
    from sessions.export.sheets import csv_bytes

    header: list[str | int] = [t("statistics.col_section"), *_columns(t("statistics.col_group"))]
    top: list[list[str | int]] = [[line] for line in [t("statistics.title"), *stats.heading(), *stats.summary()]]
    return csv_bytes([*top, [], header, *_flat_rows(stats)], delimiter)


_FONT = "Times New Roman"
WIDTHS = [40, 14, 16, 22, 18]


def render_stats_xlsx(stats: Statistics, created: dt.datetime) -> bytes:
    """A workbook laid out like the printed table: title, summary sentences, then each breakdown with its total."""
    # openpyxl is imported here, not by `council stats` printing a table or by the app at start.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    from sessions.export.sheets import VND_FORMAT, fit_row_height, put, workbook_bytes

    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    book = Workbook()
    sheet = book.active
    sheet.title = t("statistics.sheet")[:31]
    put(sheet, 1, 1, t("statistics.title")).font = Font(name=_FONT, size=14, bold=True)
    row = 2
    for line in stats.heading():
        put(sheet, row, 1, line).font = Font(name=_FONT, size=12, italic=True)
        row += 1
    for sentence in stats.summary():
        cell = put(sheet, row, 1, sentence)
        cell.font = Font(name=_FONT, size=12)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(WIDTHS))
        fit_row_height(sheet, row, [sum(WIDTHS)])
        row += 1
    for heading, buckets in stats.sections():
        row += 1
        for col, text in enumerate(_columns(heading), start=1):
            cell = put(sheet, row, col, text)
            cell.font = Font(name=_FONT, size=12, bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = box
        fit_row_height(sheet, row, WIDTHS)
        for bucket in [*buckets, _total(stats)]:
            row += 1
            bold = bucket.key == "total"
            values = [bucket.label, bucket.count, bucket.recognised, bucket.benefit, bucket.unquantified]
            for col, value in enumerate(values, start=1):
                cell = put(sheet, row, col, value)
                cell.font = Font(name=_FONT, size=12, bold=bold)
                cell.border = box
                if col == 4:
                    cell.number_format = VND_FORMAT
                    cell.alignment = Alignment(horizontal="right")
        row += 1
    for col, chars in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = chars
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    book.properties.title = t("statistics.title")
    book.properties.creator = t("printed.author")
    return workbook_bytes(book, created)


STATS_FORMATS = ("table", "xlsx", "csv")


def render_stats(stats: Statistics, fmt: str, created: dt.datetime, delimiter: str = ",") -> bytes:
    """The bytes of ``stats`` as ``fmt`` (one of STATS_FORMATS); the table as UTF-8 text."""
    if fmt == "xlsx":
        return render_stats_xlsx(stats, created)
    if fmt == "csv":
        return render_stats_csv(stats, delimiter)
    return render_table(stats).encode("utf-8")


def default_stats_name(stats: Statistics, fmt: str) -> str:
    """``thong-ke-<session>.xlsx`` for one session, ``thong-ke.xlsx`` for several (``statistics...`` in English)."""
    extension = "txt" if fmt == "table" else fmt
    stem = t("statistics.filename")
    if len(stats.session_ids) == 1:
        stem = f"{stem}-{stats.session_ids[0]}"
    return f"{stem}.{extension}"


def stats_bytes(
    data_dir: Path, session_ids: list[str] | None, fmt: str, undecided: bool = False, delimiter: str = ","
) -> bytes:
    """The bytes ``export_stats`` would write, for standard output (`--output -`)."""
    records = load_records(data_dir, session_ids, undecided)
    stats = compute_stats(records, council_unit(data_dir))
    return render_stats(stats, fmt, max(session_moment(r) for r in records), delimiter)


def export_stats(
    data_dir: Path,
    session_ids: list[str] | None,
    fmt: str,
    output: Path | None,
    base: Path,
    undecided: bool = False,
    delimiter: str = ",",
) -> Path:
    """Compute the statistics of the chosen sessions and write them to ``output`` (default: a name in ``base``)."""
    records = load_records(data_dir, session_ids, undecided)
    stats = compute_stats(records, council_unit(data_dir))
    created = max(session_moment(r) for r in records)
    path = output if output is not None else base / default_stats_name(stats, fmt)
    extension = fmt if fmt in ("xlsx", "csv") else None  # the printed table may go into any text file
    return write_report(Path(path), render_stats(stats, fmt, created, delimiter), extension)  # never into data
