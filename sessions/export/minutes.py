"""The minutes (biên bản) as a Document, in the Vietnamese administrative layout (Decree 30/2020/NĐ-CP, Appendix I)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from fractions import Fraction

from models.council import Member, Role
from models.formatting import counted, format_date, format_decimal, format_fraction, format_time, format_vnd, long_date
from models.i18n import current_language, localised, t
from models.initiative import Initiative
from models.labels import (
    base_label,
    conclusion_label,
    mode_label,
    role_label,
    rule_sentence,
    scope_label,
    threshold_phrase,
    type_label,
)
from models.poll import Choice, Poll, PollMode, PollResult, PollStatus, ScoreStats
from models.record import SessionRecord
from models.rules import ScoringPass
from models.session import Conclusion, Presence, SessionStatus
from sessions.export.attendance import presence_text, quorum_change_words, quorum_changes
from sessions.export.document import (
    Document,
    Footnote,
    Header,
    Heading,
    Paragraph,
    Signatures,
    Table,
    Title,
)


def _name(record: SessionRecord, member_id: str | None) -> str:
    member = record.find_member(member_id)
    return member.name if member else ""


def _authors(initiative: Initiative) -> str:
    return "; ".join(f"{a.name} ({a.share}%)" for a in initiative.authors)


def build_minutes(record: SessionRecord, chain_head: str = "") -> Document:
    """Build the minutes of ``record`` in the current language."""
    blocks: list = []
    session, council = record.session, record.council
    left = [line.upper() for line in (council.parent_unit, council.unit) if line]
    left.append(t("minutes.council_short").upper())
    blocks.append(
        Header(
            left=left,
            right=[t("minutes.nation"), t("minutes.motto")],
            place_date=f"{council.city}, {long_date(session.date)}" if council.city else long_date(session.date),
            number=t("minutes.number"),
        )
    )
    # Decree 30/2020: the kind of document in capitals, the subject under it in sentence case, a short rule below.
    note = t("minutes.draft") if session.status != SessionStatus.CLOSED else ""
    blocks.append(Title([t("minutes.title"), sentence_case(session.title)], rule=True, note=note))
    if current_language() != "vi":
        blocks.append(Paragraph(t("minutes.as_typed"), italic=True))
    blocks.extend(_standard_basis(record))
    blocks.extend(_legal_basis(record))
    blocks.extend(_time_place(record))
    blocks.extend(_attendance(record))
    blocks.extend(_agenda(record))
    blocks.append(Heading(t("minutes.h_results")))
    for number, initiative in enumerate(record.agenda_items(), start=1):
        blocks.extend(_initiative_section(record, number, initiative))
    blocks.extend(_summary(record))
    blocks.extend(_closing(record))
    if chain_head:
        blocks.append(Footnote(t("minutes.chain_head", head=chain_head[:16])))
    return Document(blocks=blocks, title=f"{t('minutes.title')} - {session.title}")


def sentence_case(text: str) -> str:
    """A subject typed all in capitals in sentence case; any other as typed (it may hold proper names)."""
    if text.upper() != text or text.lower() == text:
        return text
    lowered = text.lower()
    return lowered[:1].upper() + lowered[1:]


def _date(value: dt.date | None) -> str:
    """One date style per language: 14/05/2026 in Vietnamese, 14 May 2026 in English (as in the place-date line)."""
    if value is None:
        return ""
    return format_date(value) if current_language() == "vi" else long_date(value)


def _standard_basis(record: SessionRecord) -> list:
    """The council's own "Căn cứ" lines as typed, or by default those of Decree 13/2012 and Circular 18/2013."""
    lines = record.council.legal_basis
    if lines is None:
        lines = [t("minutes.basis_decree_13"), t("minutes.basis_circular_18")]
    return [Paragraph(line, italic=True) for line in lines if line.strip()]


def _legal_basis(record: SessionRecord) -> list:
    decision = record.council.decision
    if not decision.number:
        return []
    date = t("minutes.legal_basis_date", date=_date(decision.date)) if decision.date else ""
    issuer = t("minutes.legal_basis_issuer", issuer=decision.issuer) if decision.issuer.strip() else ""
    text = t("minutes.legal_basis", number=decision.number, date=date, issuer=issuer, council=record.council.name)
    return [Paragraph(text, italic=True)]


def _time_place(record: SessionRecord) -> list:
    session = record.session
    return [
        Heading(t("minutes.h_time")),
        Paragraph(
            t(
                "minutes.time_place",
                # The actual start once the chair started the meeting; the planned one in a draft before it.
                time=format_time(session.started_at or session.start_time) or "…",
                date=_date(session.date),
                place=session.place or "…",
                council=record.council.name,
            )
        ),
    ]


