"""HTTPS for the room (room/tls.py): a certificate made on the laptop, its fingerprint shown, phones vote
over TLS; the same certificate at the next opening; plain HTTP is not answered on that port."""

from __future__ import annotations

import asyncio
import json
import ssl
import stat

import httpx
import pytest

from models.poll import Choice, PollMode
from room.server import Room
from room.tls import fingerprint
from sessions.devices import member_devices
from tests.meeting import start_meeting


def test_phones_vote_over_https_with_the_laptops_certificate(demo_dir, clock):
    service = start_meeting(demo_dir, clock)

    async def scenario():
        room = Room()
        room.https = True
        url = await room.open(service, "127.0.0.1", 0)
        try:
            assert url.startswith("https://127.0.0.1:")
            cert = room.certificate
            assert cert is not None and stat.S_IMODE(cert.path.stat().st_mode) == 0o600
            presented = await asyncio.to_thread(ssl.get_server_certificate, ("127.0.0.1", room.port))
            assert fingerprint(ssl.PEM_cert_to_DER_cert(presented)) == cert.fingerprint  # what the screen shows
            link = room.member_url(member_devices(service).issue("m2"))
            assert link.startswith("https://")
            trusted = ssl.create_default_context(cafile=str(cert.path))
            async with httpx.AsyncClient(verify=trusted) as client:
                page = await client.get(link)
                assert page.status_code == 200
                csrf = page.text.split('data-csrf="', 1)[1].split('"', 1)[0]
                poll = service.open_poll(PollMode.OPEN)
                answer = await client.post(
                    link + "/vote",
                    content=json.dumps({"poll_id": poll.id, "choice": "no"}),
                    headers={"Content-Type": "application/json", "X-Council-CSRF": csrf},
                )
                assert answer.status_code == 200 and service.poll(poll.id).votes == {"m2": Choice.NO}
            async with httpx.AsyncClient() as plain:
                with pytest.raises(httpx.HTTPError):
                    await plain.get(link.replace("https://", "http://"))
            first = cert.fingerprint
            await room.close()
            await room.open(service, "127.0.0.1", 0)
            assert room.certificate.fingerprint == first  # phones that accepted it once are not asked again
        finally:
            await room.close()

    asyncio.run(asyncio.wait_for(scenario(), 60))
    service.close()


def test_connections_that_never_finish_the_handshake_are_capped_and_timed_out(demo_dir, clock, monkeypatch):
    # With HTTPS on, asyncio made the handshake before the room saw the connection: one that sent nothing was
    # held 60 s by no cap, so a single address could open thousands and leave the app no file to write with.
    import room.server

    monkeypatch.setattr(room.server._Protocol, "per_address_cap", 4)
    monkeypatch.setattr(room.server._Protocol, "exempt", staticmethod(lambda address: False))
    service = start_meeting(demo_dir, clock)

    async def scenario():
        room_ = Room()
        room_.https = True
        await room_.open(service, "127.0.0.1", 0)
        trusted = ssl.create_default_context(cafile=str(room_.certificate.path))
        try:
            held = [await asyncio.open_connection("127.0.0.1", room_.port) for _ in range(6)]
            for reader, _writer in held[4:]:
                assert await asyncio.wait_for(reader.read(), 5) == b""  # over this address's share: closed
            for reader, writer in held[:4]:  # within it: a handshake and a request are still answered
                await writer.start_tls(trusted, server_hostname="127.0.0.1")
                writer.write(b"GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n")
                assert (await reader.readline()).startswith(b"HTTP/1.1 404")
            for _reader, writer in held:
                writer.close()
            monkeypatch.setattr(room.server._Protocol, "request_timeout", 0.3)
            reader, writer = await asyncio.open_connection("127.0.0.1", room_.port)
            assert await asyncio.wait_for(reader.read(), 5) == b""  # no handshake within the timeout: closed
            writer.close()
            link = room_.member_url(member_devices(service).issue("m2"))
            async with httpx.AsyncClient(verify=trusted) as client:  # a phone still gets in
                assert (await client.get(link)).status_code == 200
        finally:
            await room_.close()

    asyncio.run(asyncio.wait_for(scenario(), 60))
    service.close()
