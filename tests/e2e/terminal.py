"""A real terminal for the end-to-end suite: the installed `council` inside tmux, driven by send-keys.

Every wait polls the screen (capture-pane) until the expected text shows or a deadline passes;
nothing waits a fixed time. Each suite run has its own tmux server (its own socket), so the
user's tmux is never touched.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# Box and bar characters that dialogs and scrollbars draw around text.
FRAME = re.compile(r"[█▀▄▌▐▊▎▍▏▔▁▇│─]+")
POLL_INTERVAL = 0.02
DEFAULT_TIMEOUT = 15.0
TMUX_CONFIG = "set -g status off\nset -g history-limit 0\n"


def council_command() -> str | None:
    """The installed `council` script next to this Python, else the one on PATH."""
    beside = Path(sys.executable).parent / "council"
    if beside.exists():
        return str(beside)
    return shutil.which("council")


def flat(screen: str) -> str:
    """The screen as one line of words: frames dropped, wrapped lines joined, spaces collapsed."""
    return " ".join(FRAME.sub(" ", screen).split())


class ScreenTimeout(AssertionError):
    """The expected text never showed; the message carries the last screen."""


class TmuxServer:
    """A private tmux server (its own socket and config) for one test."""

    def __init__(self, env: dict[str, str]) -> None:
        # A short folder of its own: a socket path must stay under ~100 bytes.
        self.folder = Path(tempfile.mkdtemp(prefix="council-e2e-"))
        self.socket = self.folder / "tmux.sock"
        self.config = self.folder / "tmux.conf"
        self.config.write_text(TMUX_CONFIG, encoding="utf-8")
        self.env = env

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-S", str(self.socket), "-f", str(self.config), *args],
            env=self.env,
            capture_output=True,
            text=True,
            check=check,
            stdin=subprocess.DEVNULL,
            timeout=30,
        )

    def terminal(self, name: str, size: tuple[int, int]) -> Terminal:
        return Terminal(self, name, size)

    def kill(self) -> None:
        """End every program this server runs, and the server."""
        self.run("kill-server", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


class Terminal:
    """One tmux session running one program; what a user would type and see."""

    def __init__(self, server: TmuxServer, name: str, size: tuple[int, int]) -> None:
        self.server = server
        self.name = name
        self.width, self.height = size

    def start(self, program: list[str], env: dict[str, str]) -> None:
        """Run ``program`` in a fresh window of this terminal's size, with ``env`` added."""
        assignments = [f"{key}={value}" for key, value in env.items()]
        # exec: the pane's process is the program itself, so killing the pane's pid kills the app.
        command = "exec " + shlex.join(["env", *assignments, *program])
        self.server.run("new-session", "-d", "-s", self.name, "-x", str(self.width), "-y", str(self.height), command)

    @property
    def pid(self) -> int:
        out = self.server.run("display-message", "-p", "-t", self.name, "#{pane_pid}").stdout
        return int(out.strip())

    def alive(self) -> bool:
        return self.server.run("has-session", "-t", self.name, check=False).returncode == 0

    def screen(self) -> str:
        result = self.server.run("capture-pane", "-p", "-t", self.name, check=False)
        return result.stdout if result.returncode == 0 else ""

    def send(self, *keys: str) -> None:
        """Keys by tmux name: "Enter", "Escape", "Tab", "BTab", "Down", "C-s", or a single character."""
        self.server.run("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        """Type text literally (any Unicode)."""
        self.server.run("send-keys", "-t", self.name, "-l", text)

    def wait_until(self, test: Callable[[str], bool], what: str, timeout: float = DEFAULT_TIMEOUT) -> str:
        """Poll the screen until ``test(screen)`` holds; returns that screen, or fails showing the last one."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if test(screen):
                return screen
            if time.monotonic() > deadline:
                raise ScreenTimeout(f"{what} not seen within {timeout:.0f}s; the screen was:\n{screen}")
            time.sleep(POLL_INTERVAL)

    def wait_for(self, *texts: str, timeout: float = DEFAULT_TIMEOUT) -> str:
        """Wait until every text is on screen (words may wrap across lines); returns the screen."""
        return self.wait_until(lambda s: all(t in flat(s) for t in texts), " + ".join(map(repr, texts)), timeout)

    def wait_gone(self, text: str, timeout: float = DEFAULT_TIMEOUT) -> str:
        return self.wait_until(lambda s: text not in flat(s), f"{text!r} gone", timeout)

    def wait_exit(self, timeout: float = DEFAULT_TIMEOUT) -> None:
        """Wait until the program has ended and its window closed."""
        deadline = time.monotonic() + timeout
        while self.alive():
            if time.monotonic() > deadline:
                raise ScreenTimeout(f"{self.name} still running after {timeout:.0f}s:\n{self.screen()}")
            time.sleep(POLL_INTERVAL)

    def kill_program(self) -> None:
        """SIGKILL the program, as a power cut or a closed laptop lid with a dead battery would."""
        os.kill(self.pid, signal.SIGKILL)
        self.wait_exit()

    # --- focus. A key that moves focus (tab, enter in a field) is handled after the key that follows it
    # may already have gone to the old field, so the suite waits for the move to show before typing on.
    def cursor(self) -> tuple[int, int]:
        """Where the terminal's cursor is; Textual keeps it on the focused text field's caret."""
        out = self.server.run("display-message", "-p", "-t", self.name, "#{cursor_x} #{cursor_y}").stdout
        x, y = out.split()
        return int(x), int(y)

    def row_of(self, label: str) -> int | None:
        """The screen row of the first line that begins with ``label`` (frames ignored)."""
        for row, line in enumerate(self.screen().splitlines()):
            if FRAME.sub(" ", line).strip().startswith(label):
                return row
        return None

    def wait_field(self, label: str, below: int = 0, timeout: float = DEFAULT_TIMEOUT) -> None:
        """Wait until the caret is in the field on the row that begins with ``label`` (or ``below`` rows under)."""
        deadline = time.monotonic() + timeout
        while (row := self.row_of(label)) is None or self.cursor()[1] != row + below:
            if time.monotonic() > deadline:
                raise ScreenTimeout(f"the field {label!r} never took the caret:\n{self.screen()}")
            time.sleep(POLL_INTERVAL)

    def next_field(self, label: str, key: str = "Tab", timeout: float = DEFAULT_TIMEOUT) -> None:
        """Press ``key`` (tab, or enter where it moves on) and wait until the field ``label`` has the caret."""
        self.send(key)
        self.wait_field(label, timeout=timeout)

    def field_value(self, label: str) -> str:
        """What the field on the row beginning with ``label`` shows (up to a pane border)."""
        for line in self.screen().splitlines():
            text = re.split(r"[▏│]", line)[0].strip()
            if text.startswith(label):
                return text[len(label) :].strip()
        return ""

    def type_field(self, label: str, text: str, timeout: float = DEFAULT_TIMEOUT) -> None:
        """Type into the focused field ``label`` and wait until the field shows it.

        Keys typed in a field are handled by the field, while ctrl+s is handled by the app at once:
        saving right after typing could save before the field has the text.
        """
        self.type(text)
        self.wait_until(lambda _: text in self.field_value(label), f"{text!r} in the field {label!r}", timeout)

    def styled_row(self, test: Callable[[str], bool]) -> str:
        """The first row (with its colours) whose text passes ``test``."""
        plain = self.screen().splitlines()
        styled = self.server.run("capture-pane", "-p", "-e", "-t", self.name).stdout.splitlines()
        for text, row in zip(plain, styled, strict=False):
            if test(text):
                return row
        raise AssertionError(f"no such row on screen:\n{chr(10).join(plain)}")

    def focus_row(self, key: str, test: Callable[[str], bool], timeout: float = DEFAULT_TIMEOUT) -> None:
        """Press ``key`` and wait until the row passing ``test`` is drawn differently (it took the focus)."""
        before = self.styled_row(test)
        self.send(key)
        deadline = time.monotonic() + timeout
        while self.styled_row(test) == before:
            if time.monotonic() > deadline:
                raise ScreenTimeout(f"{key} did not change the focused row:\n{self.screen()}")
            time.sleep(POLL_INTERVAL)

    def line_with(self, text: str, screen: str | None = None) -> str:
        """The first screen line containing ``text`` (for checks on one table row)."""
        for line in (screen if screen is not None else self.screen()).splitlines():
            if text in line:
                return line
        raise AssertionError(f"no line with {text!r} on screen")
