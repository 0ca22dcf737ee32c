"""`council export SESSION --format md|json --output FILE`: the minutes or the machine-readable record."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from models.i18n import t
from sessions.exporting import FORMATS, SEPARATORS, export_session, render_session
from tui.commands._output import check_output_folder, to_stdout, write_stdout


def add_parser(sub: argparse._SubParsersAction, add_common: Callable) -> None:
    parser = sub.add_parser("export", help=t("cli.export_help"))
    parser.add_argument("session", help=t("cli.session_arg"))
    parser.add_argument("--format", choices=FORMATS, default="md")
    parser.add_argument("--output", type=Path, default=None, help=t("cli.output_help"))
    parser.add_argument("--separator", choices=sorted(SEPARATORS), default="comma", help=t("cli.separator_help"))
    add_common(parser)


def run(args: argparse.Namespace) -> int:
    separator = SEPARATORS[args.separator]
    if to_stdout(args.output):
        write_stdout(render_session(args.data, args.session, args.format, separator), args.format)
        return 0
    if args.output is not None:
        check_output_folder(args.output)
    path = export_session(args.data, args.session, args.format, args.output, separator)
    print(t("cli.exported", path=str(path)))
    return 0
