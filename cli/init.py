"""`council init --data DIR`: start a new council (asks on a terminal, or takes everything as options)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from cli._prompt import Prompter, print_plan, print_problems
from models.council import CouncilInfo, FoundingDecision, Member, Role
from models.errors import DomainError
from models.i18n import t
from models.labels import role_label, rule_summary
from models.parsing import parse_optional_date, parse_role, squash
from models.rules import PRESETS
from sessions.council_service import CouncilService
from sessions.council_setup import merge_member_ids, rulebook_preset
from sessions.importing import preview_members


def add_parser(sub: argparse._SubParsersAction, add_common: Callable) -> None:
    parser = sub.add_parser("init", help=t("prep.cli.init_help"), description=t("prep.cli.init_help"))
    parser.add_argument("--name", help=t("prep.cli.name_help"))
    parser.add_argument("--unit", help=t("prep.cli.unit_help"))
    parser.add_argument("--parent-unit", help=t("prep.cli.parent_unit_help"))
    parser.add_argument("--city", help=t("prep.cli.city_help"))
    parser.add_argument("--decision-number", help=t("prep.cli.decision_number_help"))
    parser.add_argument("--decision-date", help=t("prep.cli.decision_date_help"))
    parser.add_argument("--decision-issuer", help=t("prep.cli.decision_issuer_help"))
    parser.add_argument("--members", type=Path, help=t("prep.cli.members_help"))
    parser.add_argument("--preset", help=t("prep.cli.preset_help", presets=", ".join(PRESETS)))
    parser.add_argument("--no-input", action="store_true", help=t("prep.cli.no_input_help"))
    add_common(parser)


def _required(key: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if not squash(text):
            raise DomainError(key)
        return squash(text)

    return parse


def _ask_info(args: argparse.Namespace, prompt: Prompter | None) -> tuple[CouncilInfo, str]:
    def value(option: str | None, label: str, parse: Callable[[str], object] = squash, default: str = "") -> object:
        if option is not None or prompt is None:
            return parse(option or default)
        return prompt.ask(t(label), parse, default)

    if args.name is None and prompt is None:
        raise DomainError("prep.cli.name_needed")
    name = value(args.name, "prep.cli.ask_name", _required("prep.cli.name_needed"))
    unit = value(args.unit, "prep.cli.ask_unit")
    parent = value(args.parent_unit, "prep.cli.ask_parent_unit")
    city = value(args.city, "prep.cli.ask_city")
    number = value(args.decision_number, "prep.cli.ask_decision_number")
    date = value(args.decision_date, "prep.cli.ask_decision_date", parse_optional_date)
    issuer = value(args.decision_issuer, "prep.cli.ask_decision_issuer")
    if args.preset is None and prompt is not None:
        prompt.say(t("prep.cli.presets"))
        for index, (key, rules) in enumerate(PRESETS.items(), start=1):
            prompt.say(f"  {index}. {key}: {rule_summary(rules)}")
        preset = prompt.ask(t("prep.cli.ask_preset"), _preset_choice, "1")
    else:
        preset = rulebook_preset(args.preset or "circular18")
    decision = FoundingDecision(number=number, date=date, issuer=issuer)
    info = CouncilInfo(name=name, unit=unit, parent_unit=parent, city=city, decision=decision)
    return info, preset


def _preset_choice(text: str) -> str:
    names = list(PRESETS)
    if text.isascii() and text.isdigit() and 1 <= int(text) <= len(names):
        return names[int(text) - 1]
    return rulebook_preset(text)


def _ask_members(prompt: Prompter) -> list[Member]:
    roles = list(Role)
    prompt.say(t("prep.cli.members_intro"))
    choices = ", ".join(f"{i}. {role_label(r)}" for i, r in enumerate(roles, start=1))
    members: list[Member] = []
    while True:
        seat = len(members) + 1
        name = prompt.ask(t("prep.cli.ask_member_name", seat=seat), squash)
        if not name:
            return members

        def role_choice(text: str) -> Role:
            if text.isascii() and text.isdigit() and 1 <= int(text) <= len(roles):
                return roles[int(text) - 1]
            return parse_role(text)

        default = "1" if seat == 1 else "4"
        role = prompt.ask(t("prep.cli.ask_member_role", choices=choices), role_choice, default)
        title = prompt.ask(t("prep.cli.ask_member_title"), squash)
        members.append(Member(id=f"m{seat}", seat=seat, name=name, role=role, title=title))


def run(args: argparse.Namespace, ask: Callable[[str], str] | None = None) -> int:
    council = CouncilService(args.data)
    if not council.is_empty():
        raise DomainError("prep.err.council_exists", path=str(council.root))
    interactive = ask is not None or (sys.stdin.isatty() and not args.no_input)
    prompt = Prompter(ask or input) if interactive else None
    info, preset = _ask_info(args, prompt)
    members: list[Member] = []
    if args.members is not None:
        plan = preview_members(args.members)
        if not plan.ok:
            print_problems(plan)
            return 2
        print_plan(plan)
        members = merge_member_ids(plan.members, [])
    elif prompt is not None:
        members = _ask_members(prompt)
    council.start_council(info, members, preset)
    print(t("prep.cli.init_done", name=info.name, path=str(council.root), count=len(members), preset=preset))
    if not members:
        print(t("prep.cli.init_no_members", path=str(council.root)))
    print(t("prep.cli.init_next", path=str(council.root)))
    return 0
