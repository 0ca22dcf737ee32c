"""`council demo --data DIR`: create the demo council."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable

from models.i18n import t
from sessions.demo.build import build_demo
from sessions.storage import DataFolder


def add_parser(sub: argparse._SubParsersAction, add_common: Callable) -> None:
    parser = sub.add_parser("demo", help=t("cli.demo_help"))
    add_common(parser)


def run(args: argparse.Namespace) -> int:
    ids = build_demo(DataFolder(args.data), dt.date.today())
    print(t("cli.demo_done", path=str(args.data), sessions=", ".join(ids)))
    return 0