def _attendance(record: SessionRecord) -> list:
    rows = []
    absent = []
    for member in record.voting_members + [m for m in record.members if not m.voting]:
        entry = record.attendance.get(member.id)
        presence = entry.presence if entry else Presence.UNKNOWN
        status = presence_text(record, member.id)
        if presence == Presence.ABSENT:
            absent.append(f"{member.name} ({entry.reason if entry else ''})")
        rows.append([str(member.seat), member.name, _position(record, member), role_label(member.role), status])
    blocks: list = [
        Heading(t("minutes.h_attendance")),
        Table(
            columns=[t("col.no"), t("col.name"), t("col.title"), t("col.role"), t("col.presence")],
            rows=rows,
            # Room for arrivals and departures in the last column, when there were any during the meeting.
            widths=[6, 22, 28, 16, 28] if any(c.during_meeting for c in record.attendance_log) else [6, 24, 34, 18, 18],
        ),
    ]
    # The count when the meeting started (the quorum it opened with); later changes follow, by name.
    started = record.session.status != SessionStatus.PLANNED
    present = len(record.session.present_at_start) if started else len(record.present_voting)
    total, needed = len(record.voting_members), record.quorum_needed
    key = "minutes.quorum_met" if present >= needed else "minutes.quorum_not_met"
    blocks.append(
        Paragraph(
            t(
                key,
                present=present,
                total=total,
                needed=needed,
                fraction=format_fraction(record.rulebook.quorum.fraction),
            )
        )
    )
    blocks.extend(Paragraph(quorum_change_words(record, moment)) for moment in quorum_changes(record))
    if absent:
        blocks.append(Paragraph("; ".join(absent), label=t("minutes.absent")))
    if record.session.invitees:
        invitees = "; ".join(f"{i.name}, {i.position}" if i.position else i.name for i in record.session.invitees)
        blocks.append(Paragraph(invitees, label=t("minutes.invitees")))
    chair = record.find_member(record.session.chair_id)
    secretary = record.find_member(record.session.secretary_id)
    if chair:
        blocks.append(Paragraph(f"{chair.name} - {role_label(chair.role)}", label=t("minutes.chaired_by")))
    if secretary:
        # "Thư ký: Lê Hoàng Nam", not "... - Ủy viên thư ký" again; another member acting as secretary says who.
        role = "" if secretary.role == Role.SECRETARY else f" - {role_label(secretary.role)}"
        blocks.append(Paragraph(f"{secretary.name}{role}", label=t("minutes.secretary")))
    return blocks


def _position(record: SessionRecord, member: Member) -> str:
    """A member's title, and the institution of one from outside the unit (an expert from a university)."""
    unit = member.unit.strip()
    if not unit or unit.casefold() in (record.council.unit.casefold(), record.council.name.casefold()):
        return member.title
    return f"{member.title}, {unit}" if member.title else unit


def _agenda(record: SessionRecord) -> list:
    items = record.agenda_items()
    rows = [[str(n), i.code, i.title, i.unit] for n, i in enumerate(items, start=1)]
    return [
        Heading(t("minutes.h_agenda")),
        Paragraph(t("minutes.agenda_intro", count=len(items))),
        Table(
            columns=[t("col.no"), t("col.code"), t("col.initiative"), t("col.unit")], rows=rows, widths=[6, 14, 55, 25]
        ),
    ]


def _initiative_section(record: SessionRecord, number: int, initiative: Initiative) -> list:
    blocks: list = [Heading(f"{number}. {initiative.code}: {initiative.title}", level=2)]
    blocks.append(Paragraph(_authors(initiative), label=t("minutes.authors")))
    blocks.append(Paragraph(initiative.unit, label=t("minutes.unit")))
    blocks.append(Paragraph(type_label(initiative.type), label=t("minutes.type")))
    if initiative.field:
        blocks.append(Paragraph(initiative.field, label=t("minutes.field")))
    blocks.append(Paragraph(initiative.category, label=t("minutes.category")))
    benefit = format_vnd(initiative.benefit_vnd)
    if initiative.benefit_text and current_language() == "vi":
        benefit = f"{benefit}. {initiative.benefit_text}"
    blocks.append(Paragraph(benefit, label=t("minutes.claimed_benefit")))
    if initiative.benefit_text and current_language() != "vi":
        # The application's own words (in Vietnamese, its own number style) apart from the amount in English.
        blocks.append(Paragraph(initiative.benefit_text, label=t("minutes.benefit_described")))
    finding = record.findings.get(initiative.id)
    if finding and finding.remarks:
        blocks.append(Paragraph(finding.remarks, label=t("minutes.remarks")))
    for poll in record.polls_for(initiative.id):
        blocks.extend(_poll_blocks(record, poll))
    blocks.extend(_conclusion_blocks(record, initiative))
    return blocks


