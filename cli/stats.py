"""`council stats --data DIR [--session ID ...] [--format table|xlsx|csv] [--output FILE]`: counts and benefit."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from cli._output import check_output_folder, to_stdout, write_stdout
from models.i18n import t
from sessions.export.statistics import STATS_FORMATS, export_stats, render_table, stats_bytes
from sessions.exporting import SEPARATORS
from sessions.report_file import refuse_unsafe_report
from sessions.stats import compute_stats, council_unit, load_records


def add_parser(sub: argparse._SubParsersAction, add_common: Callable) -> None:
    parser = sub.add_parser("stats", help=t("statistics.help"))
    parser.add_argument("--session", action="append", default=None, metavar="ID", help=t("statistics.session_help"))
    parser.add_argument("--format", choices=STATS_FORMATS, default=None, help=t("statistics.format_help"))
    parser.add_argument("--output", type=Path, default=None, help=t("statistics.output_help"))
    parser.add_argument("--all", action="store_true", dest="undecided", help=t("statistics.all_help"))
    parser.add_argument("--separator", choices=sorted(SEPARATORS), default="comma", help=t("cli.separator_help"))
    add_common(parser)


def run(args: argparse.Namespace) -> int:
    if args.format is None:  # left out: what --output's name says (s.xlsx, s.csv), else the printed table
        suffix = "" if args.output is None or to_stdout(args.output) else Path(args.output).suffix.lower()
        args.format = {".xlsx": "xlsx", ".csv": "csv"}.get(suffix, "table")
    if args.format == "table" and (args.output is None or to_stdout(args.output)):
        records = load_records(args.data, args.session, args.undecided)
        print(render_table(compute_stats(records, council_unit(args.data))), end="")
        return 0
    if to_stdout(args.output):
        separator = SEPARATORS[args.separator]
        write_stdout(stats_bytes(args.data, args.session, args.format, args.undecided, separator), args.format)
        return 0
    if args.output is not None:
        check_output_folder(args.output)
        # At once, before years of sessions are read (the writer checks again).
        refuse_unsafe_report(args.output, args.format if args.format != "table" else None)
    path = export_stats(
        args.data, args.session, args.format, args.output, Path.cwd(), args.undecided, SEPARATORS[args.separator]
    )
    print(t("cli.exported", path=str(path)))
    return 0
