"""Secret ballots over the network link no member to a choice: a round of 7 known choices sent from phones
over real HTTP, the data folder copied after every ballot, every log line, every event a board, a phone's
page or the chair's screens were sent, and every answer kept; none of it links a member to a choice.

The attacker is tests/test_sealed_ballots.py's (every pair of states that differ by one voter and one
count), run over all of it; plus what a watcher of the answers could use: their bytes, lengths and order.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging

import httpx

from models.poll import PollMode
from room.server import Room
from sessions.devices import member_devices
from tests.board_client import board
from tests.conftest import BOOTH_SECRET, PLANNED
from tests.meeting import start_meeting
from tests.test_member_server import Phone
from tests.test_sealed_ballots import CHOICES, link, snapshot, states_in

WORDS = ("Đồng ý", "Không đồng ý", "Không biểu quyết", '"yes"', '"no"', '"abstain"')


def test_a_round_of_phone_ballots_leaves_nothing_that_links_a_member_to_a_choice(demo_dir, clock, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    service = start_meeting(demo_dir, clock)
    kept: dict[str, list] = {"copies": [], "answers": [], "board": [], "pages": [], "told": [], "ballots": []}

    async def scenario() -> None:
        room = Room()
        await room.open(service, "127.0.0.1", 0)
        devices = member_devices(service)
        room.members.on_change.append(lambda *args: kept["told"].append(args))  # what the chair's app is told
        poll = service.open_poll(PollMode.SECRET)
        service.booth.open(BOOTH_SECRET)
        links = {m: room.member_url(devices.issue(m)) for m in poll.voters}
        try:
            async with httpx.AsyncClient() as client, board(client, room.board_url) as boards:
                kept["copies"].append(snapshot(demo_dir))
                for member, choice in zip(poll.voters, CHOICES, strict=True):
                    phone = Phone(client, links[member])
                    await phone.load()
                    async with board(client, links[member]) as page:
                        kept["ballots"].append((await page.next()).view["ballot"])  # the same ballot for all
                        answer = await phone.post("vote", {"poll_id": poll.id, "choice": choice.value})
                        assert answer.status_code == 200
                        kept["answers"].append(answer)
                        kept["pages"].append((await page.until(lambda v: v["ballot"]["state"] == "in")).view)
                    kept["copies"].append(snapshot(demo_dir))
                    wanted = f" {len(kept['answers'])}/"
                    event = await boards.until(lambda v, wanted=wanted: wanted in v["poll"]["voted"])
                    kept["board"].append(event.view)
        finally:
            await room.close()

    asyncio.run(asyncio.wait_for(scenario(), 60))
    counts = service.close_poll().counts
    service.close()
    assert (counts.yes, counts.no, counts.abstain) == (4, 2, 1)  # the round did happen, with those choices

    # The files: the attacker finds no two states to subtract, and a ballot changes the box alone.
    box = f"sessions/{PLANNED}/ballot-box.json"
    states = set().union(*(states_in(b"\n".join(copy.values())) for copy in kept["copies"]))
    for before, after in itertools.pairwise(kept["copies"]):
        assert {name for name in after if before.get(name) != after[name]} == {box}
        assert b'"counts"' not in after[box]
    # The logs (the laptop's side: the test's own HTTP client logs its requests, which the laptop never sees).
    lines = [r.getMessage() for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    states |= states_in("\n".join(lines).encode())
    assert not [line for line in lines if "/m/" in line or any(w in line for w in WORDS)]
    # What was sent to the board, the phones' pages once they voted, and the chair's app.
    assert all(b == kept["ballots"][0] for b in kept["ballots"]) and kept["ballots"][0]["state"] == "vote"
    sent = json.dumps([kept["board"], kept["pages"]], ensure_ascii=False)
    states |= states_in(sent.encode())
    assert all(view["poll"]["tally"] is None for view in kept["board"])
    assert not any(w in sent for w in WORDS), "a choice reached a board or a page"
    assert all(args == () for args in kept["told"])  # the chair's app is told only that something changed
    assert link(states) == {}
    # The answers: the same bytes, headers and length for every choice.
    bodies = sorted({a.content for a in kept["answers"]})
    assert len(bodies) == 1, bodies
    assert not any(w in bodies[0].decode() for w in WORDS)
    assert len({tuple(sorted((k, v) for k, v in a.headers.items() if k != "date")) for a in kept["answers"]}) == 1
