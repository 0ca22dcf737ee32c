"""The minutes (biên bản) as a Document, in the Vietnamese administrative layout of DOMAIN.md."""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

from models.council import Member
from models.formatting import format_date, format_fraction, format_time, format_vnd, long_date
from models.i18n import current_language, t
from models.initiative import Initiative
from models.labels import (
    category_label,
    conclusion_label,
    mode_label,
    presence_label,
    role_label,
    rule_sentence,
    scope_label,
    type_label,
)
from models.poll import Choice, Poll, PollMode, PollStatus, ScoreStats
from models.record import SessionRecord
from models.session import Conclusion, Presence, SessionStatus
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
    title = [t("minutes.title"), session.title.upper()]
    if session.status != SessionStatus.CLOSED:
        title.append(t("minutes.draft"))
    blocks.append(Title(title))
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


def _legal_basis(record: SessionRecord) -> list:
    decision = record.council.decision
    if not decision.number:
        return []
    date = t("minutes.legal_basis_date", date=format_date(decision.date)) if decision.date else ""
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
                time=format_time(session.start_time) or "…",
                date=format_date(session.date),
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
        status = presence_label(presence)
        if entry and entry.reason:
            status = f"{status} ({entry.reason})"
        if presence == Presence.ABSENT:
            absent.append(f"{member.name} ({entry.reason if entry else ''})")
        rows.append([str(member.seat), member.name, member.title, role_label(member.role), status])
    blocks: list = [
        Heading(t("minutes.h_attendance")),
        Table(
            columns=[t("col.no"), t("col.name"), t("col.title"), t("col.role"), t("col.presence")],
            rows=rows,
            widths=[6, 24, 34, 18, 18],
        ),
    ]
    present, total, needed = len(record.present_voting), len(record.voting_members), record.quorum_needed
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
        blocks.append(Paragraph(f"{secretary.name} - {role_label(secretary.role)}", label=t("minutes.secretary")))
    return blocks


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
    blocks.append(Paragraph(category_label(initiative.category), label=t("minutes.category")))
    benefit = format_vnd(initiative.benefit_vnd)
    if initiative.benefit_text:
        benefit = f"{benefit}. {initiative.benefit_text}"
    blocks.append(Paragraph(benefit, label=t("minutes.claimed_benefit")))
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
    if poll.status == PollStatus.VOID:
        blocks.append(Paragraph(t("minutes.poll_void", reason=poll.void_reason), label=label, italic=True))
    elif poll.status == PollStatus.OPEN:
        blocks.append(Paragraph(t("minutes.poll_open"), label=label, italic=True))
        return blocks
    else:
        blocks.append(Paragraph("", label=label))
    eligible = len(poll.eligible)
    blocks.append(
        Paragraph(
            t(
                "minutes.poll_base",
                members=len(poll.voting_members),
                eligible=eligible,
                present=len(poll.voters),
            )
        )
    )
    if poll.recused:
        recused = "; ".join(
            f"{names.get(m, m)} ({t('minutes.recused_author') if r == 'author' else r})"
            for m, r in poll.recused.items()
        )
        blocks.append(Paragraph(recused, label=t("minutes.recused")))
    result = poll.result
    if result is None:
        return blocks
    if poll.mode in (PollMode.SECRET, PollMode.SCORING):
        voted = [names.get(m, m) for m in poll.voters if m in poll.voted]
        blocks.append(Paragraph(f"{', '.join(voted)} ({len(voted)})", label=t("minutes.secret_voted")))
    if poll.mode == PollMode.SCORING and result.scores is not None:
        blocks.extend(_score_blocks(poll, result.scores))
        blocks.append(Paragraph(rule_sentence(poll.rule, result), label=t("minutes.rule")))
        outcome = t("minutes.passed") if result.passed else t("minutes.failed")
        blocks.append(Paragraph(outcome, label=t("minutes.poll_result"), bold=True))
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
                )
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
    blocks.append(Paragraph(rule_sentence(poll.rule, result), label=t("minutes.rule")))
    outcome = t("minutes.passed") if result.passed else t("minutes.failed")
    blocks.append(Paragraph(outcome, label=t("minutes.poll_result"), bold=True))
    if poll.quorum_lost:
        blocks.append(Paragraph(t("minutes.quorum_lost_during"), italic=True))
    return blocks


def _score_blocks(poll: Poll, stats: ScoreStats) -> list:
    """Each criterion's mean, the mean total, lowest, highest, spread, eligible sheets and grade."""
    vi = current_language() == "vi"
    rows = []
    for criterion in poll.rule.criteria:
        mean = Fraction(stats.criterion_means.get(criterion.id, "0"))
        rows.append([criterion.name_vi if vi else criterion.name_en, str(criterion.max_score), _decimal(mean)])
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
    grade = stats.grade_vi if vi else stats.grade_en
    if grade:
        blocks.append(Paragraph(grade, label=t("minutes.grade")))
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
                _authors(initiative),
                initiative.unit,
                scope_label(finding.scope) if finding.scope else "",
                format_vnd(finding.confirmed_benefit_vnd),
            ]
        )
    blocks: list = [Heading(t("minutes.h_summary")), Paragraph(t("minutes.recognised_list"), bold=True)]
    if rows:
        blocks.append(
            Table(
                columns=[
                    t("col.no"),
                    t("col.code"),
                    t("col.initiative"),
                    t("col.authors"),
                    t("col.unit"),
                    t("col.scope"),
                    t("col.benefit"),
                ],
                rows=rows,
                widths=[5, 11, 27, 20, 15, 9, 13],
                total_row=["", "", t("minutes.total"), "", "", "", format_vnd(total)],
            )
        )
    else:
        blocks.append(Paragraph(t("minutes.none_recognised")))
    outcomes = Counter(record.conclusion(i.id) for i in items)
    blocks.append(
        Paragraph(
            t(
                "minutes.outcome_counts",
                total=len(items),
                recognised=outcomes[Conclusion.RECOGNISED],
                refused=outcomes[Conclusion.NOT_RECOGNISED],
                deferred=outcomes[Conclusion.DEFERRED],
                undecided=outcomes[None],
            )
        )
    )
    categories = Counter(i.category for i in recognised)
    if categories:
        parts = ", ".join(f"{count} {category_label(cat)}" for cat, count in sorted(categories.items()))
        blocks.append(Paragraph(parts, label=t("minutes.by_category")))
    blocks.append(Paragraph(t("minutes.total_benefit", amount=format_vnd(total), unquantified=unquantified)))
    return blocks


def _closing(record: SessionRecord) -> list:
    session = record.session
    end = format_time(session.end_time) if session.end_time else "…"
    secretary: Member | None = record.find_member(session.secretary_id)
    chair: Member | None = record.find_member(session.chair_id)
    return [
        Paragraph(t("minutes.closing", time=end)),
        Paragraph(t("minutes.read_back")),
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
    return f"{stem}-{record.session.id}-{record.session.date.strftime('%d-%m-%Y')}.{extension}"
