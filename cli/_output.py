"""Where a command's `--output` goes: a file in a folder that exists, or standard output for `-`."""

from __future__ import annotations

import sys
from pathlib import Path

from models.errors import DomainError

STDOUT = "-"
BINARY_FORMATS = frozenset({"docx", "pdf", "xlsx"})
"""Formats whose bytes would garble a terminal: written to standard output only when it is a file or a pipe."""


def to_stdout(output: Path | None) -> bool:
    """`--output -` means standard output, as for most Unix tools (a file named "-" is `./-`)."""
    return output is not None and str(output) == STDOUT


def check_output_folder(output: Path) -> None:
    """Refuse a file in a folder that does not exist: a typing slip, not a wish to create folders."""
    folder = Path(output).expanduser().absolute().parent
    if not folder.is_dir():
        raise DomainError("cli.output_folder_missing", folder=str(folder), path=str(output))


def write_stdout(data: bytes, fmt: str) -> None:
    """The report's bytes on standard output; binary formats are refused when it is a terminal."""
    stream = sys.stdout
    if fmt in BINARY_FORMATS and stream.isatty():
        raise DomainError("cli.binary_to_terminal", format=fmt)
    stream.flush()
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a text-only stream (tests' capture)
        stream.write(data.decode("utf-8", errors="replace"))
    else:
        buffer.write(data)
    stream.flush()
