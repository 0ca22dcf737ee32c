"""`council decision SESSION --number 123/QĐ-BV --date DD/MM/YYYY`: the recognition decision, after the meeting.

Without ``--number`` and ``--date`` it prints the decision recorded for the session, if any.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from models.errors import DomainError
from models.formatting import counted, format_date
from models.i18n import t
from models.parsing import parse_date_text, squash
from models.session import Conclusion
from sessions.council_service import CouncilService
from tui.glance_view import first_frame


def add_parser(sub: argparse._SubParsersAction, add_common: Callable) -> None:
    parser = sub.add_parser("decision", help=t("cli.decision_help"), description=t("cli.decision_help"))
    parser.add_argument("session", help=t("cli.session_arg"))
    parser.add_argument("--number", default=None, help=t("cli.decision_number_help"))
    parser.add_argument("--date", default=None, help=t("cli.decision_date_help"))
    add_common(parser)


def run(args: argparse.Namespace) -> int:
    council = CouncilService(args.data, first_frame=first_frame)
    number, date = squash(args.number or ""), squash(args.date or "")
    if not number and not date:
        return _show(council, args.session)
    if not number or not date:
        raise DomainError("cli.decision_both")
    day = parse_date_text(date)  # a date that is no date is refused before the session is locked
    service = council.open_session(args.session)
    try:
        decision = service.record_recognition(number, day)
        record = service.record
    finally:
        service.close()
    recognised = sum(1 for i in record.session.agenda if record.conclusion(i) == Conclusion.RECOGNISED)
    print(
        t(
            "cli.decision_recorded",
            session=args.session,
            number=decision.number,
            date=format_date(decision.date),
            count=counted(recognised, "noun.recognised_initiative"),
        )
    )
    return 0


def _show(council: CouncilService, session_id: str) -> int:
    service = council.open_session(session_id, read_only=True)
    try:
        decision = service.record.session.recognition
    finally:
        service.close()
    if decision is None:
        print(t("cli.decision_none", session=session_id))
    else:
        print(t("cli.decision_shown", session=session_id, number=decision.number, date=format_date(decision.date)))
    return 0
