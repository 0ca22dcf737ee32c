"""Every key of every screen, in one place. Descriptions are catalogue keys, translated per screen instance.

Each binding has a name (``bind.*``: the footer, ``?``) and a sentence saying what it does (its tooltip,
``does.*``: the command palette's help line and the footer's tooltip).

The help screen, the footer, the command palette and the README's key table all read these lists,
so they cannot drift from the code.
"""

from __future__ import annotations

import dataclasses

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from models.i18n import t
from tui.textual_private import own_bindings, set_own_bindings

# Digits jump to a member by seat number; only the first is shown, as "0-9".
SEAT_KEYS = [
    Binding(str(d), f"seat({d})", "bind.seat", show=d == 1, key_display="0-9") for d in (1, 2, 3, 4, 5, 6, 7, 8, 9, 0)
]

APP = [
    Binding("question_mark", "help", "bind.help", key_display="?", tooltip="does.app.help"),
    Binding("ctrl+q", "quit", "bind.quit", priority=True, tooltip="does.app.quit"),
]

PICKER = [
    Binding("enter", "open_session", "bind.open_session", tooltip="does.picker.open_session"),
    Binding("n", "new_session", "bind.new_session", tooltip="does.picker.new_session"),
    Binding("m", "members", "bind.members", tooltip="does.picker.members"),
    Binding("r", "open_read_only", "bind.open_read_only", tooltip="does.picker.open_read_only"),
    Binding("e", "export", "bind.export", tooltip="does.picker.export"),
    Binding("S", "statistics", "bind.statistics", key_display="shift+s", tooltip="does.picker.statistics"),
    Binding("q", "quit", "bind.quit", show=False, tooltip="does.picker.quit"),
]

FIRST_RUN = [
    Binding("n", "new_council", "bind.new_council", tooltip="does.first_run.new_council"),
    Binding("d", "create_demo", "bind.create_demo", tooltip="does.first_run.create_demo"),
    Binding("q", "quit", "bind.quit", tooltip="does.first_run.quit"),
]

AGENDA = [
    Binding("t", "attendance", "bind.attendance", tooltip="does.agenda.attendance"),
    Binding("s", "start_session", "bind.start_session", tooltip="does.agenda.start_session"),
    Binding("v", "vote", "bind.vote", tooltip="does.agenda.vote"),
    Binding("f", "findings", "bind.findings", tooltip="does.agenda.findings"),
    Binding("r", "recuse", "bind.recuse", show=False, tooltip="does.agenda.recuse"),
    Binding("g", "rules", "bind.rules", show=False, tooltip="does.agenda.rules"),
    Binding("n", "next_item", "bind.next_item", tooltip="does.agenda.next_item"),
    Binding("p", "previous_item", "bind.previous_item", show=False, tooltip="does.agenda.previous_item"),
    Binding("enter", "make_current", "bind.make_current", show=False, tooltip="does.agenda.make_current"),
    Binding("e", "export", "bind.export", tooltip="does.agenda.export"),
    Binding("S", "statistics", "bind.statistics", show=False, key_display="shift+s", tooltip="does.agenda.statistics"),
    Binding("c", "close_session", "bind.close_session", tooltip="does.agenda.close_session"),
    Binding("escape", "leave", "bind.leave_session", tooltip="does.agenda.leave"),
    # Preparing the agenda (tui/screens/prepare/agenda_actions.py); listed by ? and the palette.
    Binding("a", "add_initiative", "bind.add_initiative", show=False, tooltip="does.agenda.add_initiative"),
    Binding(
        "E",
        "edit_initiative",
        "bind.edit_initiative",
        key_display="shift+e",
        show=False,
        tooltip="does.agenda.edit_initiative",
    ),
    Binding(
        "delete",
        "remove_initiative",
        "bind.remove_initiative",
        key_display="del",
        show=False,
        tooltip="does.agenda.remove_initiative",
    ),
    Binding("shift+up", "move_item(-1)", "bind.move_up", show=False, tooltip="does.agenda.move_up"),
    Binding("shift+down", "move_item(1)", "bind.move_down", show=False, tooltip="does.agenda.move_down"),
    Binding(
        "D", "edit_details", "bind.edit_details", key_display="shift+d", show=False, tooltip="does.agenda.edit_details"
    ),
    Binding("i", "import_initiatives", "bind.import_initiatives", show=False, tooltip="does.agenda.import_initiatives"),
    Binding(
        "M", "take_council", "bind.take_council", key_display="shift+m", show=False, tooltip="does.agenda.take_council"
    ),
    # The projector board's server (tui/screens/room.py).
    Binding("o", "room", "bind.room", show=False, tooltip="does.agenda.room"),
]

ATTENDANCE = [
    Binding("p", "mark('present')", "bind.present", tooltip="does.attendance.mark_present"),
    Binding("a", "mark('absent')", "bind.absent", tooltip="does.attendance.mark_absent"),
    Binding("l", "mark('late')", "bind.late", tooltip="does.attendance.mark_late"),
    Binding("x", "mark('left_early')", "bind.left_early", tooltip="does.attendance.mark_left_early"),
    Binding("q", "member_link", "bind.member_link", tooltip="does.attendance.member_link"),
    *SEAT_KEYS,
    Binding("escape", "back", "bind.back", tooltip="does.attendance.back"),
]

# Keys every poll screen shares.
POLL_COMMON = [
    Binding("c", "close_poll", "bind.close_poll", tooltip="does.poll_common.close_poll"),
    Binding("x", "reset_poll", "bind.reset_poll", show=False, tooltip="does.poll_common.reset_poll"),
    Binding("f", "findings", "bind.findings", tooltip="does.poll_common.findings"),
    Binding("escape", "back", "bind.back", tooltip="does.poll_common.back"),
]

