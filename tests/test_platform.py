"""Windows, macOS and Linux from the same code: both branches of sessions/platform.py.

The Windows branch runs here by setting ``platform.WINDOWS`` and injecting what Windows does: a
``os.replace`` refused while an antivirus holds the file, folders that cannot be opened, kernel32's
process calls. The POSIX branch runs for real.
"""

from __future__ import annotations

import ast
import ctypes
import datetime as dt
import errno
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import portalocker
import pytest

from models.errors import DomainError
from models.i18n import t
from sessions import platform
from sessions.atomic import TEMP_SUFFIX, atomic_write, clean_stale_temps
from sessions.lock import SessionLock

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Run the Windows branches; returns the waits between retries (recorded, never slept)."""
    waits: list[float] = []
    monkeypatch.setattr(platform, "WINDOWS", True)
    monkeypatch.setattr(platform, "sleep", waits.append)
    return waits


def refusing_replace(monkeypatch: pytest.MonkeyPatch, refusals: int) -> list[tuple[str, str]]:
    """``os.replace`` refused ``refusals`` times (as Windows does while another program holds the file)."""
    real = os.replace
    calls: list[tuple[str, str]] = []

    def replace(source: Any, target: Any, **kw: Any) -> None:
        calls.append((str(source), str(target)))
        if len(calls) <= refusals:
            raise PermissionError(13, "Access is denied", str(target))
        real(source, target, **kw)

    monkeypatch.setattr(os, "replace", replace)
    return calls


# --- no fcntl needed to start


def test_the_program_imports_without_fcntl() -> None:
    """Windows has no fcntl: the lock, the session service and the command line still import."""
    script = (
        "import sys\n"
        "sys.modules['fcntl'] = None\n"  # `import fcntl` now raises ImportError, as on Windows
        "import sessions.lock, sessions.atomic, sessions.service, cli\n"
        "print('imported')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "imported"


# --- replacing a file another program holds open


def test_a_replace_refused_twice_on_windows_is_retried_and_the_file_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, windows: list[float]
) -> None:
    target = tmp_path / "session.json"
    target.write_bytes(b"old")
    calls = refusing_replace(monkeypatch, refusals=2)
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert len(calls) == 3 and windows == list(platform.REPLACE_DELAYS[:2])
    assert not list(tmp_path.glob(f"*{TEMP_SUFFIX}"))


def test_a_file_held_open_for_good_is_given_up_with_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, windows: list[float]
) -> None:
    target = tmp_path / "session.json"
    target.write_bytes(b"old")
    calls = refusing_replace(monkeypatch, refusals=10_000)
    with pytest.raises(DomainError) as refused:
        atomic_write(target, b"new")
    error = refused.value
    assert error.key == "error.file_busy" and error.params["path"] == str(target)
    # A bounded wait: a handful of tries within two seconds, not a hang.
    assert len(calls) == len(platform.REPLACE_DELAYS) + 1 and sum(windows) < 2
    assert target.read_bytes() == b"old"  # unchanged
    assert not list(tmp_path.glob(f"*{TEMP_SUFFIX}"))  # and no temp file left behind
    english, vietnamese = t(error.key, "en", **error.params), t(error.key, "vi", **error.params)
    assert str(target) in english and "antivirus" in english and "Nothing was recorded" in english
    assert str(target) in vietnamese and "diệt virus" in vietnamese and "Chưa có gì được ghi nhận" in vietnamese


def test_a_refused_replace_elsewhere_is_a_real_refusal_and_not_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(platform, "WINDOWS", False)
    monkeypatch.setattr(platform, "sleep", lambda seconds: pytest.fail("slept on POSIX"))
    target = tmp_path / "session.json"
    target.write_bytes(b"old")
    calls = refusing_replace(monkeypatch, refusals=1)
    with pytest.raises(DomainError) as refused:
        atomic_write(target, b"new")
    assert refused.value.key == "error.write_failed" and len(calls) == 1
    assert target.read_bytes() == b"old"


# --- folder fsync


def opens_of_folders(monkeypatch: pytest.MonkeyPatch, *, refuse: bool) -> list[str]:
    """Record each ``os.open`` of a folder; with ``refuse``, fail it as Windows does."""
    real = os.open
    opened: list[str] = []

    def open_(path: Any, flags: int, mode: int = 0o777, **kw: Any) -> int:
        if Path(path).is_dir():
            opened.append(str(path))
            if refuse:
                raise PermissionError(13, "Access is denied", str(path))
        return real(path, flags, mode, **kw)

    monkeypatch.setattr(os, "open", open_)
    return opened


def test_windows_writes_into_new_folders_without_opening_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, windows: list[float]
) -> None:
    assert not platform.has_dir_fsync()
    opened = opens_of_folders(monkeypatch, refuse=True)
    target = tmp_path / "data" / "sessions" / "2026-11-20" / "session.json"
    atomic_write(target, b"{}")
    assert target.read_bytes() == b"{}" and opened == []


@pytest.mark.skipif(os.name == "nt", reason="the POSIX branch opens folders, which Windows refuses")
def test_posix_syncs_each_folder_it_creates_or_renames_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(platform, "WINDOWS", False)
    assert platform.has_dir_fsync()
    opened = opens_of_folders(monkeypatch, refuse=False)
    target = tmp_path / "data" / "session.json"
    atomic_write(target, b"{}")
    # The new folder's name in its parent, then the rename in the new folder.
    assert opened == [str(tmp_path), str(tmp_path / "data")]


# --- whether a process runs


class FakeKernel32:
    """kernel32 as Windows answers for ``processes``: pid -> exit code (259 while it runs), or an error number."""

    def __init__(self, processes: dict[int, int]) -> None:
        self.processes = processes
        self.last_error = 0
        self.open: set[int] = set()

    def OpenProcess(self, access: int, inherit: bool, pid: int) -> int:
        assert access == 0x1000 and inherit is False  # PROCESS_QUERY_LIMITED_INFORMATION, not inherited
        answer = self.processes.get(pid, -87)  # ERROR_INVALID_PARAMETER: no such process
        if answer < 0:
            self.last_error = -answer
            return 0
        self.open.add(pid + 4000)
        return pid + 4000

    def GetExitCodeProcess(self, handle: int, code: Any) -> int:
        assert handle in self.open
        code._obj.value = self.processes[handle - 4000]
        return 1

    def CloseHandle(self, handle: int) -> int:
        self.open.remove(handle)
        return 1


@pytest.fixture
def kernel32(monkeypatch: pytest.MonkeyPatch, windows: list[float]) -> Callable[[dict[int, int]], FakeKernel32]:
    def install(processes: dict[int, int]) -> FakeKernel32:
        fake = FakeKernel32(processes)
        monkeypatch.setattr(platform, "_kernel32", lambda: fake)
        monkeypatch.setattr(platform, "_last_error", lambda: fake.last_error)
        monkeypatch.setattr(os, "kill", lambda pid, sig: pytest.fail("os.kill(pid, 0) sends CTRL_C_EVENT on Windows"))
        return fake

    return install


def test_windows_asks_kernel32_whether_a_process_runs(kernel32: Callable[[dict[int, int]], FakeKernel32]) -> None:
    fake = kernel32({101: 259, 102: 0, 103: -5})  # running; exited (a handle still open elsewhere); not ours
    assert platform.process_alive(101)
    assert not platform.process_alive(102)
    assert platform.process_alive(103)  # access denied: it exists, as another user's
    assert not platform.process_alive(104)  # no such process
    assert fake.open == set()  # every handle closed


def test_windows_leaves_a_running_programs_temp_file_and_sweeps_a_dead_ones(
    tmp_path: Path, kernel32: Callable[[dict[int, int]], FakeKernel32]
) -> None:
    kernel32({5001: 259})
    live = tmp_path / f".session.json.5001{TEMP_SUFFIX}"
    dead = tmp_path / f".session.json.5002{TEMP_SUFFIX}"
    for temp in (live, dead):
        temp.write_bytes(b"x")
    assert clean_stale_temps(tmp_path) == [dead]
    assert live.exists() and not dead.exists()


def test_this_system_tells_a_running_process_from_a_finished_one() -> None:
    """The real call of the system the tests run on (os.kill on POSIX, kernel32 on Windows)."""
    waiting = subprocess.Popen([sys.executable, "-c", "input()"], stdin=subprocess.PIPE)
    try:
        assert platform.process_alive(waiting.pid)
    finally:
        waiting.communicate(b"\n")
    assert not platform.process_alive(waiting.pid)
    assert not platform.process_alive(0)


def test_the_windows_process_calls_have_pointer_sized_handles() -> None:
    """ctypes' default int return would cut a 64-bit HANDLE: the real kernel32 gets its signatures."""
    if not hasattr(ctypes, "WinDLL"):
        pytest.skip("kernel32 exists on Windows only; the fake above stands in for it")
    kernel32 = platform._kernel32()
    assert kernel32.OpenProcess.restype is ctypes.wintypes.HANDLE


