"""`council template initiatives.xlsx` (or .csv, or members.xlsx): a file to fill in and import."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from cli._output import check_output_folder
from models.i18n import t
from sessions.importing import KINDS
from sessions.templates import write_template


def add_parser(sub: argparse._SubParsersAction, add_common: Callable) -> None:
    parser = sub.add_parser("template", help=t("prep.cli.template_help"), description=t("prep.cli.template_help"))
    parser.add_argument("file", type=Path, help=t("prep.cli.template_file_help"))
    parser.add_argument("--kind", choices=KINDS, default=None, help=t("prep.cli.kind_help"))
    parser.add_argument("--force", action="store_true", help=t("prep.cli.force_help"))
    add_common(parser)


def run(args: argparse.Namespace) -> int:
    check_output_folder(args.file)
    kind = write_template(args.file, args.kind, force=args.force)
    print(t("prep.cli.template_done", path=str(args.file), kind=t(f"prep.cli.kind_{kind}")))
    return 0
