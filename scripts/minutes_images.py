"""Refresh the README's pictures of the printed minutes: the first page and the summary page, Word and PDF.

    .venv/bin/python -m scripts.minutes_images [--out docs/images]

On a fresh demo council (fixed date), the decided session's minutes are exported in Vietnamese as
DOCX and PDF. The DOCX is printed to PDF by LibreOffice (``soffice --headless --convert-to pdf``),
as a secretary's Word would print it; both PDFs are rendered at 70 dpi by ``pdftoppm``
(``apt-get install libreoffice-writer poppler-utils``). The summary page is the one on which
the list of recognised initiatives begins.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from models.i18n import set_language
from sessions.demo.build import build_demo
from sessions.exporting import render
from sessions.storage import DataFolder

TODAY = dt.date(2026, 11, 22)
SESSION = "2026-05-14"
OUT = Path(__file__).resolve().parents[1] / "docs" / "images"
SUMMARY_MARK = "Danh sách sáng kiến được công nhận"
DPI = 70


def _pages(pdf: Path) -> list[str]:
    """The text of each page of ``pdf``."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return text.split("\f")


def _picture(pdf: Path, page: int, target: Path) -> None:
    stem = target.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(DPI), "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem)],
        check=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts.minutes_images", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    missing = [tool for tool in ("soffice", "pdftoppm", "pdftotext") if shutil.which(tool) is None]
    if missing:
        print(f"needs {', '.join(missing)}: apt-get install libreoffice-writer poppler-utils", file=sys.stderr)
        return 2
    set_language("vi")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        folder = DataFolder(work / "data")
        build_demo(folder, TODAY)
        record, report = folder.load_record(SESSION)
        (work / "minutes.docx").write_bytes(render(record, "docx", report.chain_head))
        (work / "minutes.pdf").write_bytes(render(record, "pdf", report.chain_head))
        printed = work / "word"
        subprocess.run(
            [
                "soffice",
                # A profile of its own: a LibreOffice already open on this computer would take the job and ignore it.
                f"-env:UserInstallation={(work / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(printed),
                str(work / "minutes.docx"),
            ],
            check=True,
            capture_output=True,
        )
        for kind, pdf in (("docx", printed / "minutes.pdf"), ("pdf", work / "minutes.pdf")):
            pages = _pages(pdf)
            summary = next(n for n, text in enumerate(pages, start=1) if SUMMARY_MARK in text)
            for name, page in (("page1", 1), ("summary", summary)):
                target = args.out / f"minutes-{kind}-{name}.png"
                _picture(pdf, page, target)
                print(f"{target} (page {page} of {len(pages) - 1})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
