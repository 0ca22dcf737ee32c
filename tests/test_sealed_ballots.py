"""Secret ballots cannot be linked to members: not from copies of the folder taken after every ballot, not
from the raw disk after the poll closed (docs/threat-model.md). And the chair's secret seals the box.

The linkage attack below is the one that linked 7 of 7 members on the plain box: every version of the
box, or any record found on disk, that states both who has voted and counts, paired with the next one.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from models.errors import DomainError
from models.poll import Choice, PollMode
from models.session import Presence
from sessions import sealing
from sessions.service import SessionService
from sessions.storage import DataFolder

PLANNED = "2026-11-22"
SECRET = "hom-phieu-kin"
CHOICES = [Choice.YES, Choice.NO, Choice.YES, Choice.ABSTAIN, Choice.YES, Choice.NO, Choice.YES]
OTHER_CHOICES = [Choice.NO, Choice.ABSTAIN, Choice.NO, Choice.YES, Choice.ABSTAIN, Choice.YES, Choice.NO]
BOX = "ballot-box.json"


def started(data: Path, clock) -> SessionService:
    service = SessionService(DataFolder(data), PLANNED, clock=clock)
    for member in service.record.members:
        service.set_attendance(member.id, Presence.PRESENT)
    service.open_session()
    return service


def open_booth(service: SessionService) -> None:
    booth = getattr(service, "booth", None)  # (absent from the plain box's code: then nothing seals it)
    if booth is not None:
        booth.open(SECRET)


def snapshot(folder: Path) -> dict[str, bytes]:
    """A copy of every file of the data folder, as a backup or sync tool would take it."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run_poll(data: Path, clock, choices: list[Choice]) -> tuple[list[dict[str, bytes]], list[str], dict]:
    """A secret ballot of 7 members through the service, the folder copied after every ballot."""
    service = started(data, clock)
    poll = service.open_poll(PollMode.SECRET)
    open_booth(service)
    copies = [snapshot(data)]
    for member_id, choice in zip(poll.voters, choices, strict=True):
        service.booth.cast(member_id, choice)
        copies.append(snapshot(data))
    result = service.close_poll()
    service.close()
    return copies, list(poll.voters), result.counts.model_dump()


# --- the attacker ------------------------------------------------------------------------------

COUNTS = re.compile(rb'"counts":\s*\{[^{}]*\}')
VOTED = re.compile(rb'"voted":\s*\[([^\[\]]*)\]')
POLL = re.compile(rb'"poll_id":\s*"([^"]*)"')
State = tuple[bytes, frozenset[str], tuple[tuple[str, int], ...]]


def states_in(blob: bytes) -> set[State]:
    """Every (poll, who has voted, counts) a piece of bytes states together, in one line or file."""
    found = set()
    for chunk in re.split(rb"[\n\x00]", blob):
        counts, voted, poll = COUNTS.search(chunk), VOTED.search(chunk), POLL.search(chunk)
        if counts is None or voted is None:
            continue
        try:
            numbers = json.loads(b"{" + counts.group(0) + b"}")["counts"]
            members = json.loads(b"[" + voted.group(1) + b"]")
        except (ValueError, UnicodeDecodeError):
            continue
        found.add((poll.group(1) if poll else b"", frozenset(members), tuple(sorted(numbers.items()))))
    return found


def link(states: set[State]) -> dict[str, str]:
    """Members whose choice follows from two states of one poll that differ by that member and one count."""
    linked: dict[str, str] = {}
    empty = (("abstain", 0), ("invalid", 0), ("no", 0), ("yes", 0))
    with_empty = states | {(poll, frozenset(), empty) for poll, _, _ in states}
    for poll_a, voted_a, counts_a in with_empty:
        for poll_b, voted_b, counts_b in with_empty:
            if poll_a != poll_b or len(voted_b - voted_a) != 1 or not voted_a <= voted_b:
                continue
            a, b = dict(counts_a), dict(counts_b)
            grew = [o for o in b if b[o] - a.get(o, 0) == 1]
            if len(grew) == 1 and all(b[o] == a.get(o, 0) for o in b if o != grew[0]):
                linked[next(iter(voted_b - voted_a))] = grew[0]
    return linked


