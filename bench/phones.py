"""Members' phones under load (issue 19), loopback only, every loop bounded.

``python -m bench.phones run DIR`` starts the chair's side as a child process (``serve``: a session of 30
voting members and its room on 127.0.0.1, driven by JSON lines on its standard input) and plays phones
against it over real HTTP (a minimal HTTP/1.1 client on kept-alive connections, so that the simulated
phones cost the laptop's two cores little: real phones are other devices), printing one JSON object:

- **load**: 30 phones (each with its page's event stream open, and 5 boards connected) vote at once, as
  soon as their pages show the ballot, in open votes and secret ballots, then each re-sends (a lost
  answer): every request's round trip (request → durable → response); the counts at close must be
  exactly what was sent, once.
- **follow**: one phone vote at a time: from the request to the board's event showing it; and, in the
  real app run headless (``chair``), from the request to the chair's vote screen redrawing that vote.
- **meeting**: 9 members × 12 initiatives by scoring sheet, through the booth (serial: the laptop goes
  from hand to hand) and through phones (parallel). Each member takes a given time per sheet (40 to 80 s,
  seeded), the booth adds a given hand-over; those are added, not slept. The tool's own time is measured:
  every booth sheet through the service, every phone round (open, 9 sheets over HTTP at once, close).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import random
import shutil
import sys
import time
from pathlib import Path
from typing import Any

PHONES = 30
BOARDS = 5
LOAD_ROUNDS = 8  # polls of 30 votes (half open votes, half secret ballots), each vote sent twice
FOLLOW_VOTES = 120
MEETING_MEMBERS, MEETING_ITEMS = 9, 12
SHEET_S = (40.0, 80.0)  # how long a member takes over one sheet (seeded, per member and item)
HANDOVER_S = 10.0  # the booth: the laptop passed on, the next name chosen
WAIT_S = 30.0
REDRAW_S = 0.02  # tui/follow_devices.py: the chair's screen redraws this long after a phone's change
SECRET = "bench-booth-secret"


# --- the chair's side (child process) -----------------------------------------------------------
def _build(root: Path, members: int, items: int) -> tuple[Any, str]:
    from bench.generate import Sizes, new_session, write_council
    from sessions.storage import DataFolder

    folder = DataFolder(root)
    sizes = Sizes(members=members)
    write_council(folder, sizes)
    session_id = "2026-12-03"
    new_session(
        folder, session_id, dt.date(2026, 12, 3), items, random.Random(7), sizes, code_prefix="SK", member_authors=False
    )
    return folder, session_id


async def serve(root: Path, members: int, items: int) -> None:
    from models.errors import DomainError
    from models.poll import PollMode
    from models.session import Presence
    from room.server import Room
    from sessions import sealing
    from sessions.devices import member_devices
    from sessions.service import SessionService

    sealing.DEFAULT_COST = sealing.KdfCost.cheapest()  # the bench's polls protect nothing
    folder, session_id = _build(root, members, items)
    service = SessionService(folder, session_id)
    for member in service.record.voting_members:
        service.set_attendance(member.id, Presence.PRESENT)
    service.open_session()
    room = Room()
    await room.open(service, "127.0.0.1", 0)
    devices = member_devices(service)
    changes: list[float] = []
    room.members.on_change.append(lambda: changes.append(time.perf_counter()))
    links = {m.id: room.member_url(devices.issue(m.id)) for m in service.record.voting_members}
    _as_the_app_collects()
    print(json.dumps({"board": room.board_url, "links": links}), flush=True)

    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    for _ in range(100_000):  # bounded: the parent sends far fewer commands
        line = await reader.readline()
        if not line:
            break
        command = json.loads(line)
        op = command["op"]
        started = time.perf_counter()
        reply: dict[str, Any] = {}
        try:
            if op == "open":
                mode = PollMode(command["mode"])
                if service.record.open_poll() is None and service.record.polls_for(
                    service.record.current_initiative.id
                ):
                    service.next_item()
                poll = service.open_poll(mode)
                if mode != PollMode.OPEN:
                    service.booth.open(SECRET)
                reply = {"poll_id": poll.id}
                changes.clear()
            elif op == "booth_sheets":  # the booth: each sheet through the service, one after another
                poll = service.record.open_poll()
                durations = []
                for member_id, scores in zip(command["members"], command["sheets"], strict=True):
                    start = time.perf_counter()
                    service.booth.submit_sheet(member_id, scores)
                    durations.append(time.perf_counter() - start)
                reply = {"durations": durations}
            elif op == "close":
                result = service.close_poll(force=True)
                poll = service.record.polls[-1]
                reply = {
                    "counts": result.counts.model_dump(),
                    "voted": len(poll.voted) if poll.voted else len(poll.votes),
                    "sheets": result.scores.sheets if result.scores else 0,
                    "changes": list(changes),
                }
            elif op == "quit":
                break
        except DomainError as error:
            reply = {"error": str(error)}
        reply["tool_s"] = time.perf_counter() - started
        print(json.dumps(reply), flush=True)
    await room.close()
    service.close()


def _as_the_app_collects() -> None:
    """The chair's app's garbage-collection policy (sessions/garbage_collection.py): what the start built is
    frozen, and no full collection starts by itself in the middle of a request (the app runs them when nobody types)."""
    import gc

    from sessions.garbage_collection import NO_AUTOMATIC_FULL

    gc.freeze()
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, NO_AUTOMATIC_FULL)


# --- the phones (parent process) ----------------------------------------------------------------
class Chair:
    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process

    async def ask(self, **command: Any) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write((json.dumps(command) + "\n").encode())
        await self.process.stdin.drain()
        async with asyncio.timeout(WAIT_S):
            reply = json.loads(await self.process.stdout.readline())
        if "error" in reply:
            raise RuntimeError(reply["error"])
        return reply


class Connection:
    """A minimal HTTP/1.1 client on one kept-alive connection: the simulated phones must cost the laptop's
    two cores as little as possible, so that the figures are the server's (real phones are other devices)."""

    def __init__(self, url: str) -> None:
        rest = url.split("://", 1)[1]
        hostport, self.path = rest.split("/", 1)
        self.host, port = hostport.rsplit(":", 1)
        self.port = int(port)
        self.path = "/" + self.path
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}", f"Content-Length: {len(body)}"]
        lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        assert self.reader is not None
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        return status, await self.reader.readexactly(length)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


