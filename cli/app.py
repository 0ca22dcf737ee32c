"""`council [--data DIR]`: open the app (the default command)."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable
from pathlib import Path

from models.errors import DomainError
from models.i18n import t


def add_parser(sub: argparse._SubParsersAction, add_common: Callable) -> None:
    parser = sub.add_parser("app", help=t("cli.app_help"))
    parser.add_argument("--session", default=None, help=t("cli.session_arg"))
    parser.add_argument("--room", nargs="?", const="127.0.0.1", default=None, metavar="ADDRESS", help=t("cli.room_arg"))
    add_common(parser)


def is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False  # closed, or no stream at all


def remember_data_folder(data: Path) -> None:
    """The folder opened becomes the one `council` opens without --data (kept in the settings file)."""
    from sessions.settings import remember

    with contextlib.suppress(DomainError, OSError):  # a convenience: the app opens all the same
        remember(data_folder=Path(data).expanduser().resolve())


def run(args: argparse.Namespace) -> int:
    # Without a terminal to read keys from (stdin from /dev/null, a pipe, cron), the app would wait
    # for keys that never come, at full CPU: say so and stop.
    if not (is_terminal(sys.stdin) and is_terminal(sys.stdout)):
        raise DomainError("cli.no_terminal")
    from tui.app import CouncilApp  # textual is imported only when the app is opened

    if args.data_given:
        remember_data_folder(args.data)
    app = CouncilApp(
        data_dir=args.data,
        session_id=getattr(args, "session", None),
        room=getattr(args, "room", None),
        settings=args.settings,
    )
    app.run()
    return app.return_code or 0
