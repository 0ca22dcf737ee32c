"""Export a session's minutes or record to a file: one entry point for the CLI and the app.

Formats: the minutes as ``md``, ``docx`` or ``pdf``; the machine-readable record as ``json``;
the recognition list as ``xlsx`` or ``csv``. Every renderer takes the recorded state only and
stamps its output with the session's own date, so two exports of the same state are identical.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from models.i18n import t
from models.record import SessionRecord
from sessions.collection import collection_paused
from sessions.export.meta import session_moment
from sessions.export.minutes import build_minutes, default_filename
from sessions.report_file import refuse_unsafe_report, write_report
from sessions.storage import DataFolder

# The renderers import python-docx, fpdf2 and openpyxl (about half a second together) only when a
# file of their kind is written: every `council` command and the app start without them.


def _markdown(record: SessionRecord, chain_head: str) -> bytes:
    from sessions.export.markdown import render_markdown

    return render_markdown(build_minutes(record, chain_head)).encode("utf-8")


def _json(record: SessionRecord, chain_head: str) -> bytes:
    from sessions.export.json_export import export_json

    return export_json(record, chain_head).encode("utf-8")


def _docx(record: SessionRecord, chain_head: str) -> bytes:
    from sessions.export.docx import render_docx

    return render_docx(build_minutes(record, chain_head), session_moment(record))


def _pdf(record: SessionRecord, chain_head: str) -> bytes:
    from sessions.export.pdf import render_pdf

    return render_pdf(build_minutes(record, chain_head), session_moment(record))


def _xlsx(record: SessionRecord, chain_head: str) -> bytes:
    from sessions.export.recognition import render_xlsx

    return render_xlsx(record, session_moment(record))


def _csv(record: SessionRecord, chain_head: str, separator: str = ",") -> bytes:
    from sessions.export.recognition import render_csv

    return render_csv(record, separator)


def _authors(record: SessionRecord, chain_head: str, separator: str = ",") -> bytes:
    from sessions.export.recognition import render_authors_csv

    return render_authors_csv(record, separator)


# format -> (file extension, renderer). Renderers take the recorded state only.
RENDERERS: dict[str, tuple[str, Callable[[SessionRecord, str], bytes]]] = {
    "md": ("md", _markdown),
    "docx": ("docx", _docx),
    "pdf": ("pdf", _pdf),
    "json": ("json", _json),
    "xlsx": ("xlsx", _xlsx),
    "csv": ("csv", _csv),
    "authors": ("csv", _authors),
}
FORMATS = list(RENDERERS)
LIST_FORMATS = ("xlsx", "csv", "authors")
"""Formats that hold the recognition list rather than the minutes."""


def default_name(record: SessionRecord, fmt: str) -> str:
    """``bien-ban-<session>-<date>.docx`` for the minutes, ``danh-sach-cong-nhan-...xlsx`` for the list."""
    extension, _ = RENDERERS[fmt]
    if fmt in LIST_FORMATS:
        stem = t("recognition.authors_filename" if fmt == "authors" else "recognition.filename")
        return f"{stem}-{record.session.id}-{record.session.date.strftime('%d-%m-%Y')}.{extension}"
    return default_filename(record, extension)


CSV_FORMATS = ("csv", "authors")
SEPARATORS = {"comma": ",", "semicolon": ";"}
"""CSV field separators by name: ``semicolon`` for Excel on Vietnamese regional settings (comma decimals)."""


def render(record: SessionRecord, fmt: str, chain_head: str = "", separator: str = ",") -> bytes:
    """The bytes of ``record`` in format ``fmt``; ``separator`` between the fields of a CSV file."""
    _, renderer = RENDERERS[fmt]
    if fmt in CSV_FORMATS:
        return renderer(record, chain_head, separator)  # type: ignore[call-arg]
    return renderer(record, chain_head)


def export_record(
    record: SessionRecord, fmt: str, output: Path | None, chain_head: str, base: Path, separator: str = ","
) -> Path:
    """Write ``record`` as ``fmt`` to ``output`` (default: a sensible name in ``base``).

    Never into a data folder (sessions/report_file.py): the CLI and the app's dialog both come here.
    """
    path = Path(output) if output is not None else base / default_name(record, fmt)
    refuse_unsafe_report(path)  # before rendering: a refusal is told at once, not after the PDF is laid out
    return write_report(path, render(record, fmt, chain_head, separator))


def render_session(data_dir: Path, session_id: str, fmt: str, separator: str = ",") -> bytes:
    """The bytes ``export_session`` would write, for standard output (`--output -`)."""
    with collection_paused():
        folder = DataFolder(data_dir)
        folder.check_session_id(session_id)
        record, report = folder.load_record(session_id)
        return render(record, fmt, report.chain_head, separator)


def export_session(data_dir: Path, session_id: str, fmt: str, output: Path | None = None, separator: str = ",") -> Path:
    """Load a session read-only (works while another process runs it) and export it."""
    # The loaded session lives until the file is written, and the renderers allocate a great deal
    # (the collector's walks were ~20 % of the Word minutes' time).
    with collection_paused():
        folder = DataFolder(data_dir)
        folder.check_session_id(session_id)
        if output is not None:
            refuse_unsafe_report(Path(output))  # before loading: a refusal is told at once
        record, report = folder.load_record(session_id)
        return export_record(record, fmt, output, report.chain_head, Path.cwd(), separator)