class Phone:
    def __init__(self, member_id: str, url: str) -> None:
        self.member_id, self.url, self.csrf = member_id, url, ""
        self.connection = Connection(url)
        self.views: list[tuple[float, dict[str, Any]]] = []  # what the phone's page received, when

    async def ballot_shown(self, poll_id: str) -> None:
        """Wait until the page shows the ballot of ``poll_id`` (a member votes once they see it)."""
        async with asyncio.timeout(WAIT_S):
            while not self.views or (self.views[-1][1].get("ballot") or {}).get("poll_id") != poll_id:
                await asyncio.sleep(0.002)

    async def load(self) -> None:
        _, page = await self.connection.request("GET", self.connection.path)
        self.csrf = page.decode().split('data-csrf="', 1)[1].split('"', 1)[0]

    async def post(self, kind: str, body: dict[str, Any]) -> tuple[float, dict[str, Any]]:
        headers = {"Content-Type": "application/json", "X-Council-CSRF": self.csrf}
        start = time.perf_counter()
        status, answer = await self.connection.request(
            "POST", f"{self.connection.path}/{kind}", json.dumps(body).encode(), headers
        )
        took = time.perf_counter() - start
        if status != 200:
            raise RuntimeError(f"{self.member_id}: {status} {answer[:300]!r}")
        return took, json.loads(answer)


async def _stream(url: str, seen: list[tuple[float, dict[str, Any]]] | None) -> None:
    """Follow one event stream (a board's or a phone's); when ``seen`` is given, note when each view arrived."""
    connection = Connection(url)
    reader, writer = await asyncio.open_connection(connection.host, connection.port)
    writer.write(f"GET {connection.path}/events HTTP/1.1\r\nHost: {connection.host}\r\n\r\n".encode())
    try:
        await reader.readuntil(b"\r\n\r\n")
        for _ in range(10_000_000):  # bounded; the task is cancelled at the end
            line = await reader.readline()
            if not line:
                return
            if seen is not None and b"data: {" in line:
                # Chunked transfer: each event's data line arrives whole; its JSON is after "data: ".
                seen.append((time.perf_counter(), json.loads(line.split(b"data: ", 1)[1])))
    finally:
        writer.close()


def _voted(view: dict[str, Any]) -> str:
    return ((view.get("poll") or {}).get("voted")) or ""