# --- the lock through portalocker


def test_a_lock_the_system_cannot_take_is_told_in_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A network drive without locks: the user reads why, nothing is held."""

    def no_locks(fd: int, flags: Any) -> None:
        cause = OSError(errno.ENOLCK, "No locks available")
        raise portalocker.LockException(cause, str(cause)) from cause

    monkeypatch.setattr(portalocker, "lock", no_locks)
    lock = SessionLock(tmp_path)
    with pytest.raises(DomainError) as refused:
        lock.acquire(dt.datetime(2026, 11, 20, 8, 0))
    assert refused.value.key == "error.write_failed" and "No locks available" in str(refused.value)
    assert not lock.held


def test_one_lock_file_is_held_by_one_open_file_only(tmp_path: Path) -> None:
    path = tmp_path / "lock"
    path.touch()
    first, second = (os.open(path, os.O_RDWR | platform.BINARY) for _ in range(2))
    try:
        assert platform.try_lock(first)
        assert not platform.try_lock(second)
        platform.unlock(first)
        assert platform.try_lock(second)
    finally:
        os.close(first)
        os.close(second)


# --- binary files


def test_every_data_file_is_opened_binary() -> None:
    """Without O_BINARY Windows writes each journal newline as CR LF: its lengths and hashes would be wrong."""
    missing = []
    for path in sorted([*(ROOT / "sessions").rglob("*.py"), *(ROOT / "room").rglob("*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef) or function.name == "fsync_dir":
                continue  # fsync_dir opens a folder, and never on Windows
            for node in ast.walk(function):
                is_open = (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "open"
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "os"
                )
                if is_open and "BINARY" not in ast.unparse(node.args[1]):
                    missing.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert missing == []
    assert getattr(os, "O_BINARY", 0) == platform.BINARY


@pytest.mark.skipif(os.name != "nt", reason="POSIX lets a file held open be deleted: tests/test_one_writer.py")
def test_on_windows_the_lock_file_and_journal_cannot_be_taken_from_their_writer(tmp_path: Path) -> None:
    """Where a file held open cannot be deleted or replaced, a running session's lock simply stays."""
    lock = SessionLock(tmp_path)
    lock.acquire(dt.datetime(2026, 11, 20, 8, 0))
    try:
        with pytest.raises(PermissionError):
            lock.lock_path.unlink()
        (tmp_path / "other").write_bytes(b"")
        with pytest.raises(PermissionError):
            os.replace(tmp_path / "other", lock.lock_path)
        lock.check()  # still held, still its file
    finally:
        lock.release()


