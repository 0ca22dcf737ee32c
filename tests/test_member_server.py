"""Members' pages on the room's server (room/members.py): a real uvicorn on loopback, real HTTP clients."""

from __future__ import annotations

import asyncio
import json
import re

import httpx
import pytest

from models.poll import Choice, PollMode
from room.server import Room
from sessions.devices import member_devices
from sessions.storage import DataFolder
from tests.board_client import board
from tests.conftest import BOOTH_SECRET, PLANNED
from tests.meeting import start_meeting
from tests.test_devices import GOOD_SHEET


@pytest.fixture
def service(demo_dir, clock):
    service = start_meeting(demo_dir, clock)
    yield service
    service.close()


def run(scenario):
    asyncio.run(asyncio.wait_for(scenario, 60))


class Phone:
    """A member's phone: their page's link and its anti-forgery value, read from the page as a browser would."""

    def __init__(self, client: httpx.AsyncClient, url: str) -> None:
        self.client, self.url, self.csrf = client, url, ""

    async def load(self) -> str:
        page = await self.client.get(self.url)
        assert page.status_code == 200
        self.csrf = re.search(r'data-csrf="([0-9a-f]+)"', page.text).group(1)
        return page.text

    async def post(self, kind: str, body, *, headers: dict | None = None, raw: bytes | None = None) -> httpx.Response:
        sent = {"Content-Type": "application/json", "X-Council-CSRF": self.csrf, **(headers or {})}
        content = raw if raw is not None else json.dumps(body).encode()
        return await self.client.post(f"{self.url}/{kind}", content=content, headers=sent)


async def opened(service) -> tuple[Room, str]:
    room = Room()
    await room.open(service, "127.0.0.1", 0)
    return room, room.board_url.split("/board/")[0]


def test_a_bad_member_token_reveals_nothing_and_repeated_tries_wait(service):
    async def scenario():
        room, base = await opened(service)
        token = member_devices(service).issue("m2")
        now = [1000.0]
        room.members.limiter.now = lambda: now[0]
        try:
            async with httpx.AsyncClient() as client:
                other = token[:-1] + ("X" if token[-1] != "X" else "Y")  # one character off (never the token itself)
                for address in (base + "/m", base + "/m/", base + "/m/x", base + f"/m/{other}/events"):
                    answer = await client.get(address)
                    assert (answer.status_code, answer.content) == (404, b""), address
                bad = await client.post(base + f"/m/{token}Z/vote", content=b"{}")
                assert (bad.status_code, bad.content) == (404, b"")
                for n in range(7):  # with the three above: ten different guesses
                    await client.get(base + "/m/" + "A" * 31 + str(n))
                # Ten bad tries in a minute: this client now waits, even with the right link.
                assert (await client.get(base + f"/m/{token}")).status_code == 429
                now[0] += 61
                assert (await client.get(base + f"/m/{token}")).status_code == 200
        finally:
            await room.close()

    run(scenario())


def test_the_page_comes_from_the_room_with_its_script_and_no_outside_address(service):
    async def scenario():
        room, _ = await opened(service)
        url = room.member_url(member_devices(service).issue("m3"))
        try:
            async with httpx.AsyncClient() as client:
                phone = Phone(client, url)
                page = await phone.load()
                assert '<html lang="vi">' in page and len(phone.csrf) == 64
                assert "http://" not in page and "https://" not in page
                for name in ("member.js", "member.css"):
                    asset = await client.get(f"{url}/{name}")
                    assert asset.status_code == 200 and len(asset.content) < 16000
                    assert "http://" not in asset.text and "https://" not in asset.text
                answer = await client.get(url)
                assert answer.headers["cache-control"] == "no-store"
                assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
        finally:
            await room.close()

    run(scenario())


