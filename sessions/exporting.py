"""Export a session's minutes or record to a file: one entry point for the CLI and the app.

Formats: the minutes as ``md``, ``docx`` or ``pdf``; the machine-readable record as ``json``;
the recognition list as ``xlsx`` or ``csv``. Every renderer takes the recorded state only and
stamps its output with the session's own date, so two exports of the same state are identical.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from models.errors import DomainError
from models.i18n import t
from models.record import SessionRecord
from sessions.export.document import Document, Footnote, Paragraph
from sessions.export.meta import session_moment
from sessions.export.minutes import build_minutes, default_filename, file_tag
from sessions.garbage_collection import collection_paused
from sessions.report_file import refuse_unsafe_report, write_report
from sessions.storage import DataFolder

# The renderers import python-docx, fpdf2 and openpyxl (about half a second together) only when a
# file of their kind is written: every `council` command and the app start without them.


def _minutes(record: SessionRecord, chain_head: str, failed: str) -> Document:
    """The minutes' blocks; a session that failed verification says so first and last (``unverified_mark``)."""
    document = build_minutes(record, chain_head)
    if failed:
        mark = t("export.unverified_mark", reason=failed)
        document.blocks.insert(0, Paragraph(mark, bold=True))
        document.blocks.append(Footnote(mark))
    return document


def _markdown(record: SessionRecord, chain_head: str, failed: str = "") -> bytes:
    from sessions.export.markdown import render_markdown

    return render_markdown(_minutes(record, chain_head, failed)).encode("utf-8")


def _json(record: SessionRecord, chain_head: str, failed: str = "") -> bytes:
    from sessions.export.json_export import export_json

    return export_json(record, chain_head, t("export.unverified_mark", reason=failed) if failed else "").encode("utf-8")


def _docx(record: SessionRecord, chain_head: str, failed: str = "") -> bytes:
    from sessions.export.docx import render_docx

    return render_docx(_minutes(record, chain_head, failed), session_moment(record))


def _pdf(record: SessionRecord, chain_head: str, failed: str = "") -> bytes:
    from sessions.export.pdf import render_pdf

    return render_pdf(_minutes(record, chain_head, failed), session_moment(record))


def _xlsx(record: SessionRecord, chain_head: str, failed: str = "") -> bytes:
    from sessions.export.recognition import render_xlsx

    return render_xlsx(record, session_moment(record), failed)


def _csv(record: SessionRecord, chain_head: str, failed: str = "", separator: str = ",") -> bytes:
    from sessions.export.recognition import render_csv

    return render_csv(record, separator, failed)


def _authors(record: SessionRecord, chain_head: str, failed: str = "", separator: str = ",") -> bytes:
    from sessions.export.recognition import render_authors_csv

    return render_authors_csv(record, separator, failed)


# format -> (file extension, renderer). Renderers take the recorded state only.
RENDERERS: dict[str, tuple[str, Callable[[SessionRecord, str, str], bytes]]] = {
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
    """``bien-ban-<DD-MM-YYYY>.docx`` for the minutes, ``danh-sach-cong-nhan-...xlsx`` for the list (file_tag)."""
    extension, _ = RENDERERS[fmt]
    if fmt in LIST_FORMATS:
        stem = t("recognition.authors_filename" if fmt == "authors" else "recognition.filename")
        return f"{stem}-{file_tag(record)}.{extension}"
    return default_filename(record, extension)


def format_for_name(path: Path | None, default: str = "md") -> str:
    """The format a file's name asks for (``list.xlsx``: the recognition list as a workbook), else ``default``."""
    suffix = Path(path).suffix.lower().lstrip(".") if path is not None else ""
    return suffix if suffix in RENDERERS else default


CSV_FORMATS = ("csv", "authors")
SEPARATORS = {"comma": ",", "semicolon": ";"}
"""CSV field separators by name: ``semicolon`` for Excel on Vietnamese regional settings (comma decimals)."""


def render(record: SessionRecord, fmt: str, chain_head: str = "", separator: str = ",", failed: str = "") -> bytes:
    """The bytes of ``record`` in format ``fmt``; ``separator`` between the fields of a CSV file.

    ``failed``: what ``council verify`` found wrong with the session, stamped on the document itself
    (the minutes' first and last lines, a field of the JSON, the list's first row); "" for a session
    that verifies, whose export is then byte for byte what it always was.
    """
    _, renderer = RENDERERS[fmt]
    if fmt in CSV_FORMATS:
        return renderer(record, chain_head, failed, separator)  # type: ignore[call-arg]
    return renderer(record, chain_head, failed)


def verification_failure(data_dir: Path, session_id: str) -> str:
    """ "" when the session's files verify (``council verify``); otherwise what was found, in one line."""
    from sessions.verify import verify_session

    try:
        report = verify_session(data_dir, session_id)
    except DomainError as error:  # (a journal that cannot be read at all: its own message says why)
        return str(error)
    if report.ok:
        return ""
    found = " ".join(line.strip() for line in report.findings().splitlines())
    return found if found.endswith((".", ":")) else found + "."


def export_record(
    record: SessionRecord,
    fmt: str,
    output: Path | None,
    chain_head: str,
    base: Path,
    separator: str = ",",
    failed: str = "",
) -> Path:
    """Write ``record`` as ``fmt`` to ``output`` (default: a sensible name in ``base``), marked when ``failed``.

    Never into a data folder (sessions/report_file.py): the CLI and the app's dialog both come here.
    """
    path = Path(output) if output is not None else base / default_name(record, fmt)
    extension = RENDERERS[fmt][0]
    refuse_unsafe_report(path, extension)  # before rendering: a refusal is told at once, not after the PDF is laid out
    return write_report(path, render(record, fmt, chain_head, separator, failed), extension)


@dataclass(frozen=True)
class Exported:
    path: Path
    failed: str = ""  # what verification found; "" when the session verifies


def export_checked(
    data_dir: Path, session_id: str, fmt: str, output: Path | None = None, separator: str = ","
) -> Exported:
    """Load a session read-only (works while another process runs it), verify it, and export it.

    A session that fails verification is still exported (what its verified part holds), and the
    document says so; the caller warns with ``failed``.
    """
    # The loaded session lives until the file is written, and the renderers allocate a great deal
    # (the collector's walks were ~20 % of the Word minutes' time).
    with collection_paused():
        folder = DataFolder(data_dir)
        folder.check_session_id(session_id)
        if output is not None:
            refuse_unsafe_report(Path(output), RENDERERS[fmt][0])  # before loading: a refusal is told at once
        failed = verification_failure(data_dir, session_id)
        record, report = folder.load_record(session_id)
        path = export_record(record, fmt, output, report.chain_head, Path.cwd(), separator, failed)
        return Exported(path, failed)


def export_session(data_dir: Path, session_id: str, fmt: str, output: Path | None = None, separator: str = ",") -> Path:
    """``export_checked``'s file."""
    return export_checked(data_dir, session_id, fmt, output, separator).path


def render_checked(data_dir: Path, session_id: str, fmt: str, separator: str = ",") -> tuple[bytes, str]:
    """The bytes ``export_checked`` would write, for standard output (`--output -`), and what verify found."""
    with collection_paused():
        folder = DataFolder(data_dir)
        folder.check_session_id(session_id)
        failed = verification_failure(data_dir, session_id)
        record, report = folder.load_record(session_id)
        return render(record, fmt, report.chain_head, separator, failed), failed