def _poll_blocks(record: SessionRecord, poll: Poll) -> list:
    blocks: list = []
    names = {m.id: m.name for m in record.members}
    label = t("minutes.poll", mode=mode_label(poll.mode))
    if poll.status == PollStatus.OPEN:
        blocks.append(Paragraph(t("minutes.poll_open"), label=label, italic=True))
        return blocks
    if poll.status == PollStatus.VOID:
        blocks.append(Paragraph(t("minutes.poll_void", reason=poll.void_reason), label=label, italic=True))
        blocks.append(Paragraph(_eligibility(poll), keep_with_next=True))
    else:
        blocks.append(Paragraph(_eligibility(poll), label=label, keep_with_next=True))
    if poll.recused:
        recused = "; ".join(
            f"{names.get(m, m)} ({t('minutes.recused_author') if r == 'author' else r})"
            for m, r in poll.recused.items()
        )
        blocks.append(Paragraph(recused, label=t("minutes.recused"), keep_with_next=True))
    result = poll.result
    if result is None:
        return blocks
    if poll.mode in (PollMode.SECRET, PollMode.SCORING):
        voted = [names.get(m, m) for m in poll.voters if m in poll.voted]
        who = t("minutes.sheets_in") if poll.mode == PollMode.SCORING else t("minutes.secret_voted")
        blocks.append(Paragraph(f"{', '.join(voted)} ({len(voted)})", label=who, keep_with_next=True))
    if poll.mode == PollMode.SCORING and result.scores is not None:
        blocks.extend(_score_blocks(poll, result.scores))
        blocks.append(Paragraph(_rule_line(poll, result), label=t("minutes.rule")))
        outcome = t("minutes.passed") if result.passed else t("minutes.failed")
        blocks.append(Paragraph(outcome, label=t("minutes.scoring_result"), bold=True))
        # A grade only for a scoring that passed, and after its result: "Grade: Pass" above NOT PASSED misleads.
        grade = localised(result.scores.grade_vi, result.scores.grade_en)
        if grade and result.passed:
            blocks.append(Paragraph(grade, label=t("minutes.grade")))
        return blocks
    if poll.mode == PollMode.PAPER and result.paper is not None:
        paper = result.paper
        blocks.append(
            Paragraph(
                t(
                    "minutes.paper_counts",
                    issued=paper.issued,
                    returned=paper.returned,
                    valid=paper.valid,
                    invalid=paper.invalid,
                ),
                keep_with_next=True,
            )
        )
    counts = result.counts
    rows = [
        [t("yes"), str(counts.yes)],
        [t("no"), str(counts.no)],
        [t("abstain"), str(counts.abstain)],
    ]
    if poll.mode == PollMode.PAPER or counts.invalid:
        rows.append([t("minutes.invalid"), str(counts.invalid)])
    did_not_vote = len(poll.voters) - counts.cast if poll.mode == PollMode.OPEN else 0
    if did_not_vote > 0:
        rows.append([t("minutes.did_not_vote"), str(did_not_vote)])
    blocks.append(Table(columns=[t("col.choice"), t("col.count")], rows=rows, widths=[60, 40]))
    if poll.mode == PollMode.OPEN and poll.votes:
        by_choice = []
        for choice in Choice:
            who = [names.get(m, m) for m in poll.voters if poll.votes.get(m) == choice]
            if who:
                by_choice.append(f"{t(choice.value)}: {', '.join(who)}")
        blocks.append(Paragraph("; ".join(by_choice), label=t("minutes.open_votes")))
    blocks.append(Paragraph(_rule_line(poll, result), label=t("minutes.rule")))
    outcome = t("minutes.passed") if result.passed else t("minutes.failed")
    blocks.append(Paragraph(outcome, label=t("minutes.poll_result"), bold=True))
    blocks.extend(_poll_attendance(record, poll))
    return blocks


def _poll_attendance(record: SessionRecord, poll: Poll) -> list:
    """Who left while the poll was open, the count at its opening and closing, and a quorum lost meanwhile."""
    blocks: list = []
    if poll.left:
        names = ", ".join(_name(record, m) for m in poll.left)
        blocks.append(Paragraph(names, label=t("minutes.poll_left")))
    closing = [m for m in poll.present_at_close if m in poll.voting_members]
    if poll.present_at_close and set(closing) != set(poll.present):
        total = len(poll.voting_members)
        blocks.append(Paragraph(t("minutes.poll_present", opened=len(poll.present), closed=len(closing), total=total)))
    if poll.quorum_lost:
        blocks.append(Paragraph(t("minutes.quorum_lost_during"), italic=True))
    return blocks


