"""The room's server: Starlette on uvicorn, run as a task on the chair's app's own asyncio loop.

One ``Room`` serves one session at a time. Opening binds the chosen address (loopback by default) and
starts serving; closing ends every board's stream and stops listening. uvicorn is told not to install
signal handlers (the app owns them) and not to log (a line on the terminal would tear the chair's screen).
Member pages (issue 19) add their routes beside the board's in ``build_app``.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import socket
import ssl
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from uvicorn.protocols.utils import get_remote_addr

try:  # httptools' parser in C (pinned): members' phones voting at once get their answers sooner (bench/phones.py)
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol as _BaseProtocol
except ImportError:  # where it cannot be installed: uvicorn's pure-Python h11
    from uvicorn.protocols.http.h11_impl import H11Protocol as _BaseProtocol  # type: ignore[assignment]

from models.errors import DomainError
from room.board import board_routes, not_found
from room.feed import BoardFeed
from room.members import MemberDesk, member_routes
from room.tls import LaptopCertificate, laptop_certificate
from sessions.board import board_token
from sessions.platform import open_files_limit

if TYPE_CHECKING:
    from sessions.service import SessionService

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8470  # fixed, so that the link stays the same from one opening to the next
START_TIMEOUT_S = 5.0
STOP_TIMEOUT_S = 5.0
ANY_METHOD = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"]

# The server's own logging goes nowhere: the chair's terminal is the app's screen.
for _name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
    _logger = logging.getLogger(_name)
    _logger.addHandler(logging.NullHandler())
    _logger.propagate = False


KEPT_FOR_THE_SESSION = 128
"""Files and sockets the room leaves to the app: the journal, the ballot box, checkpoints, exports, anchors."""


def connection_cap() -> int:
    """How many connections the room holds at once: never so many that the session cannot open a file."""
    return max(16, min(512, open_files_limit() - KEPT_FOR_THE_SESSION))


REQUEST_TIMEOUT_S = 10.0
"""A connection must send a whole request's headers within this (a phone on weak Wi-Fi needs well under 1 s)."""

PER_ADDRESS_CAP = 32
"""Connections one address may hold: a phone needs two or three (its page's stream, a ballot), a board one."""


def _is_loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


class _Protocol(_BaseProtocol):
    cap = 0  # set when the room opens (connection_cap)
    request_timeout = REQUEST_TIMEOUT_S
    per_address_cap = PER_ADDRESS_CAP
    # The laptop itself (a board on the projector's browser, the bench's phones) is not limited per address:
    # whoever runs code on it holds the session's files anyway.
    exempt = staticmethod(_is_loopback)
    tls: ssl.SSLContext | None = None  # set when the room opens with HTTPS: the handshake is made here
    handshaking: ClassVar[set[_Protocol]] = set()  # connections still in their TLS handshake (not yet uvicorn's)

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        # Each event is one small write: without this, Nagle's algorithm holds it until the board's delayed
        # acknowledgement of the one before (up to 40 ms on Linux).
        sock = transport.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._deadline: asyncio.TimerHandle | None = None
        self._early: list[bytes] | None = None
        if _Protocol.tls is None:
            super().connection_made(transport)
        else:
            # Had asyncio made the handshake, the room would see the connection only once it was done: one
            # that never finishes it was held 60 s, counted by no cap. It is counted here from the start.
            self.transport = transport  # (closed by connection_lost, should it come first)
            self.client = get_remote_addr(transport)
            _Protocol.handshaking.add(self)
        # Anyone who can reach the port could otherwise open connections, send nothing, and hold them until the
        # app has no file left to write a ballot box or a checkpoint with (EMFILE). Over the cap, a connection
        # is closed at once, which frees its file; one address may not take the whole cap from the phones.
        if len(self.connections) + len(_Protocol.handshaking) > _Protocol.cap or self._over_address_cap():
            _Protocol.handshaking.discard(self)
            transport.close()
            return
        self._arm(None)
        if _Protocol.tls is not None:
            self._early = []
            self.loop.create_task(self._handshake(transport, _Protocol.tls))

    async def _handshake(self, transport: asyncio.Transport, tls: ssl.SSLContext) -> None:
        try:
            # Within the request timeout too (the look closes the connection otherwise).
            secured = await self.loop.start_tls(transport, self, tls, server_side=True)
        except Exception:  # a handshake that failed or was cut: nothing to answer
            transport.close()
            return
        finally:
            _Protocol.handshaking.discard(self)
        if secured is None or secured.is_closing() or self.parser is None:
            return
        early, self._early = self._early or [], None
        super().connection_made(secured)
        for data in early:  # what came with the end of the handshake, before uvicorn took the connection
            self.data_received(data)

    def data_received(self, data: bytes) -> None:
        if self._early is not None:
            self._early.append(data)
            return
        super().data_received(data)

    def _over_address_cap(self) -> bool:
        address = self.client[0] if self.client else ""
        if not address or _Protocol.exempt(address):
            return False
        everyone = [*self.connections, *_Protocol.handshaking]
        same = sum(1 for c in everyone if getattr(c, "client", None) and c.client[0] == address)
        return same > _Protocol.per_address_cap

    # A connection that never completes a request (it sends nothing, or its headers a byte at a time) would
    # hold its file for ever: uvicorn times a connection out only between requests. Every ``request_timeout``
    # the connection must have a request in hand (a board's or a page's stream is one) or have begun a new
    # one since the last look; otherwise it is closed.
    def _arm(self, seen: object) -> None:
        self._deadline = self.loop.call_later(_Protocol.request_timeout, self._look, seen)

    def _look(self, seen: object) -> None:
        self._deadline = None
        if self.transport.is_closing():
            return
        cycle = self.cycle
        in_hand = cycle is not None and not cycle.response_complete
        if cycle is seen and not in_hand:
            self.transport.close()
            return
        self._arm(cycle)

    def connection_lost(self, exc: Exception | None) -> None:
        _Protocol.handshaking.discard(self)
        if getattr(self, "_deadline", None) is not None:
            self._deadline.cancel()  # type: ignore[union-attr]
            self._deadline = None
        super().connection_lost(exc)


