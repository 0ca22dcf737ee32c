"""The room's server (room/): a real uvicorn on loopback, real HTTP clients.

Without the board's token nothing is revealed (404, empty body); boards receive the session's views in
order; a board that reconnects gets the current state; closing the room ends every stream.
"""

from __future__ import annotations

import asyncio

import httpx
import pytest

from models.poll import Choice, PollMode
from room.server import Room
from tests.board_client import board
from tests.meeting import start_meeting


@pytest.fixture
def service(demo_dir, clock):
    service = start_meeting(demo_dir, clock)
    yield service
    service.close()


def run(scenario):
    asyncio.run(asyncio.wait_for(scenario, 60))


def tally(view) -> dict[str, int]:
    return {e["choice"]: e["count"] for e in (view["poll"] or {}).get("tally") or []}


def test_without_the_token_nothing_is_revealed(service):
    async def scenario():
        room = Room()
        url = await room.open(service, "127.0.0.1", 0)
        base = url.split("/board/")[0]
        try:
            async with httpx.AsyncClient() as client:
                assert (await client.get(url)).status_code == 200
                wrong = url[:-4] + "AAAA"
                for address in (
                    base + "/",
                    base + "/board",
                    base + "/board/",
                    wrong,
                    wrong + "/events",
                    wrong + "/board.js",
                    base + "/board.js",
                    base + "/static/board.js",
                    url + "/../../etc/passwd",
                ):
                    answer = await client.get(address)
                    assert answer.status_code == 404, address
                    assert answer.content == b"", address
                    assert "server" not in answer.headers  # not even which server answers
        finally:
            await room.close()

    run(scenario())


def test_no_method_without_the_token_reveals_what_is_served(service):
    # A POST, PUT or OPTIONS (a port scanner's probe, a CORS preflight) got Starlette's "Method Not Allowed"
    # with an Allow header: it named the framework and, for /m/x/vote ("Allow: POST"), the members' routes.
    async def scenario():
        room = Room()
        url = await room.open(service, "127.0.0.1", 0)
        base = url.split("/board/")[0]
        try:
            async with httpx.AsyncClient() as client:
                for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS"):
                    for path in ("/", "/board/x", "/m/x", "/m/x/vote", "/m/x/events", "/anything/at/all"):
                        answer = await client.request(method, base + path)
                        assert (answer.status_code, answer.content) == (404, b""), (method, path)
                        assert "allow" not in answer.headers and "server" not in answer.headers, (method, path)
        finally:
            await room.close()

    run(scenario())


def test_the_page_its_script_and_style_come_from_the_room_itself(service):
    async def scenario():
        room = Room()
        url = await room.open(service, "127.0.0.1", 0)
        try:
            async with httpx.AsyncClient() as client:
                page = (await client.get(url)).text
                assert "http://" not in page and "https://" not in page  # nothing loaded from elsewhere
                for name in ("board.js", "board.css"):
                    asset = await client.get(f"{url}/{name}")
                    assert asset.status_code == 200 and len(asset.content) < 8000
                    assert "http://" not in asset.text and "https://" not in asset.text
                assert (await client.get(url)).headers["cache-control"] == "no-store"
        finally:
            await room.close()

    run(scenario())


def test_boards_receive_every_change_in_order(service):
    async def scenario():
        room = Room()
        url = await room.open(service, "127.0.0.1", 0)
        try:
            async with httpx.AsyncClient() as client, board(client, url) as one, board(client, url) as two:
                first = await one.next()
                assert first.view["poll"] is None
                assert (await two.next()).number == first.number
                poll = service.open_poll(PollMode.OPEN)
                numbers = []
                for count, voter in enumerate(poll.voters[:4], start=1):
                    service.record_vote(voter, Choice.YES)
                    event = await one.until(lambda v, c=count: tally(v).get("yes") == c)
                    numbers.append(event.number)
                assert numbers == sorted(numbers) and len(set(numbers)) == 4
                last = await two.until(lambda v: tally(v).get("yes") == 4)
                assert last.number == numbers[-1]
        finally:
            await room.close()

    run(scenario())


def test_a_board_that_reconnects_gets_the_current_state(service):
    async def scenario():
        room = Room()
        url = await room.open(service, "127.0.0.1", 0)
        try:
            async with httpx.AsyncClient() as client:
                async with board(client, url) as stream:
                    assert (await stream.next()).view["item"]["position"].startswith("Mục 1/")
                service.next_item()  # while no board is connected
                service.next_item()
                async with board(client, url) as stream:
                    assert (await stream.next()).view["item"]["position"].startswith("Mục 3/")
        finally:
            await room.close()

    run(scenario())


def test_closing_the_room_ends_the_stream_and_stops_serving(service):
    async def scenario():
        room = Room()
        url = await room.open(service, "127.0.0.1", 0)
        async with httpx.AsyncClient() as client, board(client, url) as stream:
            await stream.next()
            await room.close()
            with pytest.raises(EOFError):
                await stream.next()
        async with httpx.AsyncClient() as client:
            with pytest.raises(httpx.ConnectError):
                await client.get(url)
        # The session changes on as before, with no board to tell.
        service.next_item()

    run(scenario())


def test_the_same_link_works_after_the_room_is_reopened(service):
    async def scenario():
        room = Room()
        first = await room.open(service, "127.0.0.1", 0)
        port = int(first.split(":")[2].split("/")[0])
        await room.close()
        again = await room.open(service, "127.0.0.1", port)
        try:
            assert again == first
        finally:
            await room.close()

    run(scenario())