def test_an_open_vote_from_a_phone_is_recorded_once_and_the_ballot_appears_by_itself(service):
    async def scenario():
        room, _ = await opened(service)
        url = room.member_url(member_devices(service).issue("m2"))
        try:
            async with httpx.AsyncClient() as client, board(client, url) as stream:
                phone = Phone(client, url)
                await phone.load()
                first = await stream.next()
                assert first.view["ballot"] is None and first.view["member"]["name"] == "Trần Thị Mai"
                assert room.members.connected == ["m2"]
                poll = service.open_poll(PollMode.OPEN)
                shown = await stream.until(lambda v: v["ballot"] is not None)
                assert shown.view["ballot"]["state"] == "vote" and shown.view["ballot"]["poll_id"] == poll.id
                answer = await phone.post("vote", {"poll_id": poll.id, "choice": "yes"})
                assert answer.status_code == 200 and answer.json()["outcome"] == "recorded"
                assert service.poll(poll.id).votes == {"m2": Choice.YES}  # on disk before the answer came
                again = await phone.post("vote", {"poll_id": poll.id, "choice": "yes"})
                assert again.status_code == 200 and again.json()["outcome"] == "already"
                assert "một lần" in again.json()["message"]
                after = await stream.until(lambda v: v["ballot"]["state"] == "in")
                assert after.view["ballot"]["mine"] == "Đồng ý"
                other = await phone.post("vote", {"poll_id": poll.id, "choice": "no"})
                assert other.status_code == 409 and "Chủ tịch" in other.json()["message"]
                assert service.poll(poll.id).live_counts().yes == 1
        finally:
            await room.close()

    run(scenario())


def test_forged_garbage_and_huge_requests_are_refused_and_change_nothing(service):
    async def scenario():
        room, _ = await opened(service)
        url = room.member_url(member_devices(service).issue("m4"))
        poll = service.open_poll(PollMode.OPEN)
        vote = {"poll_id": poll.id, "choice": "yes"}
        try:
            async with httpx.AsyncClient() as client:
                phone = Phone(client, url)
                await phone.load()
                cases = [
                    (await phone.post("vote", vote, headers={"X-Council-CSRF": "0" * 64}), 403),
                    (await client.post(url + "/vote", json=vote), 403),  # no anti-forgery value
                    (await phone.post("vote", vote, headers={"Origin": "http://evil.example"}), 403),
                    (await phone.post("vote", vote, headers={"Sec-Fetch-Site": "cross-site"}), 403),
                    (await phone.post("vote", vote, headers={"Content-Type": "text/plain"}), 415),
                    (await phone.post("vote", None, raw=b"\xff\xfe not json"), 400),
                    (await phone.post("vote", None, raw=b"[1, 2, 3]"), 400),
                    (await phone.post("vote", None, raw=b"[" * 100_000), 413),
                    (await phone.post("vote", None, raw=b'{"a": "' + b"x" * 20_000 + b'"}'), 413),
                    (await phone.post("vote", {"poll_id": poll.id, "choice": "maybe"}), 409),
                    (await phone.post("vote", {"poll_id": 7, "choice": "yes"}), 409),
                    (await phone.post("vote", {"poll_id": "other-p1", "choice": "yes"}), 409),
                    (await phone.post("sheet", {"poll_id": poll.id, "scores": GOOD_SHEET}), 409),
                    (await phone.post("burn", vote), 404),
                ]

                async def chunks():
                    for _ in range(40):
                        yield b" " * 1000

                streamed = await client.post(
                    url + "/vote",
                    content=chunks(),
                    headers={"Content-Type": "application/json", "X-Council-CSRF": phone.csrf},
                )
                cases.append((streamed, 413))  # no length given: cut off once too long
                for answer, status in cases:
                    assert answer.status_code == status, (status, answer.text)
                    if status != 404:
                        message = answer.json()["message"]
                        assert message and "Traceback" not in message and "không" in message.lower()
                assert service.poll(poll.id).votes == {}
        finally:
            await room.close()

    run(scenario())