# --- copies of the folder ----------------------------------------------------------------------


def test_no_copy_of_the_folder_links_a_member_to_a_choice(tmp_path: Path, demo_dir: Path, clock) -> None:
    copies, _, counts = run_poll(demo_dir, clock, CHOICES)
    assert (counts["yes"], counts["no"], counts["abstain"]) == (4, 2, 1)  # the tally at close is the plain one
    states = set().union(*(states_in(b"\n".join(copy.values())) for copy in copies))
    assert link(states) == {}, "copies taken between ballots link members to choices"
    for before, after in itertools.pairwise(copies):
        changed = {name for name in after if before.get(name) != after[name]}
        # A ballot changes the box alone: nothing is journaled, checkpointed or timestamped per ballot.
        assert changed == {f"sessions/{PLANNED}/{BOX}"}
        old, new = (json.loads(c[f"sessions/{PLANNED}/{BOX}"]) for c in (before, after))
        assert "counts" not in new and set(new["sums"]) == {"yes", "no", "abstain"}
        # Every option's sum changes at every ballot, so which sum changed says nothing either.
        assert all(old["sums"][o] != new["sums"][o] for o in new["sums"])
        assert len(new["voted"]) == len(old["voted"]) + 1 and new["voted"] == sorted(new["voted"])


def test_copies_are_the_same_whatever_the_choices(tmp_path: Path, demo_dir: Path, clock) -> None:
    """Two polls with the same voters in the same order but other choices leave the same files, byte for
    byte, but for the ciphertexts and the sealed key (fresh randomness) and the final counts at close."""
    other = tmp_path / "other"
    shutil.copytree(demo_dir, other)
    copies_a, _, _ = run_poll(demo_dir, clock, CHOICES)
    copies_b, _, _ = run_poll(other, _clock(), OTHER_CHOICES)

    def masked(copy: dict[str, bytes]) -> dict[str, bytes]:
        return {name: re.sub(rb'"[0-9a-f]{32,}"', b'"*"', data) for name, data in copy.items()}

    for a, b in zip(copies_a, copies_b, strict=True):
        assert masked(a) == masked(b)
        box_a, box_b = a[f"sessions/{PLANNED}/{BOX}"], b[f"sessions/{PLANNED}/{BOX}"]
        assert len(box_a) == len(box_b)


def _clock():
    import datetime as dt

    state = {"now": dt.datetime(2026, 11, 22, 14, 0)}

    def now() -> dt.datetime:
        state["now"] += dt.timedelta(minutes=1)
        return state["now"]

    return now