def test_an_address_that_is_not_this_computers_is_refused_in_words(service):
    from models.errors import DomainError

    async def scenario():
        room = Room()
        for address in ("192.0.2.1", "0.0.0.0", "::", "localhost"):
            with pytest.raises(DomainError) as refused:
                await room.open(service, address, 0)
            assert address in str(refused.value) and not room.is_open

    run(scenario())


def test_a_port_another_program_holds_is_refused_with_what_the_chair_can_do(service):
    # The port is fixed (the link must stay the same) and nothing lets the chair pick another: the message
    # must not send them looking for a setting that does not exist.
    import socket

    from models.errors import DomainError
    from models.i18n import set_language

    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    port = holder.getsockname()[1]

    async def scenario():
        room = Room()
        with pytest.raises(DomainError) as refused:
            await room.open(service, "127.0.0.1", port)
        assert not room.is_open
        return str(refused.value)

    try:
        set_language("en")
        said = run_for(scenario())
        assert str(port) in said and "open the room again" in said and "another port" not in said
        set_language("vi")
        said = run_for(scenario())
        assert "mở lại phòng họp" in said and "cổng khác" not in said
    finally:
        holder.close()


def run_for(scenario):
    return asyncio.run(asyncio.wait_for(scenario, 60))


def test_each_event_leaves_at_once_not_held_for_the_boards_acknowledgement(service):
    """TCP_NODELAY on every connection: Nagle's algorithm would hold a small event up to 40 ms."""
    import socket

    async def scenario():
        room = Room()
        url = await room.open(service, "127.0.0.1", 0)
        try:
            async with httpx.AsyncClient() as client, board(client, url) as stream:
                await stream.next()
                connections = list(room._server.server_state.connections)
                assert connections
                for connection in connections:
                    sock = connection.transport.get_extra_info("socket")
                    assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1
        finally:
            await room.close()

    run(scenario())


def test_closing_and_reopening_at_once_on_the_same_port_works(service):
    async def scenario():
        room = Room()
        first = await room.open(service, "127.0.0.1", 0)
        port = room.port
        room.stop()  # as the app does when the chair presses c: no waiting
        again = await room.open(service, "127.0.0.1", port)
        try:
            assert again == first
            async with httpx.AsyncClient() as client:
                assert (await client.get(again)).status_code == 200
        finally:
            await room.close()

    run(scenario())


def test_idle_connections_over_the_cap_are_closed_and_the_room_serves_after(service, monkeypatch):
    """Connections that send nothing cannot pile up until the app has no file left to write a ballot box with."""
    import room.server

    monkeypatch.setattr(room.server, "connection_cap", lambda: 8)

    async def scenario():
        room_ = Room()
        url = await room_.open(service, "127.0.0.1", 0)
        held = [await asyncio.open_connection("127.0.0.1", room_.port) for _ in range(20)]
        # The room accepts them in the order they came: the twelve over the cap are closed at once (their
        # reader ends), the eight within it are still served.
        for reader, _writer in held[8:]:
            assert await reader.read() == b""
        for reader, writer in held[:8]:
            writer.write(b"GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n")
            assert (await reader.readline()).startswith(b"HTTP/1.1 404")
        for _reader, writer in held:
            writer.close()
        async with httpx.AsyncClient() as client:
            for _ in range(50):  # until the room has seen the eight go (each close is handled on the loop)
                answer = await client.get(url)
                if answer.status_code == 200:
                    break
            assert answer.status_code == 200
        await room_.close()

    run(scenario())


def test_a_connection_that_never_completes_a_request_is_closed_and_a_board_stream_is_not(service, monkeypatch):
    """Nothing sent, or headers that stop half way: each would hold a file for ever. A board's stream, idle
    between changes for longer than the timeout, must go on."""
    import room.server

    monkeypatch.setattr(room.server._Protocol, "request_timeout", 0.2)

    async def scenario():
        room_ = Room()
        url = await room_.open(service, "127.0.0.1", 0)
        try:
            async with httpx.AsyncClient() as client, board(client, url) as stream:
                await stream.next()  # the board's first view: its stream is open
                silent = await asyncio.open_connection("127.0.0.1", room_.port)
                half = await asyncio.open_connection("127.0.0.1", room_.port)
                half[1].write(b"GET /board/x HTTP/1.1\r\nHost: x\r\nX-Slow: ")
                await half[1].drain()
                # Both are closed by the room (their reader ends) without a request having been served.
                assert await asyncio.wait_for(silent[0].read(), 10) == b""
                assert await asyncio.wait_for(half[0].read(), 10) == b""
                # The board's stream, older than both and idle all along, still receives the next change.
                service.open_poll(PollMode.OPEN)
                assert (await stream.until(lambda v: v["poll"] is not None)).view["poll"] is not None
        finally:
            await room_.close()

    run(scenario())


def test_one_address_cannot_take_every_connection_from_the_phones(service, monkeypatch):
    import room.server

    monkeypatch.setattr(room.server._Protocol, "per_address_cap", 4)
    monkeypatch.setattr(room.server._Protocol, "exempt", staticmethod(lambda address: False))

    async def scenario():
        room_ = Room()
        await room_.open(service, "127.0.0.1", 0)
        try:
            held = [await asyncio.open_connection("127.0.0.1", room_.port) for _ in range(6)]
            for reader, _writer in held[4:]:
                assert await asyncio.wait_for(reader.read(), 10) == b""  # over this address's share: closed
            for reader, writer in held[:4]:
                writer.write(b"GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n")
                assert (await reader.readline()).startswith(b"HTTP/1.1 404")
            for _reader, writer in held:
                writer.close()
        finally:
            await room_.close()

    run(scenario())
