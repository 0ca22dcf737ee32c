"""A person's install: the wheel built from this tree, `pipx install`ed into an empty folder, then used.

The wheel is built offline (the build backend already in .venv, no build isolation) from a copy of the
tree; pipx installs it with its dependencies (at the exact versions of constraints.txt) into a PIPX_HOME
inside the test's temp folder. Everything then runs from another folder with the installed `council`:
`--version`, `council demo`, every export format, and the app in tmux. The code that runs is checked to be
the installed copy, not this source tree. Without pipx or a reachable package index the test is skipped
and says why (the wheel build alone needs neither).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.e2e.terminal import TmuxServer

ROOT = Path(__file__).resolve().parents[2]
TREE_SKIP = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".ruff_cache", ".demo-data"
)
FORMATS = {"md": b"| **", "json": b"{", "docx": b"PK", "pdf": b"%PDF", "xlsx": b"PK", "csv": b""}
# What the installed program needs besides its code (pyproject.toml's package-data).
DATA_FILES = ["tui/council.tcss", "sessions/export/fonts/LiberationSerif-Regular.ttf", "room/static/board.html"]


def pipx_command() -> str | None:
    beside = Path(sys.executable).parent / "pipx"
    return str(beside) if beside.exists() else shutil.which("pipx")


def build_wheel(tmp: Path) -> Path:
    """The wheel, built offline from a copy of the tree (so that the checkout gets no build/ folder)."""
    tree = tmp / "tree"
    shutil.copytree(ROOT, tree, ignore=TREE_SKIP)
    dist = tmp / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--wheel-dir", str(dist), "."],
        cwd=tree,
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = dist.glob("council_session-*.whl")
    return wheel


def index_reachable(tmp: Path) -> bool:
    """Whether pip can fetch a package (the dependencies pipx installs come from the index)."""
    done = subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--dest", str(tmp / "probe"), "tinydb==4.9.0"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    return done.returncode == 0


def test_wheel_installed_with_pipx_runs_demo_exports_and_app(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    names = set(zipfile.ZipFile(wheel).namelist())
    assert all(name in names for name in DATA_FILES), sorted(n for n in names if not n.endswith(".py"))
    assert not any(name.startswith("tests/") for name in names)

    pipx = pipx_command()
    if pipx is None:
        pytest.skip("pipx is not installed (pip install pipx): the install test is skipped; the wheel was built")
    if not index_reachable(tmp_path):
        pytest.skip("no package index reachable: pipx cannot fetch the dependencies; the wheel was built")

    home = tmp_path / "home"
    home.mkdir()
    bin_dir = tmp_path / "bin"
    env = {
        "PATH": f"{bin_dir}{os.pathsep}/usr/bin:/bin",
        "HOME": str(home),
        "PIPX_HOME": str(tmp_path / "pipx"),
        "PIPX_BIN_DIR": str(bin_dir),
        "PIPX_MAN_DIR": str(tmp_path / "man"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_STATE_HOME": str(home / ".local/state"),
        "XDG_CACHE_HOME": str(Path.home() / ".cache"),  # pip's cache of downloaded packages, shared with .venv
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    }
    for name in ("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_FIND_LINKS", "PIP_CERT", "SSL_CERT_FILE"):
        if name in os.environ:
            env[name] = os.environ[name]
    constraints = ROOT / "constraints.txt"
    subprocess.run(
        [pipx, "install", "--pip-args", f"--constraint {constraints}", str(wheel)],
        env=env,
        cwd=tmp_path,
        check=True,
        capture_output=True,
        timeout=600,
    )
    council = bin_dir / "council"
    assert council.exists()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    def run(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [str(council), *args], env=env, cwd=elsewhere, capture_output=True, timeout=120, check=True
        )

    version = run("--version").stdout.decode()
    assert version.strip() == "council 0.1.0", version  # the installed metadata's, not "(source checkout)"

    # The code that runs is the installed copy, far from this tree.
    python = tmp_path / "pipx/venvs/council-session/bin/python"
    where = subprocess.run(
        [str(python), "-c", "import cli, sessions, tui; print(cli.__file__, sessions.__file__, tui.__file__)"],
        env=env,
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert all(Path(path).is_relative_to(tmp_path / "pipx") for path in where), where
    assert not any(Path(path).is_relative_to(ROOT) for path in where), where

    data = tmp_path / "data"
    run("demo", "--data", str(data), "--lang", "en")
    listing = run("sessions", "--data", str(data), "--lang", "en").stdout.decode()
    session = next(line.split()[0] for line in listing.splitlines() if "2026-05" in line or "14/05/2026" in line)
    for fmt, start in FORMATS.items():
        out = elsewhere / f"minutes.{fmt}"
        run("export", session, "--data", str(data), "--format", fmt, "--output", str(out))
        assert out.stat().st_size > 0 and out.read_bytes().startswith(start), fmt
    for fmt in ("xlsx", "csv"):
        run("stats", "--data", str(data), "--format", fmt)

    server = TmuxServer({"PATH": env["PATH"], "HOME": str(home), "LANG": "C.UTF-8", "TERM": "xterm-256color"})
    try:
        term = server.terminal("installed", (100, 30))
        term.start([str(council), "--data", str(data), "--lang", "en"], env)
        term.wait_for("14/05/2026", timeout=30)  # the picker lists the demo's decided session
        term.send("C-q")
        term.wait_exit()
    finally:
        server.kill()
    assert not list(home.rglob("council-error.log"))
