"""`council verify [SESSION] --data DIR`: check a session's journal and checkpoint, and the council's file."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from models.errors import DomainError
from models.i18n import t
from sessions.council_service import CouncilService
from sessions.verify import verify_council, verify_session


def add_parser(sub: argparse._SubParsersAction, add_common: Callable) -> None:
    parser = sub.add_parser("verify", help=t("cli.verify_help"))
    parser.add_argument("session", nargs="?", help=t("cli.verify_session_arg"))
    add_common(parser)


def run(args: argparse.Namespace) -> int:
    ok = True
    if args.session is None and CouncilService(args.data).is_empty():
        raise DomainError("error.no_council", path=str(args.data))
    if args.session is not None:
        report = verify_session(args.data, args.session)
        print(report.message())
        ok = report.ok
    council = verify_council(args.data)
    print(council.text)
    return 0 if ok and council.ok else 3
