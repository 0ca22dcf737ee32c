"""`council import FILE --data DIR [--session ID] [--dry-run]`: import initiatives or members, all or nothing."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from cli._prompt import print_plan, print_problems
from models.i18n import t
from sessions.council_service import CouncilService
from sessions.importing import KINDS, apply_initiatives
from tui.glance_view import first_frame


def add_parser(sub: argparse._SubParsersAction, add_common: Callable) -> None:
    parser = sub.add_parser("import", help=t("prep.cli.import_help"), description=t("prep.cli.import_help"))
    parser.set_defaults(command="import_")
    parser.add_argument("file", type=Path, help=t("prep.cli.file_help"))
    parser.add_argument("--session", default=None, help=t("prep.cli.import_session_help"))
    parser.add_argument("--kind", choices=KINDS, default=None, help=t("prep.cli.kind_help"))
    parser.add_argument("--sheet", default=None, help=t("prep.cli.sheet_help"))
    parser.add_argument("--dry-run", action="store_true", help=t("prep.cli.dry_run_help"))
    add_common(parser)


def run(args: argparse.Namespace) -> int:
    # With what the agenda will show kept beside the session, the app's first frame of it comes at once.
    council = CouncilService(args.data, first_frame=first_frame)
    plan = council.preview_import(args.file, session_id=args.session, kind=args.kind, sheet=args.sheet)
    if not plan.ok:
        print_problems(plan)
        return 2
    print_plan(plan)
    if args.dry_run:
        print(t("prep.cli.dry_run_done", count=plan.count))
        return 0
    if plan.kind == "members":
        members = council.import_members(plan)
        print(t("prep.cli.members_imported", count=len(members), path=str(council.root)))
        return 0
    service = council.open_session(args.session)
    try:
        added = apply_initiatives(service, plan)
    finally:
        service.close()
    print(t("prep.cli.initiatives_imported", count=len(added), session=args.session))
    return 0
