"""Turn errors into messages on screen: a user never sees a traceback."""

from __future__ import annotations

import datetime as dt
import functools
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from models.errors import DomainError
from models.i18n import t

F = TypeVar("F", bound=Callable[..., Any])


def log_unexpected(error: BaseException | None = None) -> Path | None:
    """Append a traceback (of ``error``, or the one being handled) to the error log; returns its path.

    Only the traceback is written, never local variables, so no vote can end up in the log.
    """
    try:
        from platformdirs import user_log_dir  # only when there is something to log

        folder = Path(user_log_dir("council", appauthor=False))
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "council-error.log"
        text = "".join(traceback.format_exception(error)) if error is not None else traceback.format_exc()
        # When and with which build: what whoever reads the log first asks.
        # Imported here: the app's start loads no session module before the agenda needs one.
        from sessions.build import council_version

        header = f"=== {dt.datetime.now().astimezone():%d/%m/%Y %H:%M:%S %z} council {council_version()} ===\n"
        with path.open("a", encoding="utf-8") as log:
            log.write(header + text + "\n")
        return path
    except OSError:
        return None


def guarded(method: F) -> F:
    """Run an action; a DomainError becomes an error notice, anything else is logged and reported."""

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except DomainError as error:
            from sessions.session_files import WRITER_STOPPED  # (not at start: `council app` starts without it)

            stopped = error.key in WRITER_STOPPED
            # Plain text: an error quotes what the user typed, which may look like markup ("[/]").
            self.app.notify(str(error), severity="error", timeout=60 if stopped else 8, markup=False)
            if stopped and hasattr(self.app.screen, "refresh_bar"):
                self.app.screen.refresh_bar()  # the session is read-only here now: the bar says so at once
        except Exception:
            path = log_unexpected()
            message = t("cli.unexpected", path=str(path) if path else "-")
            self.app.notify(message, severity="error", timeout=12, markup=False)
        return None

    return wrapper  # type: ignore[return-value]
