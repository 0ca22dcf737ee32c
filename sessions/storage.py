"""The data folder: the council's file, and per session a journal, a checkpoint and a summary.

Layout::

    DATA/council.json                  council, members and rulebook (TinyDB)
    DATA/sessions/<id>/journal.jsonl   every change, hash-chained and fsynced (source of truth)
    DATA/sessions/<id>/session.json    checkpoint of the state at a journal position (TinyDB)
    DATA/sessions/<id>/summary.json    what the session list shows, without loading the session
    DATA/sessions/<id>/stats.json      what statistics read, while the journal ends where it was made
    DATA/sessions/<id>/lock            held (flock) by the program running the session
    DATA/backups/<id>/<stamp>-<kind>/  rotating backups (sessions/backup.py)
    DATA/state.json                    which session was last run, and whether it was closed properly
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from models.council import CouncilInfo, Member
from models.errors import DomainError
from models.initiative import Initiative
from models.poll import Poll
from models.record import SCHEMA_VERSION, SessionRecord
from models.rules import Rulebook
from models.session import Attendance, AttendanceChange, Finding, Session
from sessions.anchor import ANCHOR_FILES, lost_end, read_anchor, write_anchor
from sessions.atomic import clean_stale_temps
from sessions.council_record import CouncilEvidence, examine, record_council
from sessions.derived import CHECKPOINT_EVENT, DERIVED_KEY, SUMMARY_FILE, body_fingerprint, placed_bytes
from sessions.digest import DIGEST_FILE, digest_body
from sessions.garbage_collection import collection_paused
from sessions.journal import GENESIS, Journal, JournalRead, read_journal
from sessions.listing import SessionSummary, damaged_summary, read_summary, session_ids
from sessions.lock import LockHolder
from sessions.migrations import (
    CHECKPOINT_USABLE_FROM,
    SCHEMA_MARK,
    file_version,
    migrate_event,
    migrate_tables,
    record_versions,
)
from sessions.paths import JOURNAL_FILE, SESSION_FILE, session_dir
from sessions.recovery import LastSession, read_state
from sessions.reducer import Reducer
from sessions.session_files import write_session_file
from sessions.tinystore import AtomicJSONStorage, RawTables, layout_bytes, raw_layout

# CHECKPOINT_EVENT (from sessions/derived.py): the journal record written with each checkpoint, as
# record N + 1: ``{"seq": N, "sha256": fingerprint, "derived": {"summary.json": ..., "stats.json": ...}}``.
#
# The fingerprint is that of ``session.json`` as written, except that the file names record N + 1 (the
# fingerprint itself: a checkpoint stands at the journal's end) where the fingerprinted bytes name N.
# ``derived`` holds the fingerprints of the files written beside it (sessions/derived.py).
# It changes nothing in the session (the reducer ignores it); it lets a later start trust the checkpoint
# without replaying the journal up to it, and still notice an edited ``session.json`` or summary.

BACKUPS_DIR = "backups"
"""Under the data folder: one folder of rotating backups per session (see sessions/backup.py)."""


class CouncilFile(BaseModel):
    """The council as kept between sessions."""

    model_config = ConfigDict(extra="forbid")

    info: CouncilInfo
    members: list[Member]
    rulebook: Rulebook = Rulebook()


@dataclass
class LoadReport:
    """What loading found: replayed records, a dropped torn tail, damage that forbids writing.

    ``damage_reason`` is a journal reason (``unreadable``, ``chain``, ``hash``, ``format``), ``replay``
    (a record that verifies but cannot be applied), ``checkpoint`` (the checkpoint names a record the
    journal does not have), ``checkpoint_unreadable``, or ``truncated`` / ``rewritten`` (the journal
    no longer holds the record the anchor (sessions/anchor.py) says it ended at: its end was cut off or replaced;
    ``damaged_line`` is then that record's number). ``sessions.recovery`` turns it into words.
    """

    replayed: int = 0  # changes since the last checkpoint, applied again from the journal
    torn_bytes: int = 0  # a half-written last record, dropped
    damaged_line: int | None = None
    damage_reason: str = ""
    journal_seq: int = 0
    chain_head: str = GENESIS
    checkpoint_seq: int | None = None  # None: no usable checkpoint, everything was replayed
    journal_version: int = SCHEMA_VERSION  # the schema new journal records are written in
    cleaned: list[Path] = field(default_factory=list)  # stale temporary files removed (set by the service)
    previous_holder: LockHolder | None = None  # the run that ended without closing (set by the service)
    # The journal as read, so that the service opening it for appending need not read it again.
    journal: JournalRead | None = field(default=None, repr=False, compare=False)

    @property
    def damaged(self) -> bool:
        return self.damaged_line is not None


def _validation_detail(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ()))
    return f"{where}: {first.get('msg', '')}"


class DataFolder:
    """One council's data folder."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    @property
    def council_path(self) -> Path:
        return self.root / "council.json"

    @property
    def sessions_dir(self) -> Path:
        return self.root / "sessions"

    def session_dir(self, session_id: str) -> Path:
        return session_dir(self.root, session_id)

    def is_empty(self) -> bool:
        return not self.council_path.exists()

    # --- council
    def load_council(self) -> CouncilFile:
        """Read the council file; raises DomainError naming the file when it cannot be used.

        Its bytes must be the ones the council's journal last recorded (sessions/council_record.py):
        a file changed outside council is refused, and nothing is written over it.
        """
        if not self.council_path.exists():
            raise DomainError("error.no_council", path=str(self.root))
        content, raw = AtomicJSONStorage(self.council_path).read_with_bytes()
        evidence = examine(self.root, content)
        if evidence.tables is not None:
            raw = evidence.tables  # a save cut off after its record: the journal's version is the council
        tables = migrate_tables(tables_of(raw or {}), self.council_path)
        try:
            info = tables["council"][0]["info"]
            council = CouncilFile(info=info, members=tables.get("members", []), rulebook=tables["rulebook"][0])
        except (KeyError, IndexError) as exc:
            raise DomainError("error.file_foreign", path=str(self.council_path)) from exc
        except ValidationError as exc:
            raise DomainError(
                "error.file_invalid", path=str(self.council_path), detail=_validation_detail(exc)
            ) from exc
        if evidence.fails:
            raise evidence.error(self.council_path)
        return council

    def council_evidence(self) -> CouncilEvidence:
        """What the council's journal says of ``council.json`` (``council verify``)."""
        try:
            content: bytes | None = self.council_path.read_bytes()
        except FileNotFoundError:
            content = None
        return examine(self.root, content)

    def save_council(self, council: CouncilFile) -> None:
        """Journal the council, then replace ``council.json`` (sessions/council_record.py). Raises DomainError."""
        raw = raw_layout(
            {
                "council": [{"schema_version": SCHEMA_VERSION, "info": council.info.model_dump(mode="json")}],
                "members": [m.model_dump(mode="json") for m in council.members],
                "rulebook": [council.rulebook.model_dump(mode="json")],
            }
        )
        record_council(self.council_path, layout_bytes(raw), raw)

    # --- sessions
    def session_ids(self) -> list[str]:
        return session_ids(self.root)

    def check_session_id(self, session_id: str) -> None:
        """Raise DomainError listing the known sessions when ``session_id`` is not one of them."""
        known = self.session_ids()
        if not known and self.is_empty():
            # Nothing here at all: most likely the wrong folder, so say how to make one rather than list "-".
            raise DomainError("error.no_council", path=str(self.root))
        if session_id not in known:
            folder = self.session_dir(session_id)
            if any((folder / name).is_file() for name in (*ANCHOR_FILES, SESSION_FILE)):
                # Council wrote this session (its anchors or checkpoint are here): its journal was removed.
                raise DomainError("error.journal_missing", session=session_id, path=str(self.journal_path(session_id)))
            raise DomainError("error.unknown_session", session=session_id, known=", ".join(known) or "-")

    def summaries(self, *, damaged_rows: bool = False) -> list[SessionSummary]:
        """The session list, newest first, read from the small summary files.

        A session that cannot be read raises DomainError, unless ``damaged_rows`` (the lists shown to the
        chair): then it is a row of its own, so that one damaged session does not hide the others.
        """
        result = []
        for session_id in self.session_ids():
            summary = read_summary(self.session_dir(session_id))
            if summary is None:
                try:
                    record, _ = self.load_record(session_id)
                except DomainError:
                    if not damaged_rows:
                        raise
                    result.append(damaged_summary(session_id))
                    continue
                summary = summary_of(record)
            result.append(summary)
        return sorted(result, key=lambda s: (s.date, s.id), reverse=True)

    def write_checkpoint(
        self, record: SessionRecord, journal_seq: int, chain_head: str, journal: Journal | None = None, ts: str = ""
    ) -> None:
        """Write the state at ``journal_seq`` atomically, then the summary beside it. Raises DomainError.

        With the open ``journal`` (whose last record is ``journal_seq``), the checkpoint's fingerprint is
        journaled first, as record ``journal_seq + 1``, and the checkpoint names that record (see
        ``CHECKPOINT_EVENT``). A crash before the file is written leaves a fingerprint without its
        checkpoint: opening skips it (the previous checkpoint and the journal still hold everything).
        """
        folder = self.session_dir(record.session.id)
        content = layout_bytes(raw_layout(checkpoint_tables(record, journal_seq, chain_head)))
        summary, digest = asdict(summary_of(record)), digest_body(record)
        if journal is not None:
            fingerprint = {
                "seq": journal_seq,
                "sha256": hashlib.sha256(content).hexdigest(),
                DERIVED_KEY: {SUMMARY_FILE: body_fingerprint(summary), DIGEST_FILE: body_fingerprint(digest)},
            }
            journal.append(CHECKPOINT_EVENT, fingerprint, ts)
            moved = moved_position(content, (journal_seq, chain_head), (journal.seq, journal.head))
            journal_seq, chain_head = journal.seq, journal.head
            # (Never None for a file this program lays out; if it were, opening would check it in full.)
            content = moved or layout_bytes(raw_layout(checkpoint_tables(record, journal_seq, chain_head)))
        write_session_file(folder / SESSION_FILE, content)
        write_session_file(folder / SUMMARY_FILE, placed_bytes(summary, journal_seq, chain_head))
        write_session_file(folder / DIGEST_FILE, placed_bytes(digest, journal_seq, chain_head))
        write_anchor(folder, journal_seq, chain_head, durable=True)

    def read_checkpoint(self, session_id: str) -> tuple[SessionRecord, int, str] | None:
        path = self.session_dir(session_id) / SESSION_FILE
        if not path.exists():
            return None
        return self._checkpoint_from_raw(path, AtomicJSONStorage(path).read())

    def _checkpoint_from_raw(self, path: Path, raw: RawTables | None) -> tuple[SessionRecord, int, str]:
        """The checkpoint's record, migrated and validated, from the file's TinyDB layout. Raises DomainError."""
        tables = migrate_tables(tables_of(raw or {}), path)
        try:
            return record_from_tables(tables)
        except (KeyError, IndexError) as exc:
            raise DomainError("error.file_foreign", path=str(path)) from exc
        except ValidationError as exc:
            raise DomainError("error.file_invalid", path=str(path), detail=_validation_detail(exc)) from exc

    def journal_path(self, session_id: str) -> Path:
        return self.session_dir(session_id) / JOURNAL_FILE

    def load_record(
        self, session_id: str, *, deep: bool = True, full: bool = False
    ) -> tuple[SessionRecord, LoadReport]:
        """See ``_load_record``; the cyclic garbage collector is paused meanwhile (records, parsed JSON, models)."""
        with collection_paused():
            return self._load_record(session_id, deep=deep, full=full)

    def _load_record(self, session_id: str, *, deep: bool, full: bool) -> tuple[SessionRecord, LoadReport]:
        """Checkpoint plus journal replay. Damage is reported, not raised, so the session can still be read.

        The checkpoint is read before the journal: a writer appends to the journal before it writes a
        checkpoint, so read in this order the two agree even while another program runs the session.
        The whole chain is always verified. A checkpoint whose fingerprint the journal holds (written
        with it) is used as it is, and only the records after it are replayed. Any other checkpoint,
        or every checkpoint when ``full`` (``council verify``), is checked with ``deep``: the state is
        rebuilt from the journal up to it and compared (the journal is the source of truth, so an
        edited checkpoint is damage).
        """
        self.check_session_id(session_id)
        report = LoadReport()
        # Read before the journal: a writer appends first and anchors after, so the two agree here too.
        anchor = read_anchor(self.session_dir(session_id))
        path = self.session_dir(session_id) / SESSION_FILE
        checkpoint, raw, written_here, content = None, None, None, None
        try:
            content, raw = AtomicJSONStorage(path).read_with_bytes()
            # A checkpoint in this program's own layout is checked by comparing it, as stored, with the
            # replayed state (no validation needed); any other is validated and compared as loaded.
            written_here = current_meta(raw) if deep else None
            if written_here is None and path.exists() and not _predates_usable(raw):
                checkpoint = self._checkpoint_from_raw(path, raw)
        except DomainError as exc:
            if exc.key == "error.schema_newer":
                raise
            report.damaged_line, report.damage_reason = 0, "checkpoint_unreadable"
        found = read_journal(self.journal_path(session_id))
        report.journal = found
        report.torn_bytes = found.torn_bytes
        if found.bad_line is not None:
            report.damaged_line, report.damage_reason = found.bad_line, found.bad_reason
        elif lost := lost_end(found.records, anchor):
            # A valid chain that lacks its own end: what the screen showed as recorded is missing.
            report.damaged_line, report.damage_reason = anchor[0], lost  # type: ignore[index]
        if not found.records and found.bad_line is None:
            path = self.journal_path(session_id)
            if found.torn_bytes:
                raise DomainError("error.journal_torn_first", path=str(path), bytes=found.torn_bytes)
            if path.is_file():  # (0 bytes: cut off before its first record was written, or emptied)
                raise DomainError("error.journal_empty", path=str(path))
        start, reducer = 0, None
        trusted = None if full or written_here is None else self._fingerprinted(path, raw, content, found)
        if trusted is not None:
            reducer, start = Reducer(trusted[0]), trusted[1]
            report.checkpoint_seq = start
        elif written_here is not None:
            seq, head = written_here
            matches = seq <= len(found.records) and (found.records[seq - 1].hash if seq else GENESIS) == head
            if matches:
                reducer = self.replay(session_id, found, report, None, 0, seq)
                report.replayed = 0
                start, report.checkpoint_seq = seq, seq
                if reducer is not None and raw_layout(checkpoint_tables(reducer.record, seq, head)) != raw:
                    self._compare_loaded(path, raw, reducer.record, report, seq, found)
            elif report.damaged_line is None:
                report.damaged_line, report.damage_reason = seq, "checkpoint"
        elif checkpoint is not None:
            record, seq, head = checkpoint
            matches = seq <= len(found.records) and (found.records[seq - 1].hash if seq else GENESIS) == head
            if matches and deep:
                reducer = self.replay(session_id, found, report, None, 0, seq)
                report.replayed = 0
                if reducer is not None and dump_record(reducer.record) != dump_record(record):
                    report.damaged_line, report.damage_reason = seq, "checkpoint_content"
                start, report.checkpoint_seq = seq, seq
            elif matches:
                reducer, start, report.checkpoint_seq = Reducer(record), seq, seq
            elif report.damaged_line is None:
                report.damaged_line, report.damage_reason = seq, "checkpoint"
        if report.damage_reason != "replay" and (start == 0 or reducer is not None):
            reducer = self.replay(session_id, found, report, reducer, start)
        if reducer is None:
            path = self.journal_path(session_id)
            if found.bad_line is not None:
                raise DomainError("error.journal_damaged", path=str(path), line=found.bad_line)
            raise DomainError("error.file_foreign", path=str(path))
        report.journal_seq = found.seq
        report.chain_head = found.head
        return reducer.record, report

    def _fingerprinted(
        self, path: Path, raw: RawTables | None, content: bytes | None, found: JournalRead
    ) -> tuple[SessionRecord, int] | None:
        """The checkpoint, when the journal holds its position and its fingerprint; None to check it in full."""
        written_here = current_meta(raw)
        if written_here is None or content is None:
            return None
        seq, head = written_here
        records = found.records
        if not 2 <= seq <= len(records) or records[seq - 1].hash != head:
            return None
        mark = records[seq - 1]  # the checkpoint stands at its own fingerprint
        try:
            if mark.type != CHECKPOINT_EVENT or mark.data.get("seq") != seq - 1:
                return None
            fingerprinted = moved_position(content, (seq, head), (seq - 1, records[seq - 2].hash))
            if fingerprinted is None or mark.data.get("sha256") != hashlib.sha256(fingerprinted).hexdigest():
                return None  # session.json is not what was written: the full check names the damage
            return self._checkpoint_from_raw(path, raw)[0], seq
        except (DomainError, ValueError):
            return None

    def _compare_loaded(
        self,
        path: Path,
        raw: RawTables | None,
        replayed: SessionRecord,
        report: LoadReport,
        seq: int,
        found: JournalRead,
    ) -> None:
        """The stored checkpoint differs from what this program writes for the replayed state: compare content."""
        try:
            record = self._checkpoint_from_raw(path, raw)[0]
        except DomainError:
            report.checkpoint_seq = None
            if found.bad_line is None:
                report.damaged_line, report.damage_reason = 0, "checkpoint_unreadable"
            return
        if dump_record(replayed) != dump_record(record):
            report.damaged_line, report.damage_reason = seq, "checkpoint_content"

    def replay(
        self,
        session_id: str,
        found: JournalRead,
        report: LoadReport,
        reducer: Reducer | None = None,
        start: int = 0,
        stop: int | None = None,
    ) -> Reducer | None:
        """Apply the journal's records ``start:stop`` (migrated to the current schema) onto ``reducer``.

        A record that verifies but cannot be applied is reported as damage and ends the replay.
        """
        path = self.journal_path(session_id)
        versions, report.journal_version = record_versions(found.records, path)
        for index in range(start, len(found.records) if stop is None else stop):
            entry = found.records[index]
            if entry.type == SCHEMA_MARK or entry.type == CHECKPOINT_EVENT:
                continue
            if reducer is None:
                if entry.type != "session_created":
                    raise DomainError("error.file_foreign", path=str(path))
                reducer = Reducer.__new__(Reducer)
            try:
                reducer.apply(entry.type, migrate_event(entry.type, entry.data, versions[index], entry.ts), entry.ts)
            except (ValidationError, KeyError, ValueError, TypeError, AttributeError) as exc:
                if index == 0:
                    raise DomainError("error.journal_damaged", path=str(path), line=entry.seq) from exc
                if report.damaged_line is None or report.damaged_line > entry.seq:
                    report.damaged_line, report.damage_reason = entry.seq, "replay"
                break
            report.replayed += 1
        return reducer

    def last_session(self) -> LastSession | None:
        """The session last run here (to reopen it on start), or None; ``running`` means it was not closed."""
        last = read_state(self.root)
        if last is None or last.session_id not in self.session_ids():
            return None
        return last

    def clean_temps(self, session_id: str) -> list[Path]:
        """Remove what a crash left half-written beside the council's files and in this session's folders.

        Only the session being opened is swept (and its backups): a folder holding years of
        sessions is not walked at every start, and each session is swept when it is next opened.
        """
        removed = clean_stale_temps(self.root, recursive=False)
        for folder in (self.session_dir(session_id), self.root / BACKUPS_DIR / session_id):
            removed += clean_stale_temps(folder)
        return removed


def summary_of(record: SessionRecord) -> SessionSummary:
    s = record.session
    return SessionSummary(
        id=s.id,
        title=s.title,
        date=s.date.isoformat(),
        place=s.place,
        status=s.status.value,
        decided=record.decided_count(),
        total=len(s.agenda),
    )


def checkpoint_tables(record: SessionRecord, journal_seq: int, chain_head: str) -> dict[str, list[dict[str, Any]]]:
    """The checkpoint as TinyDB tables: one document per member, initiative, poll and finding."""
    dump = record.model_dump(mode="json")
    return {
        "meta": [
            {
                "schema_version": SCHEMA_VERSION,
                "journal_seq": journal_seq,
                "chain_head": chain_head,
                "council": dump["council"],
                "rulebook": dump["rulebook"],
                "session": dump["session"],
            }
        ],
        "members": dump["members"],
        "initiatives": list(dump["initiatives"].values()),
        "attendance": [{"member_id": k, **v} for k, v in dump["attendance"].items()],
        "attendance_log": dump["attendance_log"],
        "recusals": [
            {"initiative_id": i, "member_id": m, "reason": r}
            for i, ms in dump["recusals"].items()
            for m, r in ms.items()
        ],
        "polls": dump["polls"],
        "findings": [{"initiative_id": k, **v} for k, v in dump["findings"].items()],
    }


def moved_position(content: bytes, old: tuple[int, str], new: tuple[int, str]) -> bytes | None:
    """A checkpoint file's bytes naming journal position ``new`` instead of ``old``; None if not found once.

    The keys are found as ``layout_bytes`` writes them; a ``"`` inside any string is escaped, so text
    typed by a user cannot look like them.
    """
    swaps = [
        (b'"chain_head": "%s"' % old[1].encode("ascii"), b'"chain_head": "%s"' % new[1].encode("ascii")),
        (b'"journal_seq": %d,' % old[0], b'"journal_seq": %d,' % new[0]),
    ]
    for before, _ in swaps:
        if content.count(before) != 1:
            return None
    for before, after in swaps:
        content = content.replace(before, after, 1)
    return content


def tables_of(raw: RawTables) -> dict[str, list[dict[str, Any]]]:
    """TinyDB's raw layout as lists of documents in insertion (doc id) order, as ``read_tables`` gives them."""
    return {name: [doc for _, doc in sorted(docs.items(), key=lambda item: int(item[0]))] for name, docs in raw.items()}


def current_meta(raw: RawTables | None) -> tuple[int, str] | None:
    """Journal position and chain head of a checkpoint stored in the current layout; None for any other."""
    try:
        meta = raw["meta"]["1"]  # type: ignore[index]
        current = meta["schema_version"] == SCHEMA_VERSION and type(meta["journal_seq"]) is int
        if current and isinstance(meta["chain_head"], str):
            return meta["journal_seq"], meta["chain_head"]
    except (KeyError, TypeError):
        pass
    return None


def _predates_usable(raw: RawTables | None) -> bool:
    """A checkpoint of a schema too old to migrate on its own (sessions/migrations.py): the journal is replayed."""
    try:
        return file_version(tables_of(raw or {})) < CHECKPOINT_USABLE_FROM
    except (TypeError, ValueError, AttributeError):
        return False  # read as it is, and reported if it cannot be


def record_from_tables(tables: dict[str, list[dict[str, Any]]]) -> tuple[SessionRecord, int, str]:
    meta = tables["meta"][0]
    recusals: dict[str, dict[str, str]] = {}
    for row in tables.get("recusals", []):
        recusals.setdefault(row["initiative_id"], {})[row["member_id"]] = row["reason"]
    record = SessionRecord(
        council=CouncilInfo.model_validate(meta["council"]),
        members=[Member.model_validate(m) for m in tables.get("members", [])],
        rulebook=Rulebook.model_validate(meta["rulebook"]),
        session=Session.model_validate(meta["session"]),
        initiatives={i["id"]: Initiative.model_validate(i) for i in tables.get("initiatives", [])},
        attendance={
            a["member_id"]: Attendance.model_validate({k: v for k, v in a.items() if k != "member_id"})
            for a in tables.get("attendance", [])
        },
        attendance_log=[AttendanceChange.model_validate(c) for c in tables.get("attendance_log", [])],
        recusals=recusals,
        polls=_polls(tables.get("polls", [])),
        findings={
            f["initiative_id"]: Finding.model_validate({k: v for k, v in f.items() if k != "initiative_id"})
            for f in tables.get("findings", [])
        },
    )
    return record, int(meta["journal_seq"]), str(meta["chain_head"])


def _polls(rows: list[dict[str, Any]]) -> list[Poll]:
    """Polls validated with one (frozen) Rulebook per distinct rule: most polls of a session share it."""
    rules: list[tuple[dict[str, Any], Rulebook]] = []
    polls = []
    for row in rows:
        rule = row.get("rule")
        model = next((m for d, m in rules[-8:] if d == rule), None)
        if model is None and isinstance(rule, dict):
            model = Rulebook.model_validate(rule)
            rules.append((rule, model))
        polls.append(Poll.model_validate({**row, "rule": model} if model is not None else row))
    return polls


def dump_record(record: SessionRecord) -> dict[str, Any]:
    """A record as plain data, for comparing two ways of building it."""
    return record.model_dump(mode="json")


def dump_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