def test_secret_ballots_and_sheets_from_phones_get_one_answer_whatever_the_choice(service):
    async def scenario():
        room, _ = await opened(service)
        devices = member_devices(service)
        urls = {m: room.member_url(devices.issue(m)) for m in ("m2", "m3", "m4")}
        try:
            async with httpx.AsyncClient() as client:
                phones = {m: Phone(client, url) for m, url in urls.items()}
                for phone in phones.values():
                    await phone.load()
                poll = service.open_poll(PollMode.SECRET)
                sealed = await phones["m2"].post("vote", {"poll_id": poll.id, "choice": "yes"})
                assert sealed.status_code == 409 and "Chủ tịch" in sealed.json()["message"]
                service.booth.open(BOOTH_SECRET)
                yes = await phones["m2"].post("vote", {"poll_id": poll.id, "choice": "yes"})
                no = await phones["m3"].post("vote", {"poll_id": poll.id, "choice": "no"})
                assert yes.status_code == no.status_code == 200
                assert yes.content == no.content  # the answer says nothing about the choice
                assert dict(yes.headers).keys() == dict(no.headers).keys()
                assert yes.headers["content-length"] == no.headers["content-length"]
                resent = await phones["m3"].post("vote", {"poll_id": poll.id, "choice": "yes"})
                assert resent.json()["outcome"] == "already"
                service.close_poll(force=True)
                assert (service.record.polls[-1].result.counts.yes, service.record.polls[-1].result.counts.no) == (1, 1)
                service.next_item()
                scoring = service.open_poll(PollMode.SCORING)
                service.booth.open(BOOTH_SECRET)
                sheet = {"poll_id": scoring.id, "scores": GOOD_SHEET, "comment": "Thiết thực"}
                out_of_range = await phones["m4"].post("sheet", {**sheet, "scores": {**GOOD_SHEET, "novelty": 99}})
                assert out_of_range.status_code == 409 and "99" in out_of_range.json()["message"]
                answer = await phones["m4"].post("sheet", sheet)
                assert answer.status_code == 200 and answer.json()["outcome"] == "recorded"
                assert service.voted_members(service.record.open_poll()) == ["m4"]
        finally:
            await room.close()

    run(scenario())


def test_a_reissued_link_stops_the_old_page_and_the_new_one_works(service):
    async def scenario():
        room, _ = await opened(service)
        devices = member_devices(service)
        old = room.member_url(devices.issue("m5"))
        try:
            async with httpx.AsyncClient() as client:
                async with board(client, old) as stream:
                    await stream.next()
                    new = room.member_url(devices.issue("m5"))
                    ended = await stream.next()
                    assert ended.view == {}  # the "closed" event: the old page stops
                    with pytest.raises(EOFError):
                        await stream.next()
                assert (await client.get(old)).status_code == 404
                assert (await client.get(new)).status_code == 200
        finally:
            await room.close()

    run(scenario())


def test_a_phone_whose_old_page_keeps_reconnecting_can_still_open_its_new_link(service):
    # After a reissue (or the new link q gives after a restart) the old page stays open in a tab of the same
    # phone and reconnects every few seconds: one stale link sent again is not ten guesses.
    async def scenario():
        room, _ = await opened(service)
        devices = member_devices(service)
        old = room.member_url(devices.issue("m5"))
        new = room.member_url(devices.issue("m5"))
        try:
            async with httpx.AsyncClient() as client:
                for _ in range(30):  # a minute and a half of the old tab's reconnects
                    assert (await client.get(old + "/events")).status_code == 404
                assert (await client.get(new)).status_code == 200
                for n in range(10):  # ten different wrong links are guesses all the same
                    await client.get(base_of(room) + f"/m/{'B' * 31}{n}")
                assert (await client.get(new)).status_code == 429
        finally:
            await room.close()

    run(scenario())


def base_of(room: Room) -> str:
    return room.board_url.split("/board/")[0]


def test_closing_the_room_ends_every_member_stream_and_nothing_more_is_taken(service):
    async def scenario():
        room, _ = await opened(service)
        url = room.member_url(member_devices(service).issue("m6"))
        poll = service.open_poll(PollMode.OPEN)
        async with httpx.AsyncClient() as client:
            phone = Phone(client, url)
            await phone.load()
            async with board(client, url) as stream:
                await stream.next()
                room.stop()
                assert (await stream.next()).view == {}
            await room.close()
            with pytest.raises(httpx.ConnectError):
                await phone.post("vote", {"poll_id": poll.id, "choice": "yes"})
        assert service.poll(poll.id).votes == {}

    run(scenario())


def test_a_room_that_is_closing_does_not_tell_a_page_its_link_was_replaced(service):
    # The page asks the laptop why its stream ended while the room is still stopping: a 404 there told it its
    # link had been replaced, and it stopped for good, even when the chair reopened the room a moment later.
    async def scenario():
        room, base = await opened(service)
        url = room.member_url(member_devices(service).issue("m6"))
        poll = service.open_poll(PollMode.OPEN)
        try:
            async with httpx.AsyncClient() as client:
                phone = Phone(client, url)
                await phone.load()
                assert room.members is not None
                room.members.close()  # what closing the room does first, while the server still answers
                for answer in (await client.get(url), await client.get(url + "/events")):
                    assert (answer.status_code, answer.content) == (503, b"")
                assert (await phone.post("vote", {"poll_id": poll.id, "choice": "yes"})).status_code == 503
                wrong = await client.get(base + "/m/" + "A" * 30)
                assert (wrong.status_code, wrong.content) == (404, b"")  # a wrong link learns nothing more
        finally:
            await room.close()
        assert service.poll(poll.id).votes == {}

    run(scenario())