async def run(root: Path) -> dict[str, Any]:
    # A fresh council every run: the last run's (same session id) would make the chair's side refuse to start.
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bench.phones",
        "serve",
        str(root / "data"),
        str(PHONES),
        str(max(LOAD_ROUNDS + FOLLOW_VOTES // PHONES + MEETING_ITEMS + 4, 40)),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[1],
    )
    chair = Chair(process)
    assert process.stdout is not None
    async with asyncio.timeout(WAIT_S):
        hello = json.loads(await process.stdout.readline())
    out: dict[str, Any] = {}
    phones = [Phone(m, url) for m, url in hello["links"].items()]
    for phone in phones:
        await phone.load()
    _as_the_app_collects()  # the simulated phones too: a pause of theirs is no part of a round trip
    board_views: list[tuple[float, dict[str, Any]]] = []
    streams = [asyncio.create_task(_stream(hello["board"], board_views if i == 0 else None)) for i in range(BOARDS)]
    streams += [asyncio.create_task(_stream(p.url, p.views)) for p in phones]
    try:
        out["load"] = await _load(chair, phones)
        out["follow"] = await _follow(chair, phones, board_views)
        out["meeting"] = await _meeting(chair, phones[:MEETING_MEMBERS])
    finally:
        for task in streams:
            task.cancel()
        await asyncio.gather(*streams, return_exceptions=True)
        for phone in phones:
            phone.connection.close()
    assert process.stdin is not None
    process.stdin.write(b'{"op": "quit"}\n')  # no answer: the chair's side closes the room and the session
    await process.stdin.drain()
    async with asyncio.timeout(WAIT_S):
        await process.wait()
    chair = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bench.phones",
        "chair",
        str(root / "chair"),
        stdout=asyncio.subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[1],
    )
    async with asyncio.timeout(WAIT_S * 4):
        printed, _ = await chair.communicate()
    if chair.returncode != 0:
        raise RuntimeError("the chair's screen measure failed")
    out["follow"].update(json.loads(printed.decode().strip().splitlines()[-1]))
    return out


async def _load(chair: Chair, phones: list[Phone]) -> dict[str, Any]:
    rng = random.Random(19)
    first: list[float] = []
    again: list[float] = []
    problems: list[str] = []
    for round_ in range(LOAD_ROUNDS):
        mode = "open" if round_ % 2 == 0 else "secret"
        poll_id = (await chair.ask(op="open", mode=mode))["poll_id"]
        choices = {p.member_id: rng.choice(("yes", "no", "abstain")) for p in phones}
        await asyncio.gather(*(p.ballot_shown(poll_id) for p in phones))  # the ballots appeared: all vote at once

        async def vote(phone: Phone, once: list[float], poll_id: str = poll_id, choices: dict = choices) -> str:
            took, answer = await phone.post("vote", {"poll_id": poll_id, "choice": choices[phone.member_id]})
            once.append(took)
            return answer["outcome"]

        outcomes = await asyncio.gather(*(vote(p, first) for p in phones))
        resent = await asyncio.gather(*(vote(p, again) for p in phones))  # each answer "lost": sent again
        closed = await chair.ask(op="close")
        sent = {c: list(choices.values()).count(c) for c in ("yes", "no", "abstain")}
        got = {c: closed["counts"][c] for c in ("yes", "no", "abstain")}
        if outcomes.count("recorded") != len(phones) or resent.count("already") != len(phones):
            problems.append(f"round {round_}: outcomes {outcomes.count('recorded')}/{resent.count('already')}")
        if got != sent or closed["voted"] != len(phones):
            problems.append(f"round {round_} ({mode}): sent {sent}, counted {got}, voters {closed['voted']}")
    return {"first_s": first, "resent_s": again, "rounds": LOAD_ROUNDS, "phones": len(phones), "problems": problems}


