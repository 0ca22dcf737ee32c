"""`council rules --data DIR`: the council's rulebook and the presets, in plain words."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from models.i18n import t
from models.labels import describe_rulebook, preset_name
from models.rules import PRESETS, ScoringPass
from sessions.council_service import CouncilService


def add_parser(sub: argparse._SubParsersAction, add_common: Callable) -> None:
    parser = sub.add_parser("rules", help=t("cli.rules_help"))
    add_common(parser)


def run(args: argparse.Namespace) -> int:
    council = CouncilService(args.data).council()
    print(t("cli.rules_council", council=council.info.name))
    for line in describe_rulebook(council.rulebook):
        print(f"  {line}")
    print()
    print(t("cli.rules_presets"))
    for key, rule in PRESETS.items():
        print(f"- {key}: {preset_name(key)}")
        lines = describe_rulebook(rule)
        shown = [lines[2]]
        if rule.scoring_pass != ScoringPass.ELIGIBLE_SHEETS:
            shown.append(next(line for line in lines if str(rule.mean_threshold) in line))
        for line in shown:
            print(f"    {line}")
    return 0