def test_a_closed_session_takes_no_vote_from_a_phone(service):
    async def scenario():
        room, _ = await opened(service)
        url = room.member_url(member_devices(service).issue("m2"))
        poll = service.open_poll(PollMode.OPEN)
        service.close_poll(force=True)
        service.close_session(force=True)
        try:
            async with httpx.AsyncClient() as client, board(client, url) as stream:
                phone = Phone(client, url)
                await phone.load()
                view = (await stream.next()).view
                assert view["ballot"] is None and "bế mạc" in view["note"]
                answer = await phone.post("vote", {"poll_id": poll.id, "choice": "yes"})
                assert answer.status_code == 409
        finally:
            await room.close()

    run(scenario())


def test_no_session_file_or_log_names_a_phone_ballot(service, demo_dir, caplog):
    async def scenario():
        room, _ = await opened(service)
        devices = member_devices(service)
        url = room.member_url(devices.issue("m7"))
        poll = service.open_poll(PollMode.SECRET)
        service.booth.open(BOOTH_SECRET)
        async with httpx.AsyncClient() as client:
            phone = Phone(client, url)
            await phone.load()
            assert (await phone.post("vote", {"poll_id": poll.id, "choice": "abstain"})).status_code == 200
        await room.close()

    caplog.set_level("DEBUG")
    run(scenario())
    # (The test's own HTTP client logs its requests; the laptop's side logs nothing of them.)
    server_side = [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    assert not [r for r in server_side if "/m/" in r.getMessage() or "abstain" in r.getMessage()]
    box = (DataFolder(demo_dir).session_dir(PLANNED) / "ballot-box.json").read_bytes()
    assert b"m7" in box and b"abstain" in box  # (the voter, and the three encrypted sums' names; no count)
    assert b'"counts"' not in box


def test_an_answer_on_a_kept_alive_connection_does_not_wait_for_the_phone(service):
    """Without TCP_NODELAY on the room's sockets every answer after the first waited 40 ms for the phone's
    delayed acknowledgement (Nagle's algorithm); 30 phones at once took 55 ms instead of 10."""

    async def scenario():
        import time

        room, _ = await opened(service)
        url = room.member_url(member_devices(service).issue("m2"))
        poll = service.open_poll(PollMode.OPEN)
        try:
            async with httpx.AsyncClient() as client:
                phone = Phone(client, url)
                await phone.load()
                took = []
                for _ in range(7):
                    start = time.perf_counter()
                    await phone.post("vote", {"poll_id": poll.id, "choice": "yes"})
                    took.append(time.perf_counter() - start)
                assert sorted(took)[3] < 0.030, took
        finally:
            await room.close()

    run(scenario())


def test_a_ballot_whose_body_never_comes_is_answered_and_records_nothing(service, monkeypatch):
    """Headers that announce a body which never arrives would hold the connection (and a file) for ever."""
    import room.members

    monkeypatch.setattr(room.members, "BODY_TIMEOUT_S", 0.2)

    async def scenario():
        room, _ = await opened(service)
        url = room.member_url(member_devices(service).issue("m4"))
        poll = service.open_poll(PollMode.OPEN)
        try:
            async with httpx.AsyncClient() as client:
                phone = Phone(client, url)
                await phone.load()
                path = url.split(str(room.port), 1)[1]
                reader, writer = await asyncio.open_connection("127.0.0.1", room.port)
                writer.write(
                    f"POST {path}/vote HTTP/1.1\r\nHost: 127.0.0.1:{room.port}\r\nContent-Type: application/json\r\n"
                    f"X-Council-CSRF: {phone.csrf}\r\nContent-Length: 60\r\n\r\n"
                    '{"poll_id": '.encode()
                )
                await writer.drain()
                answer = await asyncio.wait_for(reader.read(4096), 10)
                writer.close()
                assert answer.startswith(b"HTTP/1.1 408")
                assert "quá chậm" in json.loads(answer.split(b"\r\n\r\n", 1)[1])["message"]
                assert service.poll(poll.id).votes == {}
        finally:
            await room.close()

    run(scenario())
