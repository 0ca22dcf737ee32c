"""Every key of every screen, in one place. Descriptions are catalogue keys, translated per screen instance.

The help screen, the footer, the command palette and the README's key table all read these lists,
so they cannot drift from the code.
"""

from __future__ import annotations

import dataclasses

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from models.i18n import t

# Digits jump to a member by seat number; only the first is shown, as "0-9".
SEAT_KEYS = [
    Binding(str(d), f"seat({d})", "bind.seat", show=d == 1, key_display="0-9") for d in (1, 2, 3, 4, 5, 6, 7, 8, 9, 0)
]

APP = [
    Binding("question_mark", "help", "bind.help", key_display="?"),
    Binding("ctrl+q", "quit", "bind.quit", priority=True),
]

PICKER = [
    Binding("enter", "open_session", "bind.open_session"),
    Binding("n", "new_session", "bind.new_session"),
    Binding("m", "members", "bind.members"),
    Binding("r", "open_read_only", "bind.open_read_only"),
    Binding("e", "export", "bind.export"),
    Binding("S", "statistics", "bind.statistics", key_display="shift+s"),
    Binding("q", "quit", "bind.quit", show=False),
]

FIRST_RUN = [
    Binding("n", "new_council", "bind.new_council"),
    Binding("d", "create_demo", "bind.create_demo"),
    Binding("q", "quit", "bind.quit"),
]

AGENDA = [
    Binding("t", "attendance", "bind.attendance"),
    Binding("s", "start_session", "bind.start_session"),
    Binding("v", "vote", "bind.vote"),
    Binding("f", "findings", "bind.findings"),
    Binding("r", "recuse", "bind.recuse", show=False),
    Binding("g", "rules", "bind.rules", show=False),
    Binding("n", "next_item", "bind.next_item"),
    Binding("p", "previous_item", "bind.previous_item", show=False),
    Binding("enter", "make_current", "bind.make_current", show=False),
    Binding("e", "export", "bind.export"),
    Binding("S", "statistics", "bind.statistics", show=False, key_display="shift+s"),
    Binding("c", "close_session", "bind.close_session"),
    Binding("escape", "leave", "bind.leave_session"),
    # Preparing the agenda (tui/screens/prepare/agenda_actions.py); listed by ? and the palette.
    Binding("a", "add_initiative", "bind.add_initiative", show=False),
    Binding("E", "edit_initiative", "bind.edit_initiative", key_display="shift+e", show=False),
    Binding("delete", "remove_initiative", "bind.remove_initiative", key_display="del", show=False),
    Binding("shift+up", "move_item(-1)", "bind.move_up", show=False),
    Binding("shift+down", "move_item(1)", "bind.move_down", show=False),
    Binding("D", "edit_details", "bind.edit_details", key_display="shift+d", show=False),
    Binding("i", "import_initiatives", "bind.import_initiatives", show=False),
    Binding("M", "take_council", "bind.take_council", key_display="shift+m", show=False),
]

ATTENDANCE = [
    Binding("p", "mark('present')", "bind.present"),
    Binding("a", "mark('absent')", "bind.absent"),
    Binding("l", "mark('late')", "bind.late"),
    Binding("x", "mark('left_early')", "bind.left_early"),
    *SEAT_KEYS,
    Binding("escape", "back", "bind.back"),
]

# Keys every poll screen shares.
POLL_COMMON = [
    Binding("c", "close_poll", "bind.close_poll"),
    Binding("x", "reset_poll", "bind.reset_poll", show=False),
    Binding("f", "findings", "bind.findings"),
    Binding("escape", "back", "bind.back"),
]

VOTE = [
    Binding("y", "cast('yes')", "bind.yes"),
    Binding("n", "cast('no')", "bind.no"),
    Binding("a", "cast('abstain')", "bind.abstain"),
    Binding("Y", "everyone_yes", "bind.everyone_yes", key_display="shift+y"),
    Binding("u", "undo", "bind.undo"),
    Binding("backspace,delete", "clear_vote", "bind.clear_vote", key_display="⌫", show=False),
    *SEAT_KEYS,
    *POLL_COMMON,
]

