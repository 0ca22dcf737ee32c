"""Export a session's minutes or record to a file: one entry point for the CLI and the app."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from models.record import SessionRecord
from sessions.atomic import atomic_write
from sessions.export.json_export import export_json
from sessions.export.markdown import render_markdown
from sessions.export.minutes import build_minutes, default_filename
from sessions.storage import DataFolder


def _markdown(record: SessionRecord, chain_head: str) -> bytes:
    return render_markdown(build_minutes(record, chain_head)).encode("utf-8")


def _json(record: SessionRecord, chain_head: str) -> bytes:
    return export_json(record, chain_head).encode("utf-8")


# format -> (file extension, renderer). Renderers take the recorded state only.
RENDERERS: dict[str, tuple[str, Callable[[SessionRecord, str], bytes]]] = {
    "md": ("md", _markdown),
    "json": ("json", _json),
}
FORMATS = list(RENDERERS)


def render(record: SessionRecord, fmt: str, chain_head: str = "") -> bytes:
    """The bytes of ``record`` in format ``fmt``."""
    _, renderer = RENDERERS[fmt]
    return renderer(record, chain_head)


def export_record(record: SessionRecord, fmt: str, output: Path | None, chain_head: str, base: Path) -> Path:
    """Write ``record`` as ``fmt`` to ``output`` (default: a sensible name in ``base``)."""
    extension, _ = RENDERERS[fmt]
    path = output if output is not None else base / default_filename(record, extension)
    atomic_write(Path(path), render(record, fmt, chain_head))
    return Path(path)


def export_session(data_dir: Path, session_id: str, fmt: str, output: Path | None = None) -> Path:
    """Load a session read-only (works while another process runs it) and export it."""
    folder = DataFolder(data_dir)
    record, report = folder.load_record(session_id)
    return export_record(record, fmt, output, report.chain_head, Path.cwd())
