"""The session service: every change the UI makes to a running session goes through here.

Each change is validated, written to the journal (fsynced), and only then applied to the
in-memory record, so whatever the screen shows as done is on disk. Checkpoints, backups and
``state.json`` are conveniences: failing to write them loses nothing and is not raised.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from typing import Any

from models.errors import DomainError
from models.formatting import format_date
from models.parsing import one_line
from models.poll import Choice, PaperTally, Poll, PollMode, PollResult, PollStatus
from models.record import SCHEMA_VERSION, SessionRecord
from models.rules import Rulebook
from models.session import Conclusion, Finding, Presence, RecognitionDecision, SessionStatus
from models.text import clean_text
from sessions.anchor import write_anchor
from sessions.backup import take_backup
from sessions.booth import SECRET_MODES, Booth
from sessions.clock import Clock, local_now
from sessions.council_record import COUNCIL_KEY, council_mark
from sessions.glance import write_glance
from sessions.journal import Journal
from sessions.listeners import ChangeListeners, Listener
from sessions.lock import SessionLock
from sessions.migrations import SCHEMA_MARK, schema_mark
from sessions.recovery import damage_error, recovery_message, remember_session
from sessions.reducer import Reducer, check_event
from sessions.storage import DataFolder, LoadReport
from sessions.tally import LiveTally, live_tally
from sessions.undo import VoteUndo

# How a front end draws a session's first frame, and in what language: kept as the session closes, so that
# its next start shows it at once (sessions/glance.py). None: nothing to keep.
FirstFrame = Callable[["SessionService"], tuple[dict[str, Any], str] | None]


class SessionService:
    """One session, opened for running (with the lock) or for reading only.

    Its parts, declared here: ``booth`` (the secret ballot's and scoring round's sealed box, sessions/booth.py),
    the undo list of the chair's keys (sessions/undo.py) and who is told of each change (sessions/listeners.py).
    """

    def __init__(
        self,
        folder: DataFolder,
        session_id: str,
        *,
        clock: Clock = local_now,
        read_only: bool = False,
        first_frame: FirstFrame | None = None,
    ) -> None:
        self.folder = folder
        self._first_frame = first_frame
        self.clock = clock
        self.read_only = read_only
        self.lock: SessionLock | None = None
        self.read_only_reason = ""
        self.read_only_error: DomainError | None = None  # why a session opened for running is read-only
        self.checkpoint_error: DomainError | None = None  # the last checkpoint or backup that failed, if any
        self.journal: Journal | None = None
        self._listeners = ChangeListeners()
        self._undo = VoteUndo()
        self.booth = Booth(self, changed=self._listeners.tell)
        folder.check_session_id(session_id)
        if not read_only:
            lock = SessionLock(folder.session_dir(session_id))
            lock.acquire(clock())
            self.lock = lock
        try:
            # Only once we hold the lock: a temp file of another running program is never swept away.
            self.cleaned = [] if read_only else folder.clean_temps(session_id)
            record, report = folder.load_record(session_id)
            report.cleaned = self.cleaned
            report.previous_holder = self.lock.stale if self.lock else None
            self.report: LoadReport = report
            self._reducer = Reducer(record)
            self.read_only_error = damage_error(report, folder.session_dir(session_id))
            if self.read_only_error is not None:
                self.read_only = True
                self.read_only_reason = self.read_only_error.key
                self.release()  # let `council restore` repair it while this view stays open
            elif not self.read_only:
                # The journal just read and verified under our lock: no need to read it a second time.
                self.journal, _ = Journal.open(folder.journal_path(session_id), report.journal)
                self._remember(running=True)
            report.journal = None  # its records are not kept in memory once the session is open
        except BaseException:
            self.release()
            raise
        self._since_checkpoint = report.replayed
        self._journal_version = report.journal_version

    # --- reading
    @property
    def record(self) -> SessionRecord:
        return self._reducer.record

    @property
    def session_id(self) -> str:
        return self.record.session.id

    def poll(self, poll_id: str) -> Poll:
        """One poll of the session as it stands now."""
        return self._reducer.poll(poll_id)

    def tally(self, poll_id: str) -> LiveTally:
        """A poll's live tally: counts so far, who has not voted, the votes needed under the attendance now."""
        poll = self.poll(poll_id)
        return live_tally(self.record, poll, self.voted_members(poll))

    def voted_members(self, poll: Poll) -> list[str]:
        """Who has voted (open: from the votes; secret: from the box), in seat order."""
        if poll.mode in SECRET_MODES and poll.status == PollStatus.OPEN:
            voted = self.booth.voted()
            return [m for m in poll.voters if m in voted]
        return poll.has_voted

    def missing_voters(self, poll: Poll) -> int:
        voted = set(self.voted_members(poll))
        return len([m for m in poll.voters if m not in voted])

    def why_cannot_vote(self, poll: Poll, member_id: str) -> DomainError | None:
        """Why a member may not vote (or change their vote) in ``poll`` now; None when they may.

        Only the poll's voters in the room: not the recused, not those absent when it opened, not those
        gone since (whatever the mode: open vote, booth, sheet or paper).
        """
        if member_id in poll.in_room_voters:
            return None
        member = self.record.find_member(member_id)
        name = member.name if member else member_id
        if member_id in poll.recused:
            return DomainError("error.vote_recused", name=name)
        if member_id in poll.away:
            return DomainError("error.vote_left", name=name)
        if member is not None and member.voting and self.record.presence(member_id).in_room:
            return DomainError("error.vote_came_after", name=name)  # voters are frozen when a poll opens
        return DomainError("error.vote_not_present", name=name)

    def verify_pin(self, member_id: str, pin: str) -> bool:
        """True when the member has no PIN or ``pin`` matches it."""
        member = self.record.find_member(member_id)
        return member is not None and (not member.pin or member.pin == pin.strip())

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Have ``listener`` called after each durable change (the room's board); returns how to unsubscribe."""
        return self._listeners.subscribe(listener)

    @property
    def chain_head(self) -> str:
        """The journal's last hash, the check code the minutes print (as loaded, for a read-only session)."""
        return self.journal.head if self.journal is not None else self.report.chain_head

    def recovery_message(self) -> str:
        """What to tell the chair on opening (changes recovered, a half-written one dropped); "" if nothing."""
        return recovery_message(self.report) if self.journal is not None else ""

    # --- plumbing
    def _commit(self, kind: str, data: dict[str, Any]) -> None:
        """Journal one event (fsynced), then apply it. Callers validate first.

        Raises DomainError("error.write_failed") when the disk refuses: then nothing changed,
        neither the journal nor the record in memory.
        """
        self._require_writable()
        check_event(kind, data)  # a record no replay could apply is never written (sessions/reducer.py)
        ts = self.clock().isoformat()
        try:
            if self._journal_version < SCHEMA_VERSION:
                # An older program wrote this journal: mark where records in the current layout begin.
                self.journal.append(SCHEMA_MARK, schema_mark(self._journal_version), ts)
                self._journal_version = SCHEMA_VERSION
                self._since_checkpoint += 1
            self.journal.append(kind, data, ts)
        except DomainError:
            self._stop_if_displaced()
            raise
        try:
            self._reducer.apply(kind, data, ts)
        except Exception:
            # Never acknowledged: take the record back and rebuild the state, so memory and disk agree.
            self.journal.take_back_last()
            self._reducer = Reducer(self.folder.load_record(self.session_id, deep=False)[0])
            raise
        self._since_checkpoint += 1
        # Only now, with the record on disk and applied, is it where the journal ends (sessions/anchor.py).
        write_anchor(self.folder.session_dir(self.session_id), self.journal.seq, self.journal.head)
        self._listeners.tell()  # the room's board follows (sessions/listeners.py)

    def checkpoint(self) -> None:
        """Write the state atomically so the next start replays less; safe to call at any time.

        Never raises: the journal already holds every change. A failure is kept in ``checkpoint_error``
        (the UI may mention it) and the next checkpoint tries again.
        """
        if self.journal is None or self._since_checkpoint == 0:
            return
        try:
            # Stamped with the time of the change it saves: reading the clock here would move a test's clock.
            ts = self.journal.last_ts or self.clock().isoformat()
            self.folder.write_checkpoint(self.record, self.journal.seq, self.journal.head, self.journal, ts)
        except DomainError as error:
            self.checkpoint_error = error
            self._stop_if_displaced()
            return
        self.checkpoint_error = None
        self._since_checkpoint = 0

    def _stop_if_displaced(self) -> None:
        """After a refused write: if another program took the session or changed its journal, stop writing.

        The session stays open here read-only, with the reason the chair is shown; nothing this
        program recorded is lost (it is in the journal) and nothing the other one wrote is touched.
        """
        if self.journal is None or self.journal.stopped is None:
            return
        self.read_only = True
        self.read_only_error = self.journal.stopped
        self.read_only_reason = self.journal.stopped.key
        self.journal.close()
        self.journal = None
        self.release()

    def _backup(self, kind: str) -> None:
        """Keep a copy of the session's files (see sessions/backup.py); a failure is kept, not raised."""
        try:
            take_backup(self.folder, self.session_id, kind, self.clock())
        except DomainError as error:
            self.checkpoint_error = error
        except OSError as exc:
            self.checkpoint_error = DomainError(
                "error.write_failed", path=str(self.folder.root), detail=exc.strerror or str(exc)
            )

    def _remember(self, *, running: bool) -> None:
        """Note in state.json which session runs, so the app can reopen it after a crash."""
        try:
            remember_session(self.folder.root, self.session_id, running=running, now=self.clock())
        except DomainError as error:
            self.checkpoint_error = error

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def close(self) -> None:
        """Checkpoint and let go of the session (the journal already holds everything).

        What the front end shows of it now is kept for its next start (``first_frame``, sessions/glance.py).
        """
        frame = self._first_frame(self) if self._first_frame is not None and self.journal is not None else None
        try:
            if self.journal is not None:
                self.checkpoint()
            if self.journal is not None and self.lock is not None and not self.lock.still_held():
                # The lock was taken from us with no write since to notice it: the new holder's files stay as they are.
                self.journal.stopped = DomainError("error.lock_lost", path=str(self.lock.lock_path))
                self._stop_if_displaced()
            if self.journal is not None:
                seq, head = self.journal.seq, self.journal.head
                self.journal.close()
                self.journal = None
                self.read_only = True
                self._remember(running=False)
                if frame is not None:
                    self._keep_glance(*frame, seq, head)
        finally:
            self.release()

    def _keep_glance(self, glance: dict[str, Any], language: str, seq: int, head: str) -> None:
        # Only a shortcut for the next start: failing to write it costs that start a moment, nothing more.
        with contextlib.suppress(DomainError, OSError):
            folder = self.folder.session_dir(self.session_id)
            write_glance(folder, glance, journal_seq=seq, chain_head=head, language=language)

    def _require_writable(self) -> None:
        if self.read_only or self.journal is None:
            error = self.read_only_error
            raise DomainError(error.key, **error.params) if error else DomainError("error.read_only")

    def _require_running(self) -> None:
        if self.record.session.status == SessionStatus.CLOSED:
            raise DomainError("error.session_closed")

    def check_can_change(self) -> None:
        """Raise what any change would be refused with now (read-only, closed), before the chair is asked anything."""
        self._require_running()
        self._require_writable()

    # --- attendance
    def set_attendance(self, member_id: str, presence: Presence, reason: str = "") -> bool:
        """Record where a member is. Returns True when this change lost the quorum during an open poll."""
        self._require_running()
        member = self.record.find_member(member_id)
        if member is None:
            raise DomainError("error.unknown_member", member=member_id)
        reason = clean_text(reason)
        if presence == Presence.ABSENT and not reason:
            raise DomainError("error.absence_reason", name=member.name)
        had_quorum = self.record.has_quorum
        self._commit("attendance_set", {"member_id": member_id, "presence": presence.value, "reason": reason})
        poll = self.record.open_poll()
        if poll is not None and had_quorum and not self.record.has_quorum and not poll.quorum_lost:
            self._commit("quorum_lost", {"poll_id": poll.id})
            return True
        return False

    # --- the session
    def open_session(self) -> None:
        """Start the meeting: status open, the actual start time recorded (the planned one stays as it was)."""
        self._require_running()
        if self.record.session.status == SessionStatus.OPEN:
            return
        # The actual start is the time of this journal record (sessions/reducer.py), not the planned start_time.
        self._commit("session_opened", {})
        self.checkpoint()
        self._backup("open")

    def close_session(self, *, force: bool = False) -> None:
        """End the meeting. Undecided items need ``force``; an open poll must be closed first."""
        self._require_running()
        if self.record.open_poll() is not None:
            raise DomainError("error.poll_still_open")
        undecided = len(self.record.session.agenda) - self.record.decided_count()
        if undecided and not force:
            raise DomainError("error.items_undecided", count=undecided)
        end = self.clock().time().replace(second=0, microsecond=0)
        self._commit("session_closed", {"end_time": end.isoformat()})
        self.checkpoint()
        self._backup("close")

    def select_item(self, index: int) -> None:
        """Make the agenda item at ``index`` (0-based) the current one."""
        self._require_running()
        agenda = self.record.session.agenda
        if not agenda:
            raise DomainError("error.agenda_empty")
        index = max(0, min(index, len(agenda) - 1))
        if index == self.record.session.current_index:
            return
        open_poll = self.record.open_poll()
        if open_poll is not None:
            raise DomainError("error.poll_still_open")
        self._commit("item_selected", {"index": index})

    def next_item(self) -> None:
        self.select_item(self.record.session.current_index + 1)

    def previous_item(self) -> None:
        self.select_item(self.record.session.current_index - 1)

    # --- recusal
    def recuse(self, initiative_id: str, member_id: str, reason: str) -> None:
        """Recuse a member from one initiative for a stated conflict of interest."""
        self._require_running()
        reason = clean_text(reason)
        if not reason:
            raise DomainError("error.recusal_reason")
        if initiative_id not in self.record.initiatives:
            raise DomainError("error.unknown_initiative", code=initiative_id)
        if self.record.find_member(member_id) is None:
            raise DomainError("error.unknown_member", member=member_id)
        open_poll = self.record.open_poll()
        if open_poll is not None and open_poll.initiative_id == initiative_id:
            raise DomainError("error.recuse_after_poll")
        self._commit("recusal_set", {"initiative_id": initiative_id, "member_id": member_id, "reason": reason})

    # --- polls
    def check_can_open_poll(self) -> None:
        """Raise what opening a poll on the current initiative would be refused with, whatever the mode.

        Called before the chair is asked how to decide, so that a refusal comes first.
        """
        self._require_running()
        if self.record.session.status != SessionStatus.OPEN:
            raise DomainError("error.session_not_open")
        if self.record.open_poll() is not None:
            raise DomainError("error.poll_already_open")
        initiative = self.record.current_initiative
        if initiative is None:
            raise DomainError("error.agenda_empty")
        if not self.record.has_quorum:
            raise DomainError(
                "error.no_quorum", present=len(self.record.present_voting), needed=self.record.quorum_needed
            )
        recused = self.record.recused_for(initiative.id)
        if not [m for m in self.record.present_voting if m.id not in recused]:
            raise DomainError("error.no_voters")
        self._require_writable()

    def open_poll(self, mode: PollMode = PollMode.OPEN, *, revote_reason: str = "") -> Poll:
        """Open a poll on the current initiative, freezing members, recusals and the rulebook."""
        self.check_can_open_poll()
        initiative = self.record.current_initiative
        assert initiative is not None
        earlier = [p for p in self.record.polls_for(initiative.id) if p.status == PollStatus.CLOSED]
        if earlier and not clean_text(revote_reason):
            raise DomainError("error.revote_reason")
        if self.record.conclusion(initiative.id) is not None and not clean_text(revote_reason):
            raise DomainError("error.revote_reason")
        voting = [m.id for m in self.record.voting_members]
        recused = {m: r for m, r in self.record.recused_for(initiative.id).items() if m in voting}
        present = [m.id for m in self.record.present_voting]
        for old in earlier:
            self._commit("poll_voided", {"poll_id": old.id, "reason": clean_text(revote_reason)})
        finding = self.record.findings.get(initiative.id)
        if finding is not None and finding.conclusion is not None:
            # The conclusion rested on the poll just cancelled: the chair concludes again after the revote.
            reopened = finding.model_copy(update={"conclusion": None, "reason": "", "override_reason": ""})
            self._commit("finding_saved", {"initiative_id": initiative.id, "finding": reopened.model_dump(mode="json")})
        number = len(self.record.polls_for(initiative.id)) + 1
        poll = Poll(
            id=f"{initiative.id}-p{number}",
            initiative_id=initiative.id,
            mode=mode,
            opened_at=self.clock(),
            rule=self.record.rulebook,
            voting_members=voting,
            present=present,
            recused=recused,
        )
        self._commit("poll_opened", {"poll": poll.model_dump(mode="json")})
        return self._reducer.poll(poll.id)

    def _open_poll_of(self, mode: PollMode) -> Poll:
        poll = self.record.open_poll()
        if poll is None:
            raise DomainError("error.no_open_poll")
        if poll.mode != mode:
            raise DomainError("error.wrong_mode")
        return poll

    def record_vote(self, member_id: str, choice: Choice) -> LiveTally:
        """Record one member's open vote (a later key for the same member replaces it); returns the new tally."""
        poll = self._open_poll_of(PollMode.OPEN)
        self._require_in_room(poll, member_id)
        if poll.votes.get(member_id) != choice:
            previous = poll.votes.get(member_id)
            self._commit("vote_recorded", {"poll_id": poll.id, "member_id": member_id, "choice": choice.value})
            # Only once the vote is on disk: a vote the disk refused leaves nothing for undo to put back.
            self._undo.remember(poll.id, {member_id: previous.value if previous else None})
        return self.tally(poll.id)

    def clear_vote(self, member_id: str) -> None:
        poll = self._open_poll_of(PollMode.OPEN)
        if member_id in poll.votes:
            self._require_in_room(poll, member_id)
            self._commit("vote_cleared", {"poll_id": poll.id, "member_id": member_id})

    def close_poll(self, *, force: bool = False) -> PollResult:
        """Freeze the open poll's result under its frozen rule. Missing votes need ``force``."""
        poll = self.record.open_poll()
        if poll is None:
            raise DomainError("error.no_open_poll")
        if poll.mode != PollMode.PAPER:
            missing = self.missing_voters(poll)
            if missing and not force:
                key = "error.sheets_missing" if poll.mode == PollMode.SCORING else "error.votes_missing"
                raise DomainError(key, count=missing)
        elif poll.paper is None:
            raise DomainError("error.paper_missing")
        result, extra = self.booth.result_at_close(poll) if poll.mode in SECRET_MODES else (poll.tally(), {})
        self._commit(
            "poll_closed",
            {
                "poll_id": poll.id,
                "counts": result.counts.model_dump(),
                "result": result.model_dump(mode="json"),
                **extra,
            },
        )
        if poll.mode in SECRET_MODES:
            self.booth.empty()
        self.checkpoint()
        return result

    def void_poll(self, reason: str) -> None:
        """Cancel the open poll; it stays on record with the reason."""
        poll = self.record.open_poll()
        if poll is None:
            raise DomainError("error.no_open_poll")
        if not clean_text(reason):
            raise DomainError("error.revote_reason")
        refused = self.booth.state()
        extra = {"booth_refused": refused.refused} if refused is not None else {}
        self._commit("poll_voided", {"poll_id": poll.id, "reason": clean_text(reason), **extra})
        if poll.mode in SECRET_MODES:
            self.booth.empty()

    def _require_in_room(self, poll: Poll, member_id: str) -> None:
        refusal = self.why_cannot_vote(poll, member_id)
        if refusal is not None:
            raise refusal

    # --- open vote shortcuts, phones, paper tally
    def record_all(self, choice: Choice = Choice.YES) -> None:
        """Everyone who may vote votes ``choice`` in one step; corrections follow one by one."""
        poll = self._open_poll_of(PollMode.OPEN)
        voters = poll.in_room_voters  # not those who have left: their vote (if any) stays as they cast it
        before = {m: (c.value if c else None) for m in voters for c in [poll.votes.get(m)]}
        votes = {m: choice.value for m in voters}
        self._commit("votes_recorded", {"poll_id": poll.id, "votes": votes})
        self._undo.remember(poll.id, before)  # after the commit: a refused write leaves nothing to undo

    def undo_last_vote(self) -> bool:
        """Put back what the last vote (or 'everyone yes') replaced; False when there is nothing to undo."""
        poll = self.record.open_poll()
        before = self._undo.last(poll.id if poll is not None else None)
        if poll is None or before is None:
            return False
        # Nobody absent votes: what undo would put back for a member who has left since stays as it is.
        in_room = set(poll.in_room_voters)
        before = {m: c for m, c in before.items() if m in in_room}
        if not before:
            self._undo.done()
            return False
        self._commit("votes_recorded", {"poll_id": poll.id, "votes": before})
        self._undo.done()  # only once undone on disk: an undo the disk refused can be tried again
        return True

    def record_votes(self, votes: dict[str, Choice]) -> None:
        """Several members' open votes in one journal record (members' phones voting at once); each checked as
        one vote is. Not put on the undo list: ``u`` undoes the chair's own keys."""
        poll = self._open_poll_of(PollMode.OPEN)
        for member_id in votes:
            self._require_in_room(poll, member_id)
        self._commit("votes_recorded", {"poll_id": poll.id, "votes": {m: c.value for m, c in votes.items()}})

    def record_paper(self, tally: PaperTally) -> None:
        """Record the counts of a paper ballot; numbers that disagree are refused, naming them."""
        poll = self._open_poll_of(PollMode.PAPER)
        tally.check(len(poll.in_room_voters))  # ballots go only to those in the room now
        self._commit("paper_recorded", {"poll_id": poll.id, "tally": tally.model_dump()})

    # --- rulebook
    def set_rulebook(self, rulebook: Rulebook) -> None:
        """Change the rules of a session that has not opened yet; polls freeze them when they open."""
        if self.record.session.status != SessionStatus.PLANNED:
            raise DomainError("error.rules_after_open")
        self._commit("rulebook_set", {"rulebook": rulebook.model_dump(mode="json")})

    # --- findings
    def save_finding(self, initiative_id: str, finding: Finding) -> None:
        """Save remarks and conclusion; refuses a conclusion that lacks a required reason."""
        self._require_running()
        if initiative_id not in self.record.initiatives:
            raise DomainError("error.unknown_initiative", code=initiative_id)
        if finding.conclusion is not None:
            open_poll = self.record.open_poll()
            if open_poll is not None and open_poll.initiative_id == initiative_id:
                raise DomainError("error.poll_still_open")
            if finding.conclusion == Conclusion.NOT_RECOGNISED and not finding.reason:
                raise DomainError("error.refusal_reason")
            basis = self.record.last_result_poll(initiative_id)
            passed = basis.result.passed if basis and basis.result else None
            contradicts = (finding.conclusion == Conclusion.RECOGNISED and passed is not True) or (
                finding.conclusion == Conclusion.NOT_RECOGNISED and passed is True
            )
            if contradicts and not finding.override_reason:
                key = "error.override_no_poll" if passed is None else "error.override_reason"
                raise DomainError(key)
            if finding.conclusion != Conclusion.RECOGNISED:
                # Award, scope and confirmed benefit belong to a recognition: not kept beside a refusal.
                finding = finding.model_copy(
                    update={"scope": None, "proposed_award": "", "confirmed_benefit_vnd": None}
                )
        if self.record.findings.get(initiative_id) == finding:
            return
        self._commit("finding_saved", {"initiative_id": initiative_id, "finding": finding.model_dump(mode="json")})
        self.checkpoint()

    # --- after the meeting
    def record_recognition(self, number: str, date: dt.date) -> RecognitionDecision:
        """Record the unit head's decision recognising the initiatives; a later one replaces it (a correction).

        Only once the session is closed (the decision is signed on its minutes), only when the council
        recognised an initiative, and never dated before the meeting.
        """
        self._require_writable()
        session = self.record.session
        if session.status != SessionStatus.CLOSED:
            raise DomainError("error.recognition_before_close")
        if not any(self.record.conclusion(i) == Conclusion.RECOGNISED for i in session.agenda):
            raise DomainError("error.recognition_nothing")
        number = one_line(number)
        if not number:
            raise DomainError("error.recognition_number")
        if len(number) > 60:
            raise DomainError("error.recognition_number_long", count=len(number))
        if date < session.date:
            raise DomainError("error.recognition_date", date=format_date(date), meeting=format_date(session.date))
        decision = RecognitionDecision(number=number, date=date)
        if session.recognition == decision:
            return decision
        self._commit("recognition_decided", decision.model_dump(mode="json"))
        self.checkpoint()
        return decision


def create_session(folder: DataFolder, record: SessionRecord, *, clock: Clock = local_now) -> None:
    """Start a new session's journal with its full initial record, then checkpoint it."""
    session_dir = folder.session_dir(record.session.id)
    if folder.journal_path(record.session.id).exists():
        raise DomainError("error.session_exists", session=record.session.id)
    # A new session's files are written under its lock, as every session's are (sessions/session_files.py).
    lock = SessionLock(session_dir)
    lock.acquire(local_now())  # (not ``clock``: a test's clock would move, and with it every timestamp after)
    try:
        if folder.journal_path(record.session.id).exists():
            raise DomainError("error.session_exists", session=record.session.id)
        journal = Journal(folder.journal_path(record.session.id))
        data: dict[str, Any] = {"record": record.model_dump(mode="json")}
        if (mark := council_mark(folder.root)) is not None:
            data[COUNCIL_KEY] = mark  # where the council's record stood: a later cut or removal shows
        try:
            ts = clock().isoformat()
            journal.append("session_created", data, ts)
            # With its journal record, so that the summary and digest are vouched for from the start.
            folder.write_checkpoint(record, journal.seq, journal.head, journal, ts)
        finally:
            journal.close()
    finally:
        lock.release()