VOTE = [
    Binding("y", "cast('yes')", "bind.yes", tooltip="does.vote.cast_yes"),
    Binding("n", "cast('no')", "bind.no", tooltip="does.vote.cast_no"),
    Binding("a", "cast('abstain')", "bind.abstain", tooltip="does.vote.cast_abstain"),
    Binding("Y", "everyone_yes", "bind.everyone_yes", key_display="shift+y", tooltip="does.vote.everyone_yes"),
    Binding("u", "undo", "bind.undo", tooltip="does.vote.undo"),
    Binding(
        "backspace,delete", "clear_vote", "bind.clear_vote", key_display="⌫", show=False, tooltip="does.vote.clear_vote"
    ),
    *SEAT_KEYS,
    *POLL_COMMON,
]

BALLOT_OVERVIEW = [
    Binding("b", "booth", "bind.booth", tooltip="does.ballot_overview.booth"),
    Binding("enter", "paper_sheet", "bind.paper_sheet", show=False, tooltip="does.ballot_overview.paper_sheet"),
    *POLL_COMMON,
]

PAPER = [
    Binding("ctrl+s", "save_counts", "bind.save_counts", priority=True, tooltip="does.paper.save_counts"),
    *POLL_COMMON,
]

# The booth: a member can only choose their name and vote; the chair leaves with ctrl+x (and PIN).
BOOTH = [
    Binding("ctrl+x", "leave_booth", "bind.leave_booth", show=False, tooltip="does.booth.leave_booth"),
]

PIN = [Binding("escape", "cancel", "bind.cancel", tooltip="does.pin.cancel")]

RECEIVED = [Binding("enter,space,escape", "done", "bind.next_member", tooltip="does.received.done")]

BALLOT = [
    Binding("y", "choose('yes')", "bind.yes", tooltip="does.ballot.choose_yes"),
    Binding("n", "choose('no')", "bind.no", tooltip="does.ballot.choose_no"),
    Binding("a", "choose('abstain')", "bind.abstain", tooltip="does.ballot.choose_abstain"),
    Binding("escape", "cancel", "bind.ballot_cancel", tooltip="does.ballot.cancel"),
]

SHEET = [
    Binding("ctrl+s", "submit", "bind.submit_sheet", priority=True, tooltip="does.sheet.submit"),
    Binding("escape", "cancel", "bind.cancel", tooltip="does.sheet.cancel"),
]

STATS = [
    Binding("a", "toggle_scope", "bind.stats_scope", tooltip="does.stats.toggle_scope"),
    Binding("escape", "back", "bind.back", tooltip="does.stats.back"),
]

RULES = [
    Binding("enter", "apply_preset", "bind.apply_preset", show=False, tooltip="does.rules.apply_preset"),
    Binding("ctrl+s", "save_rules", "bind.save", priority=True, tooltip="does.rules.save_rules"),
    Binding("escape", "back", "bind.back", tooltip="does.rules.back"),
]

FINDINGS = [
    Binding("ctrl+s", "save", "bind.save", priority=True, tooltip="does.findings.save"),
    Binding("escape", "back", "bind.back", tooltip="does.findings.back"),
]

# Preparing: every form, the members editor, and an import's preview.
PREP_FORM = [
    Binding("ctrl+s", "save", "bind.save", priority=True, tooltip="does.prep_form.save"),
    Binding("escape", "back", "bind.back", tooltip="does.prep_form.back"),
]

MEMBERS = [
    Binding("a", "add_member", "bind.add_member", tooltip="does.members.add_member"),
    Binding("e", "edit_member", "bind.edit_member", tooltip="does.members.edit_member"),
    Binding("delete", "remove_member", "bind.remove_member", key_display="del", tooltip="does.members.remove_member"),
    Binding("i", "import_members", "bind.import_members", tooltip="does.members.import_members"),
    Binding("c", "council_info", "bind.council_info", tooltip="does.members.council_info"),
    Binding("escape", "done", "bind.members_done", tooltip="does.members.done"),
]

IMPORT = [
    Binding("ctrl+s", "apply", "bind.import_apply", priority=True, tooltip="does.import.apply"),
    Binding("escape", "back", "bind.back", tooltip="does.import.back"),
]

MODAL = [
    Binding("escape", "cancel", "bind.cancel", tooltip="does.modal.cancel"),
]

ROOM = [
    Binding("enter", "open_room", "bind.room_open", tooltip="does.room.open_room"),
    Binding("c", "close_room", "bind.room_close", tooltip="does.room.close_room"),
    Binding("p", "member_cards", "bind.member_cards", tooltip="does.room.member_cards"),
    Binding("s", "https", "bind.room_https", tooltip="does.room.https"),
    Binding("escape", "back", "bind.back", tooltip="does.room.back"),
]

MEMBER_LINK = [
    Binding("r", "reissue", "bind.reissue_link", tooltip="does.member_link.reissue"),
    Binding("escape", "close", "bind.close", tooltip="does.member_link.close"),
]

HELP = [
    Binding("escape,question_mark,q", "close", "bind.close", key_display="esc", tooltip="does.help.close"),
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
    for key, binding in own_bindings(node):
        translated.setdefault(key, []).append(_translated(binding))
    set_own_bindings(node, BindingsMap.from_keys(translated))


def _translated(binding: Binding) -> Binding:
    key = TEXTUAL_DESCRIPTIONS.get(binding.description, binding.description)
    changes = {}
    if key.startswith("bind."):
        changes["description"] = t(key)
    if binding.tooltip.startswith("does."):
        changes["tooltip"] = t(binding.tooltip)  # what the action does: the palette's help line
    return dataclasses.replace(binding, **changes) if changes else binding


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
        "room": ROOM,
        "member_link": MEMBER_LINK,
    }
