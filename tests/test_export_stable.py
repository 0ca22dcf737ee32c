"""Every export is the same bytes whenever and wherever it is made: two runs each in Vietnam's time zone and in UTC.

Each run is a fresh `council` process (its own time zone, locale and wall clock), exporting the decided
demo session in every format, in both languages, and the statistics.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIRST

ROOT = Path(__file__).resolve().parent.parent

# One process exports everything, so that four runs cost four starts of Python, not forty.
SCRIPT = """
import sys
from cli import main

data, session, out = sys.argv[1:4]
for lang in ("vi", "en"):
    for fmt in ("md", "docx", "pdf", "json", "xlsx", "csv", "authors"):
        args = ["export", session, "--data", data, "--format", fmt, "--lang", lang]
        assert main([*args, "--output", f"{out}/{lang}-{fmt}.{fmt}"]) == 0
    assert main(["export", session, "--data", data, "--format", "csv", "--separator", "semicolon", "--lang", lang,
                 "--output", f"{out}/{lang}-semicolon.csv"]) == 0
    for fmt in ("xlsx", "csv"):
        output = f"{out}/{lang}-stats.{fmt}"
        assert main(["stats", "--data", data, "--format", fmt, "--lang", lang, "--output", output]) == 0
"""

RUNS = [
    ("Asia/Ho_Chi_Minh", "C.UTF-8"),
    ("UTC", "C.UTF-8"),
    ("Asia/Ho_Chi_Minh", "POSIX"),
    ("UTC", "POSIX"),
]


def _run(data: Path, out: Path, tz: str, locale: str) -> dict[str, bytes]:
    out.mkdir()
    env = {**os.environ, "TZ": tz, "LC_ALL": locale, "LANG": locale}
    env.pop("SOURCE_DATE_EPOCH", None)  # the exports must not need it
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(data), FIRST, str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_exports_are_byte_identical_across_runs_and_time_zones(demo_dir: Path, tmp_path: Path) -> None:
    runs = [_run(demo_dir, tmp_path / f"run{n}", tz, locale) for n, (tz, locale) in enumerate(RUNS)]
    first = runs[0]
    assert len(first) == 2 * 10 and all(first.values())
    for (tz, locale), other in zip(RUNS[1:], runs[1:], strict=True):
        differ = sorted(name for name in first if first[name] != other.get(name))
        assert not differ, f"TZ={tz} LC_ALL={locale}: {differ}"