# --- output to a pipe or a file


def test_a_listing_sent_to_a_file_keeps_its_vietnamese_where_the_pipe_has_a_code_page(demo_dir: Path) -> None:
    """A Windows pipe or file is cp1252: `council sessions > list.txt` still works, in UTF-8."""
    script = "import sys, cli; sys.exit(cli.main(sys.argv[1:]))"
    done = subprocess.run(
        [sys.executable, "-c", script, "sessions", "--data", str(demo_dir), "--lang", "vi"],
        cwd=ROOT,
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "cp1252"},
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    listing = done.stdout.decode("utf-8")
    assert "2026-11-22" in listing and any(letter in listing for letter in "ạảấầậắặđệọộờợụừựỳ")


def test_open_files_limit_on_each_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    """The room's connection cap comes from it: POSIX's soft limit, and a fixed figure where there is none."""
    import resource

    from room.server import connection_cap

    monkeypatch.setattr(platform, "WINDOWS", False)
    soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    assert platform.open_files_limit() == soft
    assert connection_cap() <= soft - 128 or connection_cap() == 16
    monkeypatch.setattr(platform, "WINDOWS", True)
    assert platform.open_files_limit() == 2048
    assert connection_cap() == 512


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
def test_a_process_that_ended_but_was_not_yet_collected_is_not_running() -> None:
    """Killed a moment ago, a program is a zombie until its parent collects it: it no longer holds anything,
    and a session reopened then must not be said to be held by a program that "may still be running"."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOWAIT)  # it has ended; not collected yet
    try:
        assert Path(f"/proc/{child.pid}/stat").read_text().rpartition(")")[2].split()[0] == "Z"
        assert not platform.process_alive(child.pid)
    finally:
        child.wait()
    assert platform.process_alive(os.getpid())