def _eligibility(poll: Poll) -> str:
    """Who could vote, in one sentence: the voting members, those recused, those of the rest present."""
    members, eligible, present = len(poll.voting_members), len(poll.eligible), len(poll.voters)
    if eligible == members:
        return t("minutes.eligible_all", present=present, members=members)
    return t(
        "minutes.eligible_some",
        eligible=eligible,
        members=members,
        recused=counted(members - eligible, "noun.member"),
        present=present,
    )


def _rule_line(poll: Poll, result: PollResult) -> str:
    """The passing rule with its arithmetic: ``… 2/3 thành viên được biểu quyết: 2/3 × 7 = 4,67 → cần 5 phiếu; …``."""
    rule = poll.rule
    if result.scores is not None and rule.scoring_pass == ScoringPass.MEAN_THRESHOLD:
        return rule_sentence(rule, result)
    fraction = rule.pass_threshold.fraction
    arithmetic = f"{format_fraction(fraction)} × {result.base_count} = {format_decimal(fraction * result.base_count)}"
    return t(
        "minutes.rule_sheets" if result.scores is not None else "minutes.rule_votes",
        threshold=threshold_phrase(rule.pass_threshold),
        base=base_label(rule.pass_base),
        arithmetic=arithmetic,
        needed=counted(result.needed, "noun.vote"),
        yes=result.counts.yes,
    )


def _score_blocks(poll: Poll, stats: ScoreStats) -> list:
    """Each criterion's mean, the mean total, lowest, highest, spread and eligible sheets."""
    rows = []
    for criterion in poll.rule.criteria:
        mean = Fraction(stats.criterion_means.get(criterion.id, "0"))
        rows.append([localised(criterion.name_vi, criterion.name_en), str(criterion.max_score), _decimal(mean)])
    rows.append([t("minutes.score_total"), str(_max_total(poll)), _decimal(stats.mean)])
    blocks: list = [
        Table(columns=[t("col.criterion"), t("col.max"), t("col.mean")], rows=rows, widths=[50, 20, 30]),
        Paragraph(
            t(
                "minutes.score_summary",
                sheets=stats.sheets,
                minimum=stats.minimum,
                maximum=stats.maximum,
                spread=stats.spread,
                eligible=stats.eligible_sheets,
                threshold=poll.rule.sheet_eligible_minimum,
            )
        ),
    ]
    if stats.spread_flag:
        blocks.append(Paragraph(t("score.spread_flag"), italic=True))
    return blocks


def _max_total(poll: Poll) -> int:
    return sum(c.max_score for c in poll.rule.criteria)


def _decimal(value: Fraction) -> str:
    """Two decimals, with a comma in Vietnamese (the exact fraction stays in the record)."""
    hundredths = round(value * 100)
    text = f"{hundredths // 100}.{hundredths % 100:02d}"
    return text.replace(".", ",") if current_language() == "vi" else text


def _conclusion_blocks(record: SessionRecord, initiative: Initiative) -> list:
    finding = record.findings.get(initiative.id)
    if finding is None or finding.conclusion is None:
        return [Paragraph(t("minutes.no_conclusion"), label=t("minutes.conclusion"), bold=True)]
    blocks: list = [Paragraph(conclusion_label(finding.conclusion), label=t("minutes.conclusion"), bold=True)]
    if finding.reason:
        blocks.append(Paragraph(finding.reason, label=t("minutes.reason")))
    if finding.override_reason:
        blocks.append(Paragraph(finding.override_reason, label=t("minutes.override_reason")))
    if finding.conclusion == Conclusion.RECOGNISED:
        if finding.scope:
            blocks.append(Paragraph(scope_label(finding.scope), label=t("minutes.scope")))
        if finding.proposed_award:
            blocks.append(Paragraph(finding.proposed_award, label=t("minutes.award")))
        blocks.append(Paragraph(format_vnd(finding.confirmed_benefit_vnd), label=t("minutes.confirmed_benefit")))
    return blocks


