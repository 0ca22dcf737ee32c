"""The room under load: boards on loopback while the chair votes (docs/performance.md, "The room").

    python -m bench.room                         # every room measure, printed as JSON
    python -m bench.room latency DATA SESSION CHANGES BOARDS
    python -m bench.room app DATA SESSION VOTES BOARDS     # (a child: the app, its room, VmHWM)

``latency``: a child process runs the session service and its room (the app's own code, on one asyncio loop);
this process connects BOARDS real HTTP clients (httpx) to its event stream. The child changes the session
CHANGES times through the service (open votes), taking ``time.monotonic()`` just before each call; each
board takes it again when the event carrying that change has arrived and been parsed. CLOCK_MONOTONIC is
one clock for every process of the machine, so the difference is the board's latency from the service
call. Changes are paced (one at a time, the next once every board has the previous one) so that each is
its own event.

``app``: the real app, headless, on the live session, with the room open on loopback and BOARDS boards
connected from this process (BOARDS 0: no room), through the vote benchmark of bench/votes.py; it reports
the key-to-durable latencies and the app's own peak memory (VmHWM). All traffic is to 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
WAIT_S = 60.0  # the longest any step waits before the measure fails
GAP_S = 0.005  # between two changes (a chair's keys come no faster)


# --- the boards (this process)
async def _boards(url: str, count: int, until_done: asyncio.Event, received: list[list[tuple[int, float]]]) -> None:
    import httpx

    async def one(index: int, client: httpx.AsyncClient, ready: asyncio.Event) -> None:
        async with client.stream("GET", url + "/events", timeout=httpx.Timeout(WAIT_S, read=None)) as response:
            number = 0
            async for line in response.aiter_lines():
                if line.startswith("id:"):
                    number = int(line[3:])
                elif line.startswith("data:"):
                    json.loads(line[5:])  # as a board does: the view is read before it is shown
                    received[index].append((number, time.monotonic()))
                    ready.set()
                if until_done.is_set():
                    return

    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=count + 2)) as client:
        readies = [asyncio.Event() for _ in range(count)]
        tasks = [asyncio.create_task(one(i, client, readies[i])) for i in range(count)]
        async with asyncio.timeout(WAIT_S):
            for ready in readies:
                await ready.wait()
        await until_done.wait()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def _start_child(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bench.room", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=HERE.parent,
    )


async def _with_boards(
    child: subprocess.Popen[str], boards: int
) -> tuple[dict[str, Any], list[list[tuple[int, float]]]]:
    """Read the child's board link, connect ``boards`` boards, say "go", and collect its JSON at the end."""
    loop = asyncio.get_running_loop()
    received: list[list[tuple[int, float]]] = [[] for _ in range(boards)]
    done = asyncio.Event()
    runner = None
    line = await loop.run_in_executor(None, child.stdout.readline)
    if not line.startswith("URL "):
        raise RuntimeError(f"the room did not open: {line}{child.stderr.read()[-3000:]}")
    url = line.split()[1]
    if boards:
        runner = asyncio.create_task(_boards(url, boards, done, received))
        async with asyncio.timeout(WAIT_S):
            while any(not r for r in received) and not runner.done():
                await asyncio.sleep(0.01)
        if runner.done():
            runner.result()
    child.stdin.write("go\n")
    child.stdin.flush()
    out = await loop.run_in_executor(None, child.stdout.read)
    child.wait(WAIT_S)
    done.set()
    if runner is not None:
        await runner
    if child.returncode != 0:
        raise RuntimeError(f"bench.room child failed:\n{child.stderr.read()[-3000:]}")
    return json.loads(out.strip().splitlines()[-1]), received


def board_latency(data: Path, session_id: str, changes: int = 300, boards: int = 5) -> dict[str, Any]:
    """Service call to event received, for every change and every board, in seconds."""
    child = _start_child("latency", str(data), session_id, str(changes), str(boards))
    got, received = asyncio.run(_with_boards(child, boards))
    calls = {int(k): v for k, v in got["calls"].items()}
    latencies = [t - calls[n] for board in received for n, t in board if n in calls]
    missing = sum(1 for n in calls for board in received if n not in dict(board))
    return {
        "latency_s": latencies,
        "durable_s": got["durable_s"],
        "changes": len(calls),
        "boards": boards,
        "missed": missing,
    }


