"""`council demo --data DIR`: create the demo council."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable

from models.i18n import t
from sessions.council_service import CouncilService


def add_parser(sub: argparse._SubParsersAction, add_common: Callable) -> None:
    parser = sub.add_parser("demo", help=t("cli.demo_help"))
    add_common(parser)


def run(args: argparse.Namespace) -> int:
    ids = CouncilService(args.data).create_demo(dt.date.today())
    print(t("cli.demo_done", path=str(args.data), sessions=", ".join(ids)))
    return 0
