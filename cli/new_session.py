"""`council new-session --data DIR --title ... --date DD/MM/YYYY`: create a planned session, print its id."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from models.errors import DomainError
from models.forms import member_ref
from models.i18n import t
from models.parsing import parse_date_text, parse_invitees, parse_time, squash
from sessions.council_service import CouncilService


def add_parser(sub: argparse._SubParsersAction, add_common: Callable) -> None:
    parser = sub.add_parser(
        "new-session", help=t("prep.cli.new_session_help"), description=t("prep.cli.new_session_help")
    )
    parser.set_defaults(command="new_session")
    parser.add_argument("--title", help=t("prep.cli.title_help"))
    parser.add_argument("--date", help=t("prep.cli.date_help"))
    parser.add_argument("--place", default="", help=t("prep.cli.place_help"))
    parser.add_argument("--start", default="", help=t("prep.cli.start_help"))
    parser.add_argument("--chair", default="", help=t("prep.cli.chair_help"))
    parser.add_argument("--secretary", default="", help=t("prep.cli.secretary_help"))
    parser.add_argument("--invitee", action="append", default=[], help=t("prep.cli.invitee_help"))
    parser.add_argument("--id", default=None, help=t("prep.cli.id_help"))
    add_common(parser)


def run(args: argparse.Namespace) -> int:
    council_service = CouncilService(args.data)
    council = council_service.council()
    if not squash(args.title or ""):
        raise DomainError("prep.cli.title_needed")
    if not squash(args.date or ""):
        raise DomainError("prep.cli.date_needed")
    session_id = council_service.plan_session(
        title=args.title,
        date=parse_date_text(args.date),
        place=args.place,
        start_time=parse_time(args.start),
        chair_id=member_ref(args.chair, council.members),
        secretary_id=member_ref(args.secretary, council.members),
        invitees=parse_invitees("\n".join(args.invitee)),
        session_id=args.id,
    )
    print(session_id)
    print(t("prep.cli.session_created", session=session_id, path=str(council_service.root)), file=sys.stderr)
    return 0