async def _follow(chair: Chair, phones: list[Phone], board_views: list[tuple[float, dict[str, Any]]]) -> dict:
    board_s: list[float] = []
    chair_s: list[float] = []
    done = 0
    for _ in range(FOLLOW_VOTES // len(phones) + 1):
        poll_id = (await chair.ask(op="open", mode="secret"))["poll_id"]
        sends: list[float] = []
        for n, phone in enumerate(phones):
            if done >= FOLLOW_VOTES:
                break
            before = len(board_views)
            start = time.perf_counter()
            await phone.post("vote", {"poll_id": poll_id, "choice": "yes"})
            sends.append(start)
            wanted = f" {n + 1}/"
            async with asyncio.timeout(WAIT_S):
                while True:
                    fresh = [t for t, v in board_views[before:] if wanted in _voted(v)]
                    if fresh:
                        board_s.append(fresh[0] - start)
                        break
                    await asyncio.sleep(0.001)
            done += 1
        closed = await chair.ask(op="close")
        changes = closed["changes"]
        for start in sends:
            after = [c for c in changes if c >= start]
            if after:
                chair_s.append(after[0] - start + REDRAW_S)
        if done >= FOLLOW_VOTES:
            break
    return {"board_s": board_s, "chair_s": chair_s, "redraw_s": REDRAW_S}


async def _meeting(chair: Chair, phones: list[Phone]) -> dict[str, Any]:
    rng = random.Random(20261203)
    think = [[rng.uniform(*SHEET_S) for _ in phones] for _ in range(MEETING_ITEMS)]
    sheets = [
        [{"novelty": rng.randint(10, 30), "applicability": rng.randint(10, 30), "effectiveness": rng.randint(15, 40)}
         for _ in phones]
        for _ in range(MEETING_ITEMS)
    ]  # fmt: skip
    members = [p.member_id for p in phones]
    booth_tool = 0.0
    booth_total = 0.0
    for item in range(MEETING_ITEMS):
        opened = await chair.ask(op="open", mode="scoring")
        done = await chair.ask(op="booth_sheets", members=members, sheets=sheets[item])
        closed = await chair.ask(op="close")
        if closed["sheets"] != len(phones):
            raise RuntimeError(f"booth round {item}: {closed['sheets']} sheets")
        tool = opened["tool_s"] + sum(done["durations"]) + closed["tool_s"]
        booth_tool += tool
        booth_total += sum(think[item]) + HANDOVER_S * len(phones) + tool
    phone_tool = 0.0
    phone_total = 0.0
    for item in range(MEETING_ITEMS):
        opened = await chair.ask(op="open", mode="scoring")
        poll_id = opened["poll_id"]
        start = time.perf_counter()
        answers = await asyncio.gather(
            *(p.post("sheet", {"poll_id": poll_id, "scores": sheets[item][i]}) for i, p in enumerate(phones))
        )
        sent = time.perf_counter() - start
        closed = await chair.ask(op="close")
        if closed["sheets"] != len(phones) or any(a["outcome"] != "recorded" for _, a in answers):
            raise RuntimeError(f"phone round {item}: {closed['sheets']} sheets")
        tool = opened["tool_s"] + sent + closed["tool_s"]
        phone_tool += tool
        phone_total += max(think[item]) + tool  # everyone scores at once: the round waits for the slowest
    return {
        "booth_s": booth_total,
        "booth_tool_s": booth_tool,
        "phones_s": phone_total,
        "phones_tool_s": phone_tool,
        "ratio": booth_total / phone_total,
        "ratio_without_handover": (booth_total - HANDOVER_S * len(phones) * MEETING_ITEMS) / phone_total,
        "tool_share": phone_tool / phone_total,
        "members": len(phones),
        "items": MEETING_ITEMS,
    }


def chair_screen(root: Path, members: int = PHONES) -> dict[str, Any]:
    """The real app, headless, on a session of ``members``: a phone votes, the chair's vote screen shows it.

    Timed from the phone's request to the vote screen redrawing that member's vote (the app's own redraw
    for phones, tui/follow_devices.py); the phone's HTTP client runs on the app's loop, as the room does.
    """
    import gc

    from models.session import Presence
    from sessions.service import SessionService
    from tui.app import CouncilApp
    from tui.screens.vote import VoteScreen

    folder, session_id = _build(root, members, 4)
    service = SessionService(folder, session_id)
    for member in service.record.voting_members:
        service.set_attendance(member.id, Presence.PRESENT)
    service.open_session()
    service.close()
    times: list[float] = []

    async def play() -> None:
        gc.disable()  # as `council` opens the app: its own collection policy then runs (sessions/garbage_collection.py)
        app = CouncilApp(folder.root, session_id=session_id)
        async with app.run_test(size=(160, 60)) as pilot:
            await pilot.pause()
            app.room_port = 0
            await app.open_room("127.0.0.1")
            devices = app.member_devices()
            phones = [Phone(m.id, app.room.member_url(devices.issue(m.id))) for m in app.service.record.voting_members]
            await pilot.press("v", "enter")  # an open vote on the chair's screen
            screen = app.screen
            if not isinstance(screen, VoteScreen):
                raise RuntimeError(f"expected the vote screen, got {type(screen).__name__}")
            poll_id = screen.poll_id
            redrawn = asyncio.Event()
            redraw = screen._redraw_votes

            def noted() -> None:
                redraw()
                redrawn.set()

            screen._redraw_votes = noted  # type: ignore[method-assign]
            for phone in phones:
                await phone.load()
                redrawn.clear()
                start = time.perf_counter()
                await phone.post("vote", {"poll_id": poll_id, "choice": "yes"})
                async with asyncio.timeout(WAIT_S):
                    await redrawn.wait()
                times.append(time.perf_counter() - start)
                if str(screen.query_one("#voters").get_cell(phone.member_id, "vote")) == "·":
                    raise RuntimeError("the chair's screen does not show the phone's vote")
                await pilot.pause()
            for phone in phones:
                phone.connection.close()
            await app.room.close()
            await app.action_quit()

    asyncio.run(play())
    return {"chair_screen_s": times}


def targets(raw: dict[str, Any]) -> tuple[list[Any], list[tuple[str, ...]]]:
    """The phones' targets and detail rows for `make bench` (bench/__main__.py)."""
    from bench.report import Target, fmt, median, percentile

    ms = 1000.0
    load, follow, meeting = raw["load"], raw["follow"], raw["meeting"]
    screen = follow.get("chair_screen_s") or follow["chair_s"]  # (the real app's screen, once measured)
    first = load["first_s"]
    lost = len(load["problems"])
    rows = [
        Target("phone_vote_p50", median(first) * ms, "ms", "<=", 15, f"{load['phones']} phones at once, round trip"),
        Target("phone_vote_p99", percentile(first, 0.99) * ms, "ms", "<=", 60, "same, 99th percentile"),
        Target("phone_votes_wrong", lost, "", "<=", 0, "rounds that lost or double-counted a vote"),
        Target("phone_to_board_p99", percentile(follow["board_s"], 0.99) * ms, "ms", "<=", 150, "phone vote to board"),
        Target(
            "phone_to_chair_p99", percentile(screen, 0.99) * ms, "ms", "<=", 150, "phone vote to the chair's screen"
        ),
        Target("meeting_ratio", meeting["ratio"], "x", ">=", 5, "9 × 12 scoring: booth time / phones time"),
        Target("meeting_tool_share", meeting["tool_share"] * 100, "%", "<=", 2, "the tool's share of the phones round"),
    ]
    details = [
        ("30 phones at once: vote round trip", f"p50 {fmt(median(first) * ms)} ms, p90 "
         f"{fmt(percentile(first, 0.9) * ms)} ms, p99 {fmt(percentile(first, 0.99) * ms)} ms, max "
         f"{fmt(max(first) * ms)} ms", f"{len(first)} votes in {load['rounds']} polls (open and secret), "
         f"{BOARDS} boards and {load['phones']} phone pages connected"),
        ("30 phones at once: the same vote sent again", f"p50 {fmt(median(load['resent_s']) * ms)} ms",
         "answered 'already recorded', counted once" + ("" if not lost else f"; PROBLEMS: {load['problems']}")),
        ("phone vote to the board's event", f"p50 {fmt(median(follow['board_s']) * ms)} ms, p99 "
         f"{fmt(percentile(follow['board_s'], 0.99) * ms)} ms", f"{len(follow['board_s'])} votes, one at a time"),
        ("phone vote to the chair's screen", f"p50 {fmt(median(screen) * ms)} ms, p99 "
         f"{fmt(percentile(screen, 0.99) * ms)} ms",
         f"the real app headless: the request to the vote screen redrawing that member's vote "
         f"({len(screen)} votes; {fmt(follow['redraw_s'] * ms)} ms of it the app's wait for a burst)"),
        ("phone vote to the room's listener", f"p50 {fmt(median(follow['chair_s']) * ms)} ms, p99 "
         f"{fmt(percentile(follow['chair_s'], 0.99) * ms)} ms",
         f"in the load's server, plus the {fmt(follow['redraw_s'] * ms)} ms redraw delay"),
        ("meeting: 9 members × 12 initiatives, scoring", f"booth {fmt(meeting['booth_s'] / 60)} min, phones "
         f"{fmt(meeting['phones_s'] / 60)} min: {fmt(meeting['ratio'])} x",
         f"{fmt(meeting['ratio_without_handover'])} x without the booth's {fmt(HANDOVER_S)} s hand-over; a sheet "
         f"takes {fmt(SHEET_S[0])}–{fmt(SHEET_S[1])} s"),
        ("meeting: the tool's own time", f"phones {fmt(meeting['phones_tool_s'])} s "
         f"({fmt(meeting['tool_share'] * 100)} %), booth {fmt(meeting['booth_tool_s'])} s",
         "open, sheets (9 at once over HTTP), close"),
    ]  # fmt: skip
    return rows, details


def main(argv: list[str]) -> int:
    if argv[:1] == ["serve"]:
        asyncio.run(serve(Path(argv[1]), int(argv[2]), int(argv[3])))
        return 0
    if argv[:1] == ["chair"]:
        print(json.dumps(chair_screen(Path(argv[1]))))
        return 0
    if argv[:1] == ["run"]:
        result = asyncio.run(run(Path(argv[1])))
        print(json.dumps(result))
        return 0
    print("usage: python -m bench.phones run DIR", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