class _Server(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        # The chair's app owns SIGINT and SIGTERM: uvicorn must not take them over.
        yield


class Room:
    """The web server of the chair's app, for one session at a time."""

    def __init__(self) -> None:
        self.feed: BoardFeed | None = None
        self.token = ""
        self.host = ""
        self.port = 0
        self._server: _Server | None = None
        self._task: asyncio.Task[None] | None = None
        self.members: MemberDesk | None = None  # the members' pages (room/members.py)
        self.https = False  # the chair's choice: serve with a certificate made on the laptop (room/tls.py)
        self.certificate: LaptopCertificate | None = None  # while open with HTTPS

    @property
    def is_open(self) -> bool:
        return self._server is not None

    @property
    def board_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}:{self.port}/board/{self.token}" if self.is_open else ""

    @property
    def scheme(self) -> str:
        return "https" if self.certificate is not None else "http"

    def build_app(self) -> Starlette:
        async def nothing(request: Request) -> Response:
            return not_found()

        routes = [
            *board_routes(lambda: self.feed, lambda: self.token),
            *member_routes(lambda: self.members),
            # Every method: otherwise a POST or OPTIONS without the token gets Starlette's "Method Not Allowed"
            # and an Allow header, which say what is served here (and which routes take a POST).
            Route("/{path:path}", nothing, methods=ANY_METHOD),
        ]
        return Starlette(routes=routes)

    async def open(self, service: SessionService, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> str:
        """Serve ``service``'s board on ``host``:``port`` (0: any free port); returns the board's link.

        Raises DomainError when the address cannot be served or the board's token cannot be kept (a
        read-only session); then nothing is served.
        """
        if self.is_open or self._task is not None:
            await self.close()  # (one closed a moment ago may still hold the port: wait for it to let go)
        token = board_token(service)
        self.certificate = None
        _Protocol.tls = None
        if self.https:
            try:
                self.certificate = laptop_certificate(host)
                # The room's own protocol makes the handshake (see _Protocol): uvicorn is given a plain socket.
                tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
                tls.load_cert_chain(self.certificate.path)
            except OSError as exc:
                self.certificate = None
                raise DomainError("room.error_certificate", detail=exc.strerror or str(exc)) from exc
            _Protocol.tls = tls
        sock = _listen(host, port)
        self.token, self.host, self.port = token, host, sock.getsockname()[1]
        self.feed = BoardFeed(service)
        self.feed.start(asyncio.get_running_loop())
        self.members = MemberDesk(service)
        _Protocol.cap = connection_cap()
        config = uvicorn.Config(
            self.build_app(),
            lifespan="off",
            log_config=None,
            access_log=False,
            ws="none",
            http=_Protocol,
            timeout_graceful_shutdown=1,
            server_header=False,  # an answer without the token says nothing, not even which server gave it
        )
        server = _Server(config)
        self._server = server
        self._task = asyncio.get_running_loop().create_task(server.serve(sockets=[sock]))
        async with asyncio.timeout(START_TIMEOUT_S):
            while not server.started and not self._task.done():
                await asyncio.sleep(0.005)
        if not server.started:
            await self.close()
            raise DomainError("room.error_start", address=host)
        return self.board_url

    def stop(self) -> None:
        """Begin closing at once, without waiting: every board's stream ends, the server stops listening."""
        if self.feed is not None:
            self.feed.close()
        if self.members is not None:
            self.members.close()
        for waiting in list(_Protocol.handshaking):  # not uvicorn's yet: it would not close them
            waiting.transport.close()
        if self._server is not None:
            self._server.should_exit = True
        self._server = None

    async def close(self) -> None:
        """Close the room and wait (a moment) until the server has stopped."""
        self.stop()
        task, self._task = self._task, None
        if task is not None:
            with contextlib.suppress(TimeoutError, asyncio.CancelledError, Exception):
                async with asyncio.timeout(STOP_TIMEOUT_S):
                    await task
        self.feed = None
        self.members = None
        self.token = ""

    def member_url(self, token: str) -> str:
        """The link of a member's page, for their QR code (the token from sessions/devices.py)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}:{self.port}/m/{token}" if self.is_open else ""


def _listen(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``:``port``, or DomainError saying why not."""
    try:
        ip = ipaddress.ip_address(host)
    except ValueError as exc:
        raise DomainError("room.error_address", address=host) from exc
    if ip.is_unspecified or ip.is_multicast:
        # Every interface at once (0.0.0.0) would serve the board where the chair did not choose to.
        raise DomainError("room.error_address", address=host)
    family = socket.AF_INET6 if ip.version == 6 else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(64)
        sock.setblocking(False)
    except OSError as exc:
        sock.close()
        key = "room.error_port" if exc.errno in (98, 48, 10048) else "room.error_address"
        raise DomainError(key, address=host, port=port, detail=exc.strerror or str(exc)) from exc
    return sock