def _summary(record: SessionRecord) -> list:
    items = record.agenda_items()
    recognised = [i for i in items if record.conclusion(i.id) == Conclusion.RECOGNISED]
    blocks: list = [Heading(t("minutes.h_summary"))]
    blocks.extend(_outcomes_table(record))
    rows = []
    total = 0
    unquantified = 0
    for number, initiative in enumerate(recognised, start=1):
        finding = record.findings[initiative.id]
        if finding.confirmed_benefit_vnd is None:
            unquantified += 1
        else:
            total += finding.confirmed_benefit_vnd
        rows.append(
            [
                str(number),
                initiative.code,
                initiative.title,
                # one author a line: the names and shares stay whole in a narrow column
                "\n".join(f"{a.name} ({a.share}%)" for a in initiative.authors),
                scope_label(finding.scope) if finding.scope else "",
                format_vnd(finding.confirmed_benefit_vnd),
            ]
        )
    blocks.append(Paragraph(t("minutes.recognised_list"), bold=True))
    if rows:
        blocks.append(
            Table(
                columns=[
                    t("col.no"),
                    t("col.code"),
                    t("col.initiative"),
                    t("col.authors"),
                    t("col.scope"),
                    t("col.benefit"),
                ],
                rows=rows,
                widths=[5, 15, 26, 24, 16, 20],
                total_row=["", "", t("minutes.total"), "", "", format_vnd(total)],
            )
        )
    else:
        blocks.append(Paragraph(t("minutes.none_recognised")))
    outcomes = Counter(record.conclusion(i.id) for i in items)
    blocks.append(
        Paragraph(
            t(
                "minutes.outcome_counts",
                total=counted(len(items), "noun.initiative"),
                recognised=outcomes[Conclusion.RECOGNISED],
                refused=outcomes[Conclusion.NOT_RECOGNISED],
                deferred=outcomes[Conclusion.DEFERRED],
                undecided=outcomes[None],
            )
        )
    )
    categories = Counter(i.category for i in recognised)
    if categories:
        parts = ", ".join(f"{count} {cat}" for cat, count in sorted(categories.items()))
        blocks.append(Paragraph(parts, label=t("minutes.by_category")))
    blocks.append(
        Paragraph(
            t(
                "minutes.total_benefit",
                amount=format_vnd(total),
                unquantified=counted(unquantified, "noun.recognised_initiative"),
            )
        )
    )
    return blocks


def _outcomes_table(record: SessionRecord) -> list:
    """Every initiative with its outcome, and for one not recognised or deferred the reason."""
    rows = []
    for number, initiative in enumerate(record.agenda_items(), start=1):
        finding = record.findings.get(initiative.id)
        conclusion = finding.conclusion if finding else None
        reason = finding.reason if finding and conclusion != Conclusion.RECOGNISED else ""
        rows.append([str(number), initiative.code, initiative.title, conclusion_label(conclusion), reason])
    if not rows:
        return []
    return [
        Paragraph(t("minutes.outcomes_list"), bold=True),
        Table(
            columns=[t("col.no"), t("col.code"), t("col.initiative"), t("col.outcome"), t("col.reason")],
            rows=rows,
            widths=[5, 14, 30, 23, 28],
        ),
    ]


def _closing(record: SessionRecord) -> list:
    session = record.session
    end = format_time(session.end_time) if session.end_time else "…"
    secretary: Member | None = record.find_member(session.secretary_id)
    chair: Member | None = record.find_member(session.chair_id)
    copies = record.council.minutes_copies
    return [
        Paragraph(t("minutes.closing", time=end)),
        # "được lập thành 02 bản": the count written with two digits, as in hand-made minutes
        Paragraph(
            t(
                "minutes.read_back",
                copies=f"{copies:02d}" if current_language() == "vi" else counted(copies, "noun.copy"),
            )
        ),
        Signatures(
            blocks=[
                (t("minutes.sign_secretary"), secretary.name if secretary else ""),
                (t("minutes.sign_chair"), chair.name if chair else ""),
            ]
        ),
    ]


def default_filename(record: SessionRecord, extension: str) -> str:
    """``bien-ban-<session>-<date>.<ext>`` (``minutes-...`` in English)."""
    stem = "bien-ban" if current_language() == "vi" else "minutes"
    return f"{stem}-{file_tag(record)}.{extension}"


def file_tag(record: SessionRecord) -> str:
    """The session in a file name: its date as DD-MM-YYYY, with the session's id only when it is not that date.

    An id made from the date (``2026-12-03``, ``2026-12-03-2`` for a second session that day) would
    repeat it: ``minutes-2026-12-03-03-12-2026``. Then the date is written once, and the number kept.
    """
    shown = record.session.date.strftime("%d-%m-%Y")
    session_id, iso = record.session.id, record.session.date.isoformat()
    if session_id == iso:
        return shown
    if session_id.startswith(iso + "-"):
        return shown + session_id[len(iso) :]
    return f"{session_id}-{shown}"