def app_votes(data: Path, session_id: str, votes: int, boards: int) -> dict[str, Any]:
    child = _start_child("app", str(data), session_id, str(votes), str(boards))
    got, received = asyncio.run(_with_boards(child, boards))
    got["events_per_board"] = [len(r) for r in received]
    return got


# --- the children
def _vm_hwm_mb() -> float:
    from bench.child import own_peak_rss_kb

    return own_peak_rss_kb()[0] / 1024


def _child_latency(data: Path, session_id: str, changes: int, boards: int) -> dict[str, Any]:
    from models.poll import Choice, PollMode
    from room.server import Room
    from sessions.service import SessionService
    from sessions.storage import DataFolder

    async def run() -> dict[str, Any]:
        service = SessionService(DataFolder(data), session_id)
        room = Room()
        url = await room.open(service, "127.0.0.1", 0)
        print("URL", url, flush=True)
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, sys.stdin.readline)  # every board is connected
        feed = room.feed
        poll = service.open_poll(PollMode.OPEN) if service.record.open_poll() is None else service.record.open_poll()
        voters = poll.voters
        calls: dict[int, float] = {}
        durable: list[float] = []  # the service call alone: the vote on disk (fsynced)
        for index in range(changes):
            await _until(feed.delivered, "the boards took the previous view")
            await asyncio.sleep(GAP_S)
            member = voters[index % len(voters)]
            choice = Choice.YES if (index // len(voters)) % 2 == 0 else Choice.NO
            before = feed.latest.number
            start = time.monotonic()
            service.record_vote(member, choice)
            durable.append(time.monotonic() - start)
            await _until(lambda b=before: feed.latest.number > b, "the change was numbered")
            calls[feed.latest.number] = start
        await _until(feed.delivered, "the boards took the last view")
        await room.close()
        service.close()
        return {"calls": calls, "durable_s": durable}

    return asyncio.run(run())


async def _until(condition, what: str) -> None:
    try:
        async with asyncio.timeout(WAIT_S):
            while not condition():
                await asyncio.sleep(0.0005)  # (not a busy loop: the boards' process shares the two cores)
    except TimeoutError:
        raise RuntimeError(f"waited {WAIT_S:.0f} s for this: {what}") from None


def _vm_rss_mb() -> float:
    """This process's resident memory now (0 where /proc is not there)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _child_app(data: Path, session_id: str, votes: int, boards: int) -> dict[str, Any]:
    from bench.votes import measure_votes

    rss: dict[str, float] = {}

    async def open_room(app) -> None:
        loop = asyncio.get_running_loop()
        rss["before"] = _vm_rss_mb()
        if boards:
            app.room_port = 0
            url = await app.open_room("127.0.0.1")
            print("URL", url, flush=True)
        else:
            print("URL none", flush=True)
        await loop.run_in_executor(None, sys.stdin.readline)  # the boards are connected
        if boards and app.room.feed.listeners < boards:
            raise RuntimeError(f"{app.room.feed.listeners} boards connected, {boards} expected")
        rss["after"] = _vm_rss_mb()

    got = measure_votes(data, session_id, votes, before=open_room)
    # The room's own step: resident memory from just before it opened to its boards all connected.
    return {**got, "vm_hwm_mb": _vm_hwm_mb(), "opening_rss_mb": rss["after"] - rss["before"]}


def main(argv: list[str]) -> int:
    mode = argv[0] if argv else "all"
    if mode == "latency":
        print(json.dumps(_child_latency(Path(argv[1]), argv[2], int(argv[3]), int(argv[4]))))
        return 0
    if mode == "app":
        print(json.dumps(_child_app(Path(argv[1]), argv[2], int(argv[3]), int(argv[4]))))
        return 0
    raise SystemExit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
