"""One writer: two real processes, a killed holder, read-only use while locked."""

from __future__ import annotations

import datetime as dt
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cli import main
from models.errors import DomainError
from sessions.atomic import TEMP_SUFFIX
from sessions.exporting import export_session
from sessions.lock import SessionLock
from sessions.service import SessionService
from sessions.storage import DataFolder
from sessions.verify import verify_session
from tests import crash_child
from tests.conftest import PLANNED

Clock = Callable[[], dt.datetime]
CHILD = str(Path(crash_child.__file__))


class Holder:
    """A second `council` process holding the session open for running."""

    def __init__(self, data: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, CHILD, "hold", str(data), PLANNED],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline().strip()
        assert line == "READY", line

    @property
    def pid(self) -> int:
        return self.process.pid

    def release(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline().strip() == "CLOSED"
        self.process.wait()

    def kill(self) -> None:
        self.process.kill()  # SIGKILL: no chance to clean up
        self.process.wait()


@pytest.fixture
def holder(demo_dir: Path) -> Iterator[Holder]:
    running = Holder(demo_dir)
    yield running
    if running.process.poll() is None:
        running.kill()


def test_a_second_program_is_refused_naming_who_holds_the_session(demo_dir: Path, holder: Holder, clock: Clock) -> None:
    with pytest.raises(DomainError) as caught:
        SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    error = caught.value
    assert error.key == "error.locked"
    assert error.params["pid"] == holder.pid and error.params["host"] == socket.gethostname()
    assert str(holder.pid) in str(error) and error.params["since"] in str(error)
    assert "chỉ xem" in str(error)  # offers the read-only view
    # A third process is refused just the same.
    third = subprocess.run(
        [sys.executable, CHILD, "run", str(demo_dir), PLANNED], capture_output=True, text=True, check=False
    )
    assert third.returncode == 3 and third.stdout.startswith("ERROR error.locked") and str(holder.pid) in third.stdout


def test_read_only_opening_and_exports_work_while_locked(
    demo_dir: Path, holder: Holder, clock: Clock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    viewer = SessionService(DataFolder(demo_dir), PLANNED, clock=clock, read_only=True)
    assert viewer.record.session.id == PLANNED and viewer.lock is None
    viewer.close()
    assert export_session(demo_dir, PLANNED, "md", tmp_path / "minutes.md").exists()
    assert (
        main(["export", PLANNED, "--data", str(demo_dir), "--output", str(tmp_path / "r.json"), "--format", "json"])
        == 0
    )
    assert main(["verify", PLANNED, "--data", str(demo_dir)]) == 0
    assert main(["sessions", "--data", str(demo_dir)]) == 0
    assert SessionLock(DataFolder(demo_dir).session_dir(PLANNED)).holder().pid == holder.pid
    capsys.readouterr()


def test_the_session_is_free_once_the_holder_closes_it(demo_dir: Path, holder: Holder, clock: Clock) -> None:
    holder.release()
    service = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    assert service.report.previous_holder is None  # it was closed properly
    assert service.recovery_message() == ""
    service.close()


def test_a_lock_left_by_a_killed_program_is_taken_over(demo_dir: Path, holder: Holder, clock: Clock) -> None:
    holder.kill()
    lock = SessionLock(DataFolder(demo_dir).session_dir(PLANNED))
    assert lock.holder() is None  # the kernel let go of it with the process
    service = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    assert service.report.previous_holder is not None and service.report.previous_holder.pid == holder.pid
    assert f"tiến trình {holder.pid}" in service.recovery_message()
    assert service.lock is not None and service.lock.holder().pid != holder.pid
    service.close()
    assert verify_session(demo_dir, PLANNED).ok


def test_two_services_in_one_program_exclude_each_other_too(demo_dir: Path, clock: Clock) -> None:
    first = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    with pytest.raises(DomainError, match="điều hành"):
        SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    first.close()
    SessionService(DataFolder(demo_dir), PLANNED, clock=clock).close()


def test_temp_files_of_a_running_program_are_left_alone(demo_dir: Path, holder: Holder, clock: Clock) -> None:
    """Cleaning up after a crash must not pull a file from under another program mid-write."""
    holder_dir = DataFolder(demo_dir).session_dir(PLANNED)
    live = holder_dir / f".session.json.{holder.pid}{TEMP_SUFFIX}"
    live.write_bytes(b"being written")
    dead_pid = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = demo_dir / f".council.json.{int(dead_pid.stdout)}{TEMP_SUFFIX}"
    stale.write_bytes(b"left by a crash")
    other = SessionService(DataFolder(demo_dir), "2026-05-14", clock=clock)
    assert live.exists() and not stale.exists()
    assert stale in other.report.cleaned
    other.close()


def test_opening_a_session_sweeps_its_own_leftovers_and_not_other_sessions(demo_dir: Path, clock: Clock) -> None:
    """A crash's temps are removed where the opened session writes; other sessions wait until they are opened."""
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    folder = DataFolder(demo_dir)
    mine = folder.session_dir(PLANNED) / f".session.json.{pid}{TEMP_SUFFIX}"
    backup = demo_dir / "backups" / PLANNED / f".journal.jsonl.{pid}{TEMP_SUFFIX}"
    other = folder.session_dir("2026-05-14") / f".session.json.{pid}{TEMP_SUFFIX}"
    for temp in (mine, backup, other):
        temp.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(b"left by a crash")
    service = SessionService(folder, PLANNED, clock=clock)
    try:
        assert not mine.exists() and not backup.exists()
        assert other.exists()
        assert sorted(service.report.cleaned) == sorted([mine, backup])
    finally:
        service.close()
    SessionService(folder, "2026-05-14", clock=clock).close()
    assert not other.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="Windows refuses to delete a file held open")
def test_taking_over_from_a_program_still_running_does_not_say_it_ended(
    demo_dir: Path, holder: Holder, clock: Clock
) -> None:
    """The lock file is deleted while A runs; B opening the session was told A "ended without closing it", though
    A still ran: B now says A still runs, that B has taken over and A stops writing, and to close it there."""
    (DataFolder(demo_dir).session_dir(PLANNED) / "lock").unlink()
    service = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    said = service.recovery_message()
    assert f"tiến trình {holder.pid}" in said and "vẫn chạy" in said, said
    assert "đã dừng" not in said, said
    service.close()
    holder.kill()
