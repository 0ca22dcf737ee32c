"""`council sessions --data DIR`: list the council's sessions with their ids."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from models.formatting import format_date, parse_date
from models.i18n import t
from models.status import listed_status_label
from sessions.council_service import CouncilService


def add_parser(sub: argparse._SubParsersAction, add_common: Callable) -> None:
    parser = sub.add_parser("sessions", help=t("cli.sessions_help"))
    add_common(parser)


def run(args: argparse.Namespace) -> int:
    council = CouncilService(args.data)
    print(council.council().info.name)
    summaries = council.summaries(damaged_rows=True)
    if not summaries:
        print(t("cli.no_sessions"))
        return 0
    for s in summaries:
        status = listed_status_label(s.status)
        date = format_date(parse_date(s.date)) if s.date else "-"
        print(f"{s.id:<14} {date}  {status:<14} {s.decided}/{s.total}  {s.title}")
    return 0
