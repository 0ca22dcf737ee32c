"""`council export SESSION --format md|json --output FILE`: the minutes or the machine-readable record.

A session that fails verification is exported all the same, marked in the document, with a
warning on standard error; the exit code stays 0 (the file was written, as asked).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from cli._output import check_output_folder, to_stdout, write_stdout
from models.i18n import t
from sessions.exporting import FORMATS, SEPARATORS, export_checked, format_for_name, render_checked


def add_parser(sub: argparse._SubParsersAction, add_common: Callable) -> None:
    parser = sub.add_parser("export", help=t("cli.export_help"))
    parser.add_argument("session", help=t("cli.session_arg"))
    parser.add_argument("--format", choices=FORMATS, default=None)  # left out: what --output's name says, else md
    parser.add_argument("--output", type=Path, default=None, help=t("cli.output_help"))
    parser.add_argument("--separator", choices=sorted(SEPARATORS), default="comma", help=t("cli.separator_help"))
    add_common(parser)


def run(args: argparse.Namespace) -> int:
    separator = SEPARATORS[args.separator]
    if args.format is None:
        args.format = format_for_name(None if to_stdout(args.output) else args.output)
    if to_stdout(args.output):
        data, failed = render_checked(args.data, args.session, args.format, separator)
        write_stdout(data, args.format)
        if failed:
            print(t("export.unverified_warning", session=args.session, reason=failed, path="-"), file=sys.stderr)
        return 0
    if args.output is not None:
        check_output_folder(args.output)
    exported = export_checked(args.data, args.session, args.format, args.output, separator)
    print(t("cli.exported", path=str(exported.path)))
    if exported.failed:
        warning = t("export.unverified_warning", session=args.session, reason=exported.failed, path=str(exported.path))
        print(warning, file=sys.stderr)
    return 0
