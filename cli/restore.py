"""`council restore --data DIR [SESSION] [BACKUP] [--yes]`: list a session's backups and restore one."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from models.errors import DomainError
from models.i18n import t
from models.session import SessionStatus
from models.status import status_label
from sessions.backup import Backup, backed_up_sessions, find_backup, list_backups
from sessions.clock import local_now
from sessions.council_service import CouncilService

YES = ("y", "yes", "c", "có", "co")


def add_parser(sub: argparse._SubParsersAction, add_common: Callable) -> None:
    parser = sub.add_parser("restore", help=t("cli.restore_help"))
    parser.add_argument("session", nargs="?", default=None, help=t("cli.session_arg"))
    parser.add_argument("backup", nargs="?", default=None, help=t("cli.restore_backup_arg"))
    parser.add_argument("--yes", action="store_true", help=t("cli.yes_help"))
    parser.add_argument("--council", action="store_true", help=t("cli.restore_council_help"))
    add_common(parser)


def _taken(backup: Backup) -> str:
    return backup.taken.strftime("%d/%m/%Y %H:%M:%S") if backup.taken else "?"


def _kind(backup: Backup) -> str:
    key = f"restore.kind_{backup.kind}"
    return t(key) if backup.kind in ("open", "close", "restore") else backup.kind


def _status(backup: Backup) -> str:
    try:
        return status_label(SessionStatus(backup.status))
    except ValueError:
        return "-"


def _list_sessions(args: argparse.Namespace) -> int:
    sessions = backed_up_sessions(args.data)
    if not sessions:
        print(t("restore.no_backups", path=str(args.data)))
        return 0
    print(t("restore.sessions_title"))
    for session_id in sessions:
        backups = list_backups(args.data, session_id)
        print("  " + t("restore.session_line", session=session_id, count=len(backups), newest=_taken(backups[0])))
    return 0


def _list_backups(args: argparse.Namespace) -> int:
    backups = list_backups(args.data, args.session)
    if not backups:
        print(t("restore.none_for_session", session=args.session))
        return 0
    print(t("restore.backups_title", session=args.session))
    for number, backup in enumerate(backups, start=1):
        line = t(
            "restore.backup_line",
            number=number,
            taken=_taken(backup),
            kind=_kind(backup),
            records=backup.records,
            status=_status(backup),
            head=backup.head[:16],
            name=backup.name,
        )
        print(line)
    print(t("restore.hint", session=args.session, data=str(args.data)))
    return 0


def _confirmed(args: argparse.Namespace, question: str, refusal: str = "error.restore_needs_yes") -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        raise DomainError(refusal)
    try:
        answer = input(question)
    except EOFError:
        return False
    return answer.strip().lower() in YES


def _restore_council(args: argparse.Namespace) -> int:
    """`council restore --council`: council.json as the council's journal last recorded it."""
    council = CouncilService(args.data)
    evidence = council.council_evidence()
    path = str(council.council_file)
    if evidence.state == "ok" and council.council_file.exists():
        print(t("restore.council_nothing", path=path, record=evidence.records))
        return 0
    # Asked only when there is a version to put back: a journal that fails, or none, is refused below.
    question = t("restore.council_confirm", path=path, record=evidence.records)
    if evidence.state in ("edited", "behind", "ok") and not _confirmed(
        args, question, "error.restore_council_needs_yes"
    ):
        print(t("restore.cancelled"))
        return 1
    kept = council.restore_council(local_now())
    print(t("restore.council_done", path=path, record=evidence.records))
    if kept is not None:
        print(t("restore.council_kept", kept=str(kept)))
    return 0


def run(args: argparse.Namespace) -> int:
    if args.council:
        return _restore_council(args)
    if args.session is None:
        return _list_sessions(args)
    if args.backup is None:
        return _list_backups(args)
    backup = find_backup(args.data, args.session, args.backup)
    question = t(
        "restore.confirm", session=backup.session_id, taken=_taken(backup), kind=_kind(backup), records=backup.records
    )
    if not _confirmed(args, question):
        print(t("restore.cancelled"))
        return 1
    kept = CouncilService(args.data).restore_backup(backup, local_now())
    print(
        t(
            "restore.done",
            session=backup.session_id,
            taken=_taken(backup),
            records=backup.records,
            head=backup.head[:16],
        )
    )
    if kept is not None:
        print(t("restore.kept", name=kept.name))
    return 0
