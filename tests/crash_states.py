"""Crash states beyond a killed process: what a power cut could leave, in the way of ALICE.

ALICE (Pillai et al., "All File Systems Are Not Created Equal", OSDI 2014) records the file-system
calls of a program, then builds every on-disk state a crash could leave under a model of what the
file system persists and in which order, and checks that the program recovers from each. Here:

1. ``record``: a scripted meeting (tests/crash_child.py's script, secret ballot included) runs
   through SessionService in this process under tests/fs_trace.py's interposed os calls; every
   file-changing call is logged with its bytes, and after each change the service acknowledged an
   ACK marker notes how far the log had gone.
2. ``Model`` replays the log on the data folder as it was before, keeping for every file what is
   durable (as of its last fsync) and what is only in memory, and for the namespace (create,
   rename, unlink, mkdir, rmdir) which operations a folder fsync has made durable.
3. ``crash_states``: after every call of the log, the states a crash could leave (see
   ``PERSISTENCE``): namespace operations not yet made durable undone (in the ordered model only
   from the last one back, as ext4's journal commits them in order; in the weak model any of them),
   and every file written since its last fsync cut back to any length between what is durable and
   what was written (a torn write, at arbitrary bytes), or, for a file truncated or rewritten, its
   durable content. Identical states are checked once, against the most that was acknowledged.
4. ``check_state``: each state, written to a scratch folder, must open for running (no error, not
   read-only), hold every change acknowledged before the crash point, keep the secret ballot's
   counts equal to its voters' choices, accept the meeting's next change, close, verify, and have
   every backup whole.

The model is written out in docs/durability.md ("How crash safety is tested").
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from models.errors import DomainError
from sessions.backup import check_backup, list_backups
from sessions.recovery import read_state
from sessions.service import SessionService
from sessions.storage import DataFolder
from sessions.verify import verify_session
from tests import crash_child
from tests.fs_trace import Call, Interposer

PERSISTENCE = ("ordered", "weak")
"""ordered: ext4 data=ordered (namespace operations durable in the order made); weak: in any order."""

META_OPS = ("creat", "rename", "unlink", "mkdir", "rmdir", "link")
DEPTH = 4  # namespace operations undone one by one from the newest (beyond that: all of them at once)


# --- 1. recording
@dataclass
class Trace:
    """A data folder before the meeting, the calls the meeting made, and what was acknowledged when."""

    files: dict[str, bytes]
    dirs: set[str]
    calls: list[Call] = field(default_factory=list)
    acks: list[tuple[int, str]] = field(default_factory=list)  # (calls made so far, step acknowledged)
    session: str = ""
    before: list[str] = field(default_factory=list)  # acknowledged before the trace began (by a run that crashed)


def snapshot(root: Path) -> tuple[dict[str, bytes], set[str]]:
    files, dirs = {}, set()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_dir():
            dirs.add(rel)
        else:
            files[rel] = path.read_bytes()
    return files, dirs


def record(data: Path, session: str, stop_after: int | None = None, before: list[str] | None = None) -> Trace:
    """Run the scripted meeting on ``data`` (to its end, or ``stop_after`` steps) and log its calls.

    ``before``: what a crashed run had acknowledged on ``data`` (must stay there too).
    """
    files, dirs = snapshot(data)
    trace = Trace(files, dirs, session=session, before=list(before or []))
    with Interposer(data, after=trace.calls.append):
        service = SessionService(DataFolder(data), session)
        steps = 0
        while stop_after is None or steps < stop_after:
            step = crash_child.next_step(service)
            if step is None:
                break
            name, action = step
            action(service)
            trace.acks.append((len(trace.calls), name))
            steps += 1
        service.close()
    return trace


# --- 2. the model
@dataclass
class Inode:
    durable: bytes
    volatile: bytearray


@dataclass(frozen=True)
class Meta:
    """One namespace operation, in the order made."""

    op: str
    path: str
    dest: str = ""
    ino: int = -1  # creat: the new file


def parent(path: str) -> str:
    head = os.path.dirname(path)
    return head or "."


class Model:
    """The data folder as the calls so far left it: per file durable and volatile bytes; the namespace log."""

    def __init__(self, files: dict[str, bytes], dirs: set[str]) -> None:
        self.inodes: dict[int, Inode] = {}
        self.base_names: dict[str, int] = {}
        for path, content in files.items():
            self.base_names[path] = self._new(content)
        self.base_dirs = set(dirs)
        self.names = dict(self.base_names)
        self.dirs = set(dirs)
        self.meta: list[Meta] = []
        self.forced: set[int] = set()

    def _new(self, content: bytes = b"") -> int:
        ino = len(self.inodes)
        self.inodes[ino] = Inode(content, bytearray(content))
        return ino

    def apply(self, call: Call) -> None:
        op = call.op
        if op == "creat":
            ino = self._new()
            self.names[call.path] = ino
            self.meta.append(Meta(op, call.path, ino=ino))
        elif op == "trunc":
            self.inodes[self.names[call.path]].volatile = bytearray()
        elif op == "write":
            content = self.inodes[self.names[call.path]].volatile
            if len(content) < call.offset:
                content.extend(bytes(call.offset - len(content)))
            content[call.offset : call.offset + len(call.data)] = call.data
        elif op == "ftruncate":
            content = self.inodes[self.names[call.path]].volatile
            del content[call.size :]
            content.extend(bytes(call.size - len(content)))
        elif op == "fsync":
            inode = self.inodes[self.names[call.path]]
            inode.durable = bytes(inode.volatile)
        elif op == "fsync_dir":
            for number, meta in enumerate(self.meta):
                if number not in self.forced and call.path in (parent(meta.path), parent(meta.dest or meta.path)):
                    self.forced.add(number)
        elif op in META_OPS:
            meta = Meta(op, call.path, call.dest)
            self.meta.append(meta)
            _apply_meta(self.names, self.dirs, meta)
        else:
            raise ValueError(op)

    # --- 3. what a crash could leave now
    def namespace_choices(self, persistence: str, depth: int = DEPTH) -> Iterator[tuple[list[int], str, bool]]:
        """Sets of namespace operations that may be durable now: (chosen, description, all of them).

        Ordered: the not-yet-durable operations undone from the last one back, up to ``depth`` of them,
        and all of them. Weak: those, and each of the last ``depth`` undone alone, or kept alone.
        """
        count = len(self.meta)
        first = max(self.forced) + 1 if self.forced else 0
        if persistence == "ordered":
            loose = list(range(first, count))
            kept_sets = [loose[: len(loose) - k] for k in range(min(depth, len(loose)) + 1)]
            kept_sets.append([])
            base = set(range(first))
        else:
            loose = [n for n in range(count) if n not in self.forced]
            recent = loose[-depth:]
            kept_sets = [loose[: len(loose) - k] for k in range(min(depth, len(loose)) + 1)] + [[]]
            kept_sets += [[m for m in loose if m != n] for n in recent]
            kept_sets += [[m for m in loose if m not in recent or m == n] for n in recent]
            kept_sets.append([m for m in loose if m < first])  # the ordered model's "all undone"
            base = set(self.forced)
        seen: set[tuple[int, ...]] = set()
        for kept in kept_sets:
            chosen = tuple(sorted(base | set(kept)))
            if chosen in seen:
                continue
            seen.add(chosen)
            undone = [n for n in loose if n not in kept]
            what = ", ".join(f"{self.meta[n].op} {self.meta[n].path}" for n in undone[-3:])
            more = f" and {len(undone) - 3} more" if len(undone) > 3 else ""
            yield list(chosen), (f"undone: {what}{more}" if undone else ""), not undone

    def namespace(self, chosen: list[int]) -> tuple[dict[str, int], set[str]] | None:
        """The names and folders if exactly ``chosen`` are durable; None if that cannot be (an op lacks its source)."""
        names, dirs = dict(self.base_names), set(self.base_dirs)
        for number in chosen:
            if not _apply_meta(names, dirs, self.meta[number]):
                return None
        return names, dirs

    def contents(self, ino: int, cuts: int, seed: int) -> list[tuple[bytes, str]]:
        """What a file may hold after a crash: durable bytes plus a prefix of what was written since.

        The first option is the least that may have reached the disk, the last all that was written.
        The random cuts depend only on the file and its lengths, so both models cut a file alike.
        """
        inode = self.inodes[ino]
        durable, volatile = inode.durable, bytes(inode.volatile)
        rng = random.Random(f"{seed}:{ino}:{len(durable)}:{len(volatile)}")
        if durable == volatile:
            return [(durable, "")]
        if volatile.startswith(durable):
            low, options = len(durable), []
        else:
            low, options = 0, [(durable, "rewrite lost")]
        high = len(volatile)
        lengths = {low, min(low + 1, high), max(high - 1, low), high}
        lengths |= {rng.randint(low, high) for _ in range(cuts)}
        newlines = [n + 1 for n in range(low, high) if volatile[n : n + 1] == b"\n"]
        lengths |= set(newlines[:cuts])
        for length in sorted(lengths):
            options.append((volatile[:length], f"cut at {length} of {high} bytes" if length < high else ""))
        return options


def _apply_meta(names: dict[str, int], dirs: set[str], meta: Meta) -> bool:
    op = meta.op
    orphan = parent(meta.path) != "." and parent(meta.path) not in dirs
    if op in ("creat", "mkdir") and orphan:
        return True  # made in a folder whose own name is not durable: lost with it
    if op == "creat":
        names[meta.path] = meta.ino
    elif op == "unlink":
        if names.pop(meta.path, None) is None:
            return False
    elif op == "mkdir":
        dirs.add(meta.path)
    elif op == "rmdir":
        dirs.discard(meta.path)
    elif op == "link":
        if meta.path not in names:
            return False
        names[meta.dest] = names[meta.path]
    elif op == "rename":
        if meta.path in names:
            names[meta.dest] = names.pop(meta.path)
        elif meta.path in dirs:
            prefix = meta.path + "/"
            dirs.discard(meta.path)
            dirs.add(meta.dest)
            for name in [n for n in dirs if n.startswith(prefix)]:
                dirs.discard(name)
                dirs.add(meta.dest + "/" + name[len(prefix) :])
            for name in [n for n in names if n.startswith(prefix)]:
                names[meta.dest + "/" + name[len(prefix) :]] = names.pop(name)
        else:
            return False
    return True


@dataclass
class State:
    """One crash state: the files, and the most that was acknowledged at a crash point leaving it."""

    files: dict[str, bytes]
    dirs: set[str]
    point: int  # calls made before the crash
    how: str
    persistence: str


def crash_states(
    trace: Trace, persistence: str, cuts: int = 3, seed: int = 0, points: set[int] | None = None
) -> dict[str, State]:
    """Every distinct state a crash after any call (or after the calls in ``points``) could leave, by fingerprint."""
    model = Model(trace.files, trace.dirs)
    digests: dict[int, tuple[bytes, bytes]] = {}
    states: dict[str, State] = {}
    for point in range(len(trace.calls) + 1):
        if point:
            model.apply(trace.calls[point - 1])
        if points is not None and point not in points:
            continue
        call = trace.calls[point - 1] if point else None
        where = f"after call {point} ({call.op} {call.path})" if call else "before any call"
        for chosen, undone, complete in model.namespace_choices(persistence):
            space = model.namespace(chosen)
            if space is None:
                continue
            names, dirs = space
            paths = sorted(names)
            options = [model.contents(names[path], cuts, seed) for path in paths]
            # Torn files one at a time with every name in place; with names undone, files all written or all lost.
            for combination in _combinations(options) if complete else _extremes(options):
                files = {path: content for path, (content, _) in zip(paths, combination, strict=True)}
                torn = [f"{path} {how}" for path, (_, how) in zip(paths, combination, strict=True) if how]
                key = _fingerprint(files, dirs, digests)
                how = "; ".join(x for x in [where, undone, *torn] if x)
                known = states.get(key)
                if known is None or known.point < point:
                    states[key] = State(files, dirs, point, how, persistence)
    return states


def _combinations(options: list[list[tuple[bytes, str]]]) -> Iterator[tuple[tuple[bytes, str], ...]]:
    """Contents for every file at once: each file's every option with the others all written or all lost.

    Several files are unflushed at once (the anchors, a temp file): every product of their cuts
    would grow without bound and say little more; one torn file at a time, the others at either
    extreme, is what ALICE explores too.
    """
    full = tuple(option[-1] for option in options)
    least = tuple(option[0] for option in options)
    yield full
    yield least
    for number, option in enumerate(options):
        if len(option) > 1:
            for choice in option:
                yield (*full[:number], choice, *full[number + 1 :])
                yield (*least[:number], choice, *least[number + 1 :])


def _extremes(options: list[list[tuple[bytes, str]]]) -> Iterator[tuple[tuple[bytes, str], ...]]:
    yield tuple(option[-1] for option in options)
    yield tuple(option[0] for option in options)


def _fingerprint(files: dict[str, bytes], dirs: set[str], digests: dict[int, tuple[bytes, bytes]]) -> str:
    digest = hashlib.sha256()
    for path in sorted(files):
        content = files[path]
        known = digests.get(id(content))
        if known is None or known[0] is not content:
            known = digests[id(content)] = (content, hashlib.sha256(content).digest())
        digest.update(path.encode() + b"\0" + known[1])
    for name in sorted(dirs):
        digest.update(b"D" + name.encode() + b"\0")
    return digest.hexdigest()


# --- 4. checking a state
def materialize(state: State, root: Path) -> Path:
    root.mkdir(parents=True)
    for name in sorted(state.dirs):
        (root / name).mkdir(parents=True, exist_ok=True)
    for path, content in state.files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return root


def acknowledged(trace: Trace, point: int) -> list[str]:
    return [*trace.before, *(step for made, step in trace.acks if made <= point)]


def check_state(trace: Trace, state: State, scratch: Path) -> list[str]:
    """What is wrong with ``state`` (it does not open, something acknowledged is missing...); [] when nothing."""
    root = materialize(state, scratch)
    try:
        return _check(trace, state, root)
    except Exception as exc:  # any failure to open is a finding, named with the state
        return [f"{type(exc).__name__}: {exc}"]
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _check(trace: Trace, state: State, root: Path) -> list[str]:
    folder = DataFolder(root)
    folder.load_council()
    read_state(root)
    try:
        service = SessionService(folder, trace.session)
    except DomainError as error:
        return [f"does not open: {error.key} {error}"]
    problems = []
    try:
        if service.read_only:
            problems.append(f"opens read-only: {service.read_only_reason}")
        service.recovery_message()
        problems += [
            f"acknowledged {step} missing"
            for step in acknowledged(trace, state.point)
            if not crash_child.is_done(service, step)
        ]
        if not crash_child.ballots_add_up(service):
            problems.append("secret ballot counts do not match its voters")
        step = crash_child.next_step(service)
        if step is not None and not service.read_only:
            step[1](service)  # the meeting carries on from here
    finally:
        service.close()
    report = verify_session(root, trace.session)
    if not report.ok:
        problems.append(f"verify fails: {report.message()}")
    for backup in list_backups(root, trace.session):
        try:
            check_backup(backup)
        except DomainError as error:
            problems.append(f"backup {backup.name} damaged: {error.key}")
    folder.summaries()
    return problems


@dataclass
class Findings:
    states: int = 0
    checked: int = 0
    problems: list[tuple[State, list[str]]] = field(default_factory=list)


def check_states(
    trace: Trace,
    states: dict[str, State],
    sample: int | None,
    seed: int = 0,
    until: Callable[[list[str]], bool] | None = None,
) -> Findings:
    """Check every state (``sample`` None) or a seeded sample of them; stop at a problem ``until`` accepts."""
    chosen = list(states.values())
    if sample is not None and sample < len(chosen):
        chosen = random.Random(seed).sample(chosen, sample)
    elif until is not None:
        random.Random(seed).shuffle(chosen)
    findings = Findings(states=len(states))
    shm = Path("/dev/shm")
    # The states are built, not produced by a disk: in memory they are checked faster and just as well.
    base = Path(
        tempfile.mkdtemp(prefix="council-states-", dir=shm if shm.is_dir() and os.access(shm, os.W_OK) else None)
    )
    try:
        for number, state in enumerate(chosen):
            problems = check_state(trace, state, base / f"s{number}")
            findings.checked += 1
            if problems:
                findings.problems.append((state, problems))
                if until is not None and until(problems):
                    break
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return findings


def after_power_cut(trace: Trace, states: dict[str, State]) -> State:
    """A crash state to restart from: the secret poll's closing line torn, its box full."""
    journal = f"sessions/{trace.session}/journal.jsonl"
    torn = [s for s in states.values() if not s.files.get(journal, b"\n").endswith(b"\n")]
    # The first torn line after the last ballot is the poll's closing line; among its cuts, the longest.
    return min(torn, key=lambda s: (s.point, -len(s.files[journal]), s.how))


def closing_window(trace: Trace) -> set[int]:
    """The crash points between the last secret ballot and the end of the step that closes its poll."""
    ballots = [made for made, step in trace.acks if step.startswith("ballot:")]
    closes = [made for made, step in trace.acks if step.startswith("close:") and made > ballots[-1]]
    return set(range(ballots[-1] + 1, closes[0] + 1))


def record_recovery(trace: Trace, scratch: Path) -> Trace:
    """Restart the meeting on a state a power cut left, and log the calls of that recovery and the rest."""
    state = after_power_cut(trace, crash_states(trace, "ordered", cuts=1, points=closing_window(trace)))
    data = materialize(state, scratch)
    return record(data, trace.session, before=acknowledged(trace, state.point))
