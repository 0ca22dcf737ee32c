"""A process started by the cold-start and memory benchmarks; prints one JSON line and exits.

    python -m bench.child council T0 DATA SESSION [SETTLE]   the real `council app --session` path, headless
    python -m bench.child minimal T0                         a minimal Textual app showing one label
    python -m bench.child stack T0                           the same, after importing pydantic and validating
                                                             one model (the floor of the fixed stack)
    python -m bench.child list T0 DATA                       `council --data DATA`: the first frame of the session list
    python -m bench.child close T0 DATA SESSION              the chair's previous visit: the same `council` path,
                                                             quit once the session is open (ctrl+q keeps its glance)

``T0`` is the parent's ``time.time()`` just before it started this process, so the time printed
runs from process start to the first frame of the session screen (the agenda), or of the label.
``SETTLE`` keeps the app running that many seconds after the first frame before measuring peak RSS, the
process's own high-water mark (``VmHWM``, see ``own_peak_rss_kb``).
"""

from __future__ import annotations

import json
import resource
import sys
import time


def own_peak_rss_kb() -> tuple[int, str]:
    """This process's own peak resident memory in kB, and where it was read.

    ``VmHWM`` in /proc/self/status is the high-water mark of this process's own address space, which
    ``execve`` starts afresh. ``ru_maxrss`` is not: Linux carries it across ``execve``, so a child of the
    bench reports at least what its parent held when it forked (a minimal Textual app showed 120 MB
    there, 33 MB alone). ``ru_maxrss`` is only the fallback where there is no /proc.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]), "VmHWM"
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "ru_maxrss"


def _report(t0: float, first: float, rows: int | None = None) -> None:
    peak_kb, source = own_peak_rss_kb()
    got = {"first_frame_s": first - t0, "peak_rss_mb": peak_kb / 1024, "peak_rss_source": source}
    if rows is not None:
        got["first_frame_rows"] = rows  # what the frame showed: the whole agenda, not an empty table
    print(json.dumps(got), flush=True)


def _watch(app, t0: float, is_target, settle: float, rows=None) -> None:
    """Note the first rendered frame of the target screen, then exit (after ``settle`` seconds)."""
    display = app._display
    seen: dict[str, float] = {}

    def timed_display(screen, renderable) -> None:
        display(screen, renderable)
        if "first" not in seen and renderable is not None and is_target(screen):
            seen["first"] = time.time()
            if rows is not None:
                seen["rows"] = rows(screen)
            if settle:
                app.set_timer(settle, lambda: app.exit())
            else:
                app.call_later(app.exit)

    app._display = timed_display
    app.bench_seen = seen


def minimal(t0: float, with_pydantic: bool = False) -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Label

    if with_pydantic:
        # What any app on the project's fixed stack pays before it can show one stored record.
        from pydantic import BaseModel, field_validator

        class Item(BaseModel):
            title: str

            @field_validator("title")
            @classmethod
            def stripped(cls, value: str) -> str:
                return value.strip()

        Item.model_validate({"title": " Hội đồng sáng kiến "})

    class Minimal(App):
        def compose(self) -> ComposeResult:
            yield Label("Hội đồng sáng kiến")

    app = Minimal()
    _watch(app, t0, lambda screen: True, 0.0)
    app.run(headless=True, size=(120, 40))
    _report(t0, app.bench_seen["first"])


def _no_terminal_needed() -> None:
    """The app runs headless here, with output to the bench: `council app` must not ask for a terminal."""
    import cli.app as app_command

    app_command.is_terminal = lambda stream: True


def council(t0: float, data: str, session_id: str, settle: float) -> None:
    # The console script's own path: cli.main -> cli.app.run -> CouncilApp(...).run(),
    # with run() made headless and watched for the agenda's first frame.
    from textual.app import App

    run = App.run
    state: dict[str, object] = {}

    def headless_run(self, *args, **kwargs):
        state["app"] = self
        rows = (lambda screen: screen.query_one("#agenda").row_count) if not settle else None
        _watch(self, t0, lambda screen: type(screen).__name__ == "AgendaScreen", settle, rows)
        return run(self, headless=True, size=(120, 40))

    App.run = headless_run  # type: ignore[method-assign]
    _no_terminal_needed()
    from cli import main

    main(["app", "--session", session_id, "--data", data])
    app = state["app"]
    _report(t0, app.bench_seen["first"], app.bench_seen.get("rows"))  # type: ignore[attr-defined]


def session_list(t0: float, data: str) -> None:
    from textual.app import App

    run = App.run
    state: dict[str, object] = {}

    def headless_run(self, *args, **kwargs):
        state["app"] = self
        shows_list = lambda screen: type(screen).__name__ == "PickerScreen" and screen.built  # noqa: E731
        _watch(self, t0, shows_list, 0.0, lambda screen: screen.query_one("#sessions").row_count)
        return run(self, headless=True, size=(120, 40))

    App.run = headless_run  # type: ignore[method-assign]
    _no_terminal_needed()
    from cli import main

    main(["--data", data])
    app = state["app"]
    _report(t0, app.bench_seen["first"], app.bench_seen.get("rows"))  # type: ignore[attr-defined]


def close(data: str, session_id: str) -> None:
    from textual.app import App

    run = App.run
    quitting: list[bool] = []

    def headless_run(self, *args, **kwargs):
        display = self._display

        def quit_once_open(screen, renderable) -> None:
            display(screen, renderable)
            if not quitting and type(screen).__name__ == "AgendaScreen" and self.service is not None:
                quitting.append(True)
                self.call_later(self.action_quit)  # what ctrl+q does

        self._display = quit_once_open
        return run(self, headless=True, size=(120, 40))

    App.run = headless_run  # type: ignore[method-assign]
    _no_terminal_needed()
    from cli import main

    main(["app", "--session", session_id, "--data", data])
    print(json.dumps({"closed": bool(quitting)}), flush=True)


if __name__ == "__main__":
    kind, stamp = sys.argv[1], float(sys.argv[2])
    if kind in ("minimal", "stack"):
        minimal(stamp, with_pydantic=kind == "stack")
    elif kind == "close":
        close(sys.argv[3], sys.argv[4])
    elif kind == "list":
        session_list(stamp, sys.argv[3])
    else:
        council(stamp, sys.argv[3], sys.argv[4], float(sys.argv[5]) if len(sys.argv) > 5 else 0.0)
