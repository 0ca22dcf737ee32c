"""Crash harness for members' phones: the chair's side (tests/phone_crash_child.py) is killed with SIGKILL at
a random moment while 12 simulated phones vote at once over real HTTP, in open votes and secret ballots.

After each kill the chair's side is started again on the same folder (the session recovers, the chair
gives the booth secret again) and the test checks: every vote a phone was told is recorded is there
(open: its choice; secret: the member among the voters); every member's link still works; each phone
then sends its vote again (as a phone whose answer was lost does) and is told "recorded" only if its
vote was not in; the counts at close are exactly one vote per member. The folder is on a real disk.

COUNCIL_PHONE_CRASH_TRIALS sets the number of kills (default 6); COUNCIL_CRASH_SEED another draw.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx

from models.poll import Choice, PollMode
from sessions.service import SessionService
from sessions.storage import DataFolder

TRIALS = int(os.environ.get("COUNCIL_PHONE_CRASH_TRIALS", "6"))
SEED = int(os.environ.get("COUNCIL_CRASH_SEED", "20261122"))
ROOT = Path(__file__).resolve().parents[1]
WAIT_S = 30.0


class Chair:
    """The chair's side as a child process, driven by JSON lines."""

    def __init__(self, data: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.phone_crash_child", str(data)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=ROOT,
            text=True,
        )
        hello = json.loads(self._line())
        self.port, self.poll = hello["port"], hello["poll"]

    def _line(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, "the chair's side ended before answering"
        return line

    def ask(self, **command) -> dict:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        reply = json.loads(self._line())
        assert "error" not in reply, reply
        return reply

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(WAIT_S)

    def quit(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(WAIT_S)


async def vote(client: httpx.AsyncClient, base: str, token: str, poll: str, choice: str) -> str | None:
    """One phone's vote: the outcome it was told, or None when no answer came (the laptop was killed)."""
    url = f"{base}/m/{token}"
    try:
        page = await client.get(url)
        csrf = page.text.split('data-csrf="', 1)[1].split('"', 1)[0]
        answer = await client.post(
            f"{url}/vote",
            content=json.dumps({"poll_id": poll, "choice": choice}),
            headers={"Content-Type": "application/json", "X-Council-CSRF": csrf},
        )
    except (httpx.HTTPError, IndexError):
        return None
    return answer.json()["outcome"] if answer.status_code == 200 else f"refused {answer.status_code}"


def recorded(data: Path, poll_id: str) -> tuple[dict[str, Choice], set[str]]:
    """What the files hold for the poll: open votes, and the voters of a secret ballot (read-only)."""
    folder = DataFolder(data)
    reader = SessionService(folder, folder.summaries()[0].id, read_only=True)
    try:
        poll = reader.poll(poll_id)
        box = reader.booth._box().read(poll_id)
        return dict(poll.votes), set(box.voted)
    finally:
        reader.close()


def test_acknowledged_phone_votes_survive_sigkill_and_count_once(tmp_path: Path) -> None:
    where = tmp_path if not str(tmp_path).startswith("/dev/shm") else Path(tempfile.mkdtemp(dir=ROOT))
    data = where / "data"
    rng = random.Random(SEED)
    chair = Chair(data)
    tokens: dict[str, str] = json.loads((where / "links.json").read_text(encoding="utf-8"))
    landed: list[str] = []
    try:
        for trial in range(TRIALS):
            mode = PollMode.OPEN if trial % 2 == 0 else PollMode.SECRET
            poll = chair.ask(op="open", mode=mode.value)["poll"]
            choices = {m: rng.choice([c.value for c in Choice]) for m in tokens}
            delay = rng.uniform(0.0, 0.06)
            base = f"http://127.0.0.1:{chair.port}"

            async def round_(
                base: str = base, poll: str = poll, choices: dict = choices, delay: float = delay, chair: Chair = chair
            ):
                async with httpx.AsyncClient(timeout=WAIT_S) as client:
                    votes = [asyncio.create_task(vote(client, base, tokens[m], poll, c)) for m, c in choices.items()]
                    await asyncio.sleep(delay)
                    chair.kill()  # SIGKILL, wherever the laptop is in the phones' votes
                    return dict(zip(choices, await asyncio.gather(*votes), strict=True))

            told = asyncio.run(asyncio.wait_for(round_(), 60))
            acknowledged = {m for m, outcome in told.items() if outcome in ("recorded", "already")}
            landed.append(f"{mode.value}: {len(acknowledged)}/{len(told)} acknowledged before the kill")
            open_votes, voters = recorded(data, poll)
            for member in acknowledged:  # nothing a phone was told is recorded is lost
                if mode == PollMode.OPEN:
                    assert open_votes.get(member) == Choice(choices[member]), (trial, member)
                else:
                    assert member in voters, (trial, member)
            chair = Chair(data)  # the laptop again: same folder, same links
            assert chair.poll == poll
            base = f"http://127.0.0.1:{chair.port}"

            async def again(base: str = base, poll: str = poll, choices: dict = choices) -> dict[str, str | None]:
                async with httpx.AsyncClient(timeout=WAIT_S) as client:
                    return {m: await vote(client, base, tokens[m], poll, c) for m, c in choices.items()}

            resent = asyncio.run(asyncio.wait_for(again(), 60))
            in_before = set(open_votes) if mode == PollMode.OPEN else voters
            for member, outcome in resent.items():
                assert outcome == ("already" if member in in_before else "recorded"), (trial, member, outcome)
            counts = chair.ask(op="close")["counts"]
            for choice in Choice:
                assert counts[choice.value] == list(choices.values()).count(choice.value), (trial, counts)
        chair.quit()
    finally:
        if chair.process.poll() is None:
            chair.kill()
    print("\nphone crash harness: " + "; ".join(landed))
    assert len(landed) == TRIALS