def test_scoring_sheets_are_sealed_and_of_one_size(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    poll = service.open_poll(PollMode.SCORING)
    service.booth.open(SECRET)
    box = DataFolder(demo_dir).session_dir(PLANNED) / BOX
    sheets = [(25, 25, 35, ""), (5, 1, 0, "Giải pháp chưa có tính mới, cần bổ sung số liệu thực tế nhiều hơn")]
    sizes = []
    for member_id, (a, b, c, comment) in zip(poll.voters, sheets, strict=False):
        service.booth.submit_sheet(member_id, {"novelty": a, "applicability": b, "effectiveness": c}, comment)
        raw = box.read_bytes()
        assert b"novelty" not in raw and "số liệu".encode() not in raw
        sizes.append({len(s) for s in json.loads(raw)["sheets"]})
    assert sizes[0] == sizes[1] and len(sizes[1]) == 1  # a long comment or small scores: the same length
    result = service.close_poll(force=True)
    assert result.scores is not None and result.scores.minimum == 6 and result.scores.maximum == 85
    service.close()


# --- the raw disk ------------------------------------------------------------------------------


def _mount(image: Path, mount: Path) -> str:
    """'' once ``image`` is an ext4 file system mounted on ``mount``, else why not."""
    if os.geteuid() != 0:
        return "the raw-disk test needs root (to mount a loop ext4 image)"
    if shutil.which("mkfs.ext4") is None:
        return "mkfs.ext4 is not installed"
    with image.open("wb") as file:
        file.truncate(32 * 1024 * 1024)
    made = subprocess.run(["mkfs.ext4", "-q", "-F", str(image)], capture_output=True, text=True, check=False)
    if made.returncode:
        return f"mkfs.ext4 failed: {made.stderr.strip()}"
    mount.mkdir()
    mounted = subprocess.run(["mount", "-o", "loop", str(image), str(mount)], capture_output=True, text=True)
    if mounted.returncode:
        return f"cannot mount a loop device here: {mounted.stderr.strip()}"
    return ""


def test_the_raw_disk_after_close_links_no_member(tmp_path: Path, demo_dir: Path, clock) -> None:
    image, mount = tmp_path / "disk.img", tmp_path / "mnt"
    why = _mount(image, mount)
    if why:
        pytest.skip(why)
    try:
        data = mount / "data"
        shutil.copytree(demo_dir, data)
        subprocess.run(["sync"], check=True)
        service = started(data, clock)
        poll = service.open_poll(PollMode.SECRET)
        open_booth(service)
        for member_id, choice in zip(poll.voters, CHOICES, strict=True):
            service.booth.cast(member_id, choice)
        held = service.booth._key
        scalar = held[1].scalar if held else b"\xff" * 64
        service.close_poll()
        service.close()
    finally:
        subprocess.run(["umount", str(mount)], check=False)
    raw = image.read_bytes()
    versions = raw.count(b'"voted": [')
    assert versions >= 2, "the scan found no trace of the poll: it would prove nothing"
    linked = link(states_in(raw))
    assert linked == {}, f"the raw disk links {len(linked)} of 7 members to their choice: {linked}"
    assert SECRET.encode() not in raw  # the chair's secret never reaches the disk
    assert scalar not in raw and scalar.hex().encode() not in raw  # nor the poll's key in the clear


# --- the chair's secret ------------------------------------------------------------------------


def test_a_wrong_secret_is_refused_and_changes_nothing(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    poll = service.open_poll(PollMode.SECRET)
    with pytest.raises(DomainError) as short:
        service.booth.open("1357")
    assert short.value.key == "error.booth_secret_short" and "8" in str(short.value)
    with pytest.raises(DomainError) as locked:
        service.booth.cast(poll.voters[0], Choice.YES)
    assert locked.value.key == "error.booth_locked"
    service.booth.open(SECRET)
    service.booth.cast(poll.voters[0], Choice.YES)
    service.release()  # the program dies
    service.journal.close()
    again = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    box = DataFolder(demo_dir).session_dir(PLANNED) / BOX
    journal = DataFolder(demo_dir).journal_path(PLANNED)
    before = box.read_bytes(), journal.read_bytes()
    with pytest.raises(DomainError) as wrong:
        again.booth.open("hom-phieu-sai")
    assert wrong.value.key == "error.booth_secret_wrong" and "không đúng" in str(wrong.value)
    with pytest.raises(DomainError):
        again.booth.cast(poll.voters[1], Choice.NO)
    assert (box.read_bytes(), journal.read_bytes()) == before
    again.booth.open(SECRET)  # the chair's secret resumes the poll: nothing acknowledged was lost
    again.booth.cast(poll.voters[1], Choice.NO)
    assert not again.booth.leave("hom-phieu-sai") and not again.booth.leave("")
    assert again.booth.leave(SECRET)
    result = again.close_poll(force=True)
    assert (result.counts.yes, result.counts.no) == (1, 1)
    closing = [json.loads(line) for line in journal.read_bytes().splitlines()]
    closed = next(r for r in closing if r["type"] == "poll_closed")
    assert closed["data"]["booth_refused"] == 2  # the minutes count the wrong tries, nothing per ballot
    assert not box.exists()
    again.close()


def test_a_read_only_view_cannot_open_the_booth_or_cast(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    poll = service.open_poll(PollMode.SECRET)
    service.booth.open(SECRET)
    viewer = SessionService(DataFolder(demo_dir), PLANNED, clock=clock, read_only=True)
    box = DataFolder(demo_dir).session_dir(PLANNED) / BOX
    before = box.read_bytes()
    for attempt in (lambda: viewer.booth.open(SECRET), lambda: viewer.booth.cast(poll.voters[0], Choice.YES)):
        with pytest.raises(DomainError):
            attempt()
    assert box.read_bytes() == before
    service.close()


def test_the_key_derivation_is_memory_hard() -> None:
    cost = sealing.KdfCost()  # what the app uses (the tests run with the cheapest cost)
    assert cost.memlimit >= 64 * 1024 * 1024 and cost.opslimit >= 2
    started_at = time.perf_counter()
    sealed = sealing.seal_key(sealing.PollKey.generate(), SECRET, cost)
    assert time.perf_counter() - started_at >= 0.05  # a guess costs the attacker as much (docs/threat-model.md)
    assert sealing.unseal_key(sealed, "hom-phieu-sai") is None
    assert sealing.unseal_key(sealed, SECRET) is not None


def test_a_plaintext_box_of_an_older_version_is_sealed_when_the_booth_opens(demo_dir: Path, clock) -> None:
    service = started(demo_dir, clock)
    poll = service.open_poll(PollMode.SECRET)
    box = DataFolder(demo_dir).session_dir(PLANNED) / BOX
    voted = sorted(poll.voters[:3])
    counts = {"yes": 2, "no": 1, "abstain": 0, "invalid": 0}
    box.write_text(json.dumps({"poll_id": poll.id, "voted": voted, "counts": counts, "sheets": []}))
    service.booth._cache = None
    assert service.voted_members(poll) == [m for m in poll.voters if m in voted]  # who voted is kept
    with pytest.raises(DomainError):
        service.close_poll(force=True)  # not counted before the chair seals it
    service.booth.open(SECRET)
    assert "counts" not in json.loads(box.read_bytes())
    service.booth.cast(poll.voters[3], Choice.ABSTAIN)
    result = service.close_poll(force=True)
    assert (result.counts.yes, result.counts.no, result.counts.abstain) == (2, 1, 1)
    service.close()


def test_a_box_changed_outside_council_is_refused(demo_dir: Path, clock) -> None:
    """Whoever can write the folder but lacks the key cannot add, drop or swap ballots unnoticed."""
    service = started(demo_dir, clock)
    poll = service.open_poll(PollMode.SECRET)
    service.booth.open(SECRET)
    box = DataFolder(demo_dir).session_dir(PLANNED) / BOX
    service.booth.cast(poll.voters[0], Choice.NO)
    doc = json.loads(box.read_bytes())
    public = bytes.fromhex(doc["key"]["public"])
    forged = sealing.add(
        tuple(bytes.fromhex(h) for h in doc["sums"]["yes"]), sealing.encrypt_count(public, 1)
    )  # one more "yes", encrypted with the public key anyone can read
    doc["sums"]["yes"] = [forged[0].hex(), forged[1].hex()]
    doc["voted"] = sorted([*doc["voted"], poll.voters[1]])
    box.write_text(json.dumps(doc, sort_keys=True))
    service.release()
    service.journal.close()
    again = SessionService(DataFolder(demo_dir), PLANNED, clock=clock)
    with pytest.raises(DomainError) as changed:
        again.booth.open(SECRET)
    assert changed.value.key == "error.box_changed"
    assert not again.booth.ready()
    again.close()
