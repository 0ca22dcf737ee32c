"""The chair's side for tests/test_crash_phones.py: a session and its room, killed with SIGKILL by the test.

``python -m tests.phone_crash_child DATA``: the first start builds a session of 12 voting members (the
meeting started) and gives every member a link (the tokens go to ``DATA/../links.json``, the test's own
file: the laptop keeps only hashes); every start opens the session (recovering what a kill left),
gives the booth secret again if a secret ballot is open (as the chair does after a restart), opens the
room on a free port of 127.0.0.1 and prints ``{"port": ..., "poll": ...}``. Then it reads commands on
standard input: ``{"op": "open", "mode": ...}`` and ``{"op": "close"}``, one JSON answer each.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

SECRET = "crash-booth-secret"
MEMBERS = 12
ITEMS = 30


async def main(data: Path) -> None:
    from bench.phones import _build
    from models.errors import DomainError
    from models.poll import PollMode
    from models.session import Presence
    from room.server import Room
    from sessions import sealing
    from sessions.devices import member_devices
    from sessions.service import SessionService
    from sessions.storage import DataFolder

    sealing.DEFAULT_COST = sealing.KdfCost.cheapest()
    links = data.parent / "links.json"
    first = not data.exists()
    if first:
        folder, session_id = _build(data, MEMBERS, ITEMS)
    else:
        folder = DataFolder(data)
        session_id = folder.summaries()[0].id
    service = SessionService(folder, session_id)
    if first:
        for member in service.record.voting_members:
            service.set_attendance(member.id, Presence.PRESENT)
        service.open_session()
        devices = member_devices(service)
        tokens = {m.id: devices.issue(m.id) for m in service.record.voting_members}
        links.write_text(json.dumps(tokens), encoding="utf-8")
    poll = service.record.open_poll()
    if poll is not None and poll.mode == PollMode.SECRET:
        service.booth.open(SECRET)  # the chair gives the secret again: the box resumes
    room = Room()
    await room.open(service, "127.0.0.1", 0)
    print(json.dumps({"port": room.port, "poll": poll.id if poll else None}), flush=True)
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    for _ in range(10_000):
        line = await reader.readline()
        if not line:
            break
        command = json.loads(line)
        reply: dict = {}
        try:
            if command["op"] == "open":
                if service.record.polls_for(service.record.current_initiative.id):
                    service.next_item()
                mode = PollMode(command["mode"])
                poll = service.open_poll(mode)
                if mode == PollMode.SECRET:
                    service.booth.open(SECRET)
                reply = {"poll": poll.id}
            elif command["op"] == "close":
                result = service.close_poll(force=True)
                reply = {"counts": result.counts.model_dump()}
        except DomainError as error:
            reply = {"error": str(error)}
        print(json.dumps(reply), flush=True)
    await room.close()
    service.close()


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
