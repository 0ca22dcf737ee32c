"""`council [--data DIR]`: open the app (the default command)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from models.i18n import t


def add_parser(sub: argparse._SubParsersAction, add_common: Callable) -> None:
    parser = sub.add_parser("app", help=t("cli.app_help"))
    parser.add_argument("--session", default=None, help=t("cli.session_arg"))
    add_common(parser)


def run(args: argparse.Namespace) -> int:
    from tui.app import CouncilApp  # textual is imported only when the app is opened

    app = CouncilApp(data_dir=args.data, session_id=getattr(args, "session", None))
    app.run()
    return app.return_code or 0