BALLOT_OVERVIEW = [
    Binding("b", "booth", "bind.booth"),
    Binding("enter", "paper_sheet", "bind.paper_sheet", show=False),
    *POLL_COMMON,
]

PAPER = [
    Binding("ctrl+s", "save_counts", "bind.save_counts", priority=True),
    *POLL_COMMON,
]

# The booth: a member can only choose their name and vote; the chair leaves with ctrl+x (and PIN).
BOOTH = [
    Binding("ctrl+x", "leave_booth", "bind.leave_booth", show=False),
]

PIN = [Binding("escape", "cancel", "bind.cancel")]

RECEIVED = [Binding("enter,space,escape", "done", "bind.next_member")]

BALLOT = [
    Binding("y", "choose('yes')", "bind.yes"),
    Binding("n", "choose('no')", "bind.no"),
    Binding("a", "choose('abstain')", "bind.abstain"),
    Binding("escape", "cancel", "bind.ballot_cancel"),
]

SHEET = [
    Binding("ctrl+s", "submit", "bind.submit_sheet", priority=True),
    Binding("escape", "cancel", "bind.cancel"),
]

STATS = [
    Binding("a", "toggle_scope", "bind.stats_scope"),
    Binding("escape", "back", "bind.back"),
]

RULES = [
    Binding("enter", "apply_preset", "bind.apply_preset", show=False),
    Binding("ctrl+s", "save_rules", "bind.save", priority=True),
    Binding("escape", "back", "bind.back"),
]

FINDINGS = [
    Binding("ctrl+s", "save", "bind.save", priority=True),
    Binding("escape", "back", "bind.back"),
]

# Preparing: every form, the members editor, and an import's preview.
PREP_FORM = [
    Binding("ctrl+s", "save", "bind.save", priority=True),
    Binding("escape", "back", "bind.back"),
]

MEMBERS = [
    Binding("a", "add_member", "bind.add_member"),
    Binding("e", "edit_member", "bind.edit_member"),
    Binding("delete", "remove_member", "bind.remove_member", key_display="del"),
    Binding("i", "import_members", "bind.import_members"),
    Binding("c", "council_info", "bind.council_info"),
    Binding("escape", "done", "bind.members_done"),
]

IMPORT = [
    Binding("ctrl+s", "apply", "bind.import_apply", priority=True),
    Binding("escape", "back", "bind.back"),
]

MODAL = [
    Binding("escape", "cancel", "bind.cancel"),
]

HELP = [
    Binding("escape,question_mark,q", "close", "bind.close", key_display="esc"),
]


# Textual's own bindings on every screen, named in the user's language too.
TEXTUAL_DESCRIPTIONS = {
    "Focus Next": "bind.focus_next",
    "Focus Previous": "bind.focus_previous",
    "Copy selected text": "bind.copy",
    "palette": "bind.palette",
}


def translate_bindings(node: DOMNode) -> None:
    """Replace the catalogue keys in ``node``'s bindings with text in the current language."""
    translated: dict[str, list[Binding]] = {}
    for key, bindings in node._bindings.key_to_bindings.items():
        translated[key] = [_translated(b) for b in bindings]
    node._bindings = BindingsMap.from_keys(translated)


def _translated(binding: Binding) -> Binding:
    key = TEXTUAL_DESCRIPTIONS.get(binding.description, binding.description)
    if key.startswith("bind."):
        return dataclasses.replace(binding, description=t(key))
    return binding


def all_screen_bindings() -> dict[str, list[Binding]]:
    """Name -> bindings, for the help screen and the generated key reference."""
    return {
        "app": APP,
        "picker": PICKER,
        "first_run": FIRST_RUN,
        "agenda": AGENDA,
        "attendance": ATTENDANCE,
        "vote": VOTE,
        "ballot_overview": BALLOT_OVERVIEW,
        "paper": PAPER,
        "booth": BOOTH,
        "ballot": BALLOT,
        "sheet": SHEET,
        "pin": PIN,
        "received": RECEIVED,
        "rules": RULES,
        "stats": STATS,
        "findings": FINDINGS,
        "prep_form": PREP_FORM,
        "members": MEMBERS,
        "import": IMPORT,
    }
