"""What the detail pane shows of an initiative (fields, polls, finding) and its status; drawn by render/agenda.py."""

from __future__ import annotations

from rich.text import Text

from models.formatting import capitalised, format_date, format_vnd
from models.i18n import t
from models.initiative import Initiative
from models.labels import (
    conclusion_label,
    mode_label,
    rule_sentence,
    scope_label,
    type_label,
)
from models.poll import PollMode, PollStatus
from models.record import SessionRecord
from models.session import Conclusion
from tui.render.poll import grade_text, one_decimal
from tui.views import DetailBlock, DetailGrid


def item_status(record: SessionRecord, initiative_id: str) -> Text:
    """Not started, voting, voted (passed / not passed), or the conclusion, coloured."""
    conclusion = record.conclusion(initiative_id)
    if conclusion is not None:
        style = {Conclusion.RECOGNISED: "green", Conclusion.NOT_RECOGNISED: "red", Conclusion.DEFERRED: "yellow"}
        return Text(conclusion_label(conclusion), style=style[conclusion])
    polls = record.polls_for(initiative_id)
    if any(p.status == PollStatus.OPEN for p in polls):
        return Text(t("status.voting"), style="bold yellow")
    closed = record.last_result_poll(initiative_id)
    if closed is not None and closed.result is not None:
        if closed.mode == PollMode.SCORING:
            key = "status.scored_passed" if closed.result.passed else "status.scored_failed"
        else:
            key = "status.voted_passed" if closed.result.passed else "status.voted_failed"
        return Text(t(key), style="cyan")
    return Text(t("status.not_started"), style="dim")


class _Grid:
    """Label and value rows; a ``str`` value is shown as written (Rich would read it as markup)."""

    def __init__(self) -> None:
        self.rows: list[tuple[Text, Text]] = []

    def add_row(self, label: str, value: str | Text) -> None:
        self.rows.append((Text(label), Text(value) if isinstance(value, str) else value))

    @property
    def block(self) -> DetailGrid:
        return DetailGrid(tuple(self.rows))


def detail_blocks(record: SessionRecord, initiative: Initiative) -> list[DetailBlock]:
    """Every field of the application form, then the polls and the finding (drawn by ``render_detail``)."""
    grid = _Grid()
    grid.add_row(t("field.code"), initiative.code)
    grid.add_row(t("field.type"), type_label(initiative.type))
    grid.add_row(t("field.field"), initiative.field)
    grid.add_row(t("field.category"), initiative.category)
    grid.add_row(t("field.unit"), initiative.unit)
    for number, author in enumerate(initiative.authors):
        parts = [author.position, author.qualification, author.workplace]
        if author.birth_date:
            parts.append(t("field.born", date=format_date(author.birth_date)))
        if author.member_id:
            parts.append(t("field.council_member"))
        line = Text(f"{author.name} ({author.share}%)")
        line.append(" " + ", ".join(p for p in parts if p), style="dim")
        grid.add_row(t("field.authors") if number == 0 else "", line)
    grid.add_row(t("field.first_applied"), format_date(initiative.first_applied))
    grid.add_row(t("field.description"), initiative.description)
    grid.add_row(t("field.conditions"), initiative.conditions)
    grid.add_row(t("field.benefit"), format_vnd(initiative.benefit_vnd))
    if initiative.benefit_text:
        grid.add_row("", initiative.benefit_text)
    if initiative.confidential:
        grid.add_row(t("field.confidential"), initiative.confidential)
    if initiative.first_application_people:
        grid.add_row(t("field.first_application_people"), initiative.first_application_people)
    recused = record.recused_for(initiative.id)
    if recused:
        names = ", ".join(
            f"{record.member(m).name} ({t('minutes.recused_author') if r == 'author' else r})"
            for m, r in recused.items()
            if record.find_member(m)
        )
        grid.add_row(t("field.recused"), Text(names, style="yellow"))
    parts: list[DetailBlock] = [Text(initiative.title, style="bold"), Text(""), grid.block]
    parts.extend(_polls(record, initiative))
    finding = record.findings.get(initiative.id)
    if finding is not None:
        fgrid = _Grid()
        if finding.remarks:
            fgrid.add_row(t("field.remarks"), finding.remarks)
        fgrid.add_row(t("field.conclusion"), conclusion_label(finding.conclusion))
        if finding.reason:
            fgrid.add_row(t("field.reason"), finding.reason)
        if finding.override_reason:
            fgrid.add_row(t("field.override_reason"), finding.override_reason)
        if finding.scope:
            fgrid.add_row(t("field.scope"), scope_label(finding.scope))
        if finding.proposed_award:
            fgrid.add_row(t("field.award"), finding.proposed_award)
        if finding.conclusion == Conclusion.RECOGNISED:
            fgrid.add_row(t("field.confirmed_benefit"), format_vnd(finding.confirmed_benefit_vnd))
        parts += [Text(""), Text(t("detail.finding"), style="bold underline"), fgrid.block]
    return parts


def _polls(record: SessionRecord, initiative: Initiative) -> list[DetailBlock]:
    out: list[DetailBlock] = []
    for poll in record.polls_for(initiative.id):
        out.append(Text(""))
        out.append(Text(t("detail.poll", mode=mode_label(poll.mode)), style="bold underline"))
        if poll.status == PollStatus.OPEN:
            out.append(Text(t("status.voting"), style="yellow"))
        elif poll.status == PollStatus.VOID:
            out.append(Text(t("minutes.poll_void", reason=poll.void_reason), style="dim"))
        result = poll.result
        if result is not None:
            c = result.counts
            if result.scores is not None:  # scoring speaks of sheets and scores, not yes and no
                s = result.scores
                minimum = poll.rule.sheet_eligible_minimum
                mean = one_decimal(s.mean)
                out.append(
                    Text(t("detail.sheets", sheets=s.sheets, eligible=s.eligible_sheets, minimum=minimum, mean=mean))
                )
            else:
                out.append(Text(t("detail.counts", yes=c.yes, no=c.no, abstain=c.abstain)))
            out.append(Text(capitalised(rule_sentence(poll.rule, result)), style="dim"))
            verdict = t("minutes.passed") if result.passed else t("minutes.failed")
            out.append(Text(verdict, style="bold green" if result.passed else "bold red"))
            grade = grade_text(result.passed, result.scores) if result.scores is not None else ""
            if grade:
                out.append(Text(t("score.grade", grade=grade)))
    return out
