"""`council verify SESSION --data DIR`: check the journal's hash chain and the checkpoint."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from models.i18n import t
from sessions.verify import verify_session


def add_parser(sub: argparse._SubParsersAction, add_common: Callable) -> None:
    parser = sub.add_parser("verify", help=t("cli.verify_help"))
    parser.add_argument("session", help=t("cli.session_arg"))
    add_common(parser)


def run(args: argparse.Namespace) -> int:
    report = verify_session(args.data, args.session)
    print(report.message())
    return 0 if report.ok else 3
