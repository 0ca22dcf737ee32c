"""Members' pages: each member's phone follows the meeting and votes through their personal link.

Everything is under ``/m/<token>``; a token that is not a member's answers 404 with an empty body, as the
board does, and a client that keeps trying bad tokens is made to wait (429) before it may try again.
The page follows the meeting through server-sent events (one stream per member, their own view); a
ballot or a sheet is a POST of JSON with the page's anti-forgery value in a header (a form on another
site can send neither that header nor JSON without the browser asking first, which is never allowed),
refused when the browser says it comes from another site. A body is read up to ``BODY_MAX`` bytes only.

The phone is told "received" only once the service has written the vote (fsynced). For a secret ballot
or a sheet the answer is the same whatever the choice; nothing of a request is logged (the server
keeps no access log) and the body is dropped with the request.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import hashlib
import hmac
import json
import time
from collections.abc import AsyncIterator, Callable
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from models.errors import DomainError
from models.i18n import t
from room.board import HEADERS, HEARTBEAT_S, RETRY_MS, not_found
from room.feed import CLOSED, BoardFeed
from sessions.devices import Ballot, Outcome, member_devices, token_hash
from sessions.member_page import member_view

if TYPE_CHECKING:
    from sessions.devices import MemberDevices
    from sessions.service import SessionService

BODY_MAX = 16_384  # bytes: a full sheet with its longest comment is under 9 KB
BODY_TIMEOUT_S = 10.0  # a ballot's body must arrive within this once its headers have
CSRF_HEADER = "x-council-csrf"
BAD_TRIES = 10  # bad tokens a client may send within BAD_WINDOW_S ...
BAD_WINDOW_S = 60.0
WAIT_S = 60.0  # ... before it must wait this long
TRACKED_CLIENTS = 1024  # the limiter remembers at most this many addresses (the oldest are forgotten)
STATIC = {
    "member.js": "text/javascript; charset=utf-8",
    "member.css": "text/css; charset=utf-8",
}
PAGE_HEADERS = {
    **HEADERS,
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
}


class BadTokens:
    """Counts bad tokens per client address; after ``BAD_TRIES`` different ones in a window the client waits
    ``WAIT_S``. The same bad token sent again is not another guess: it is a stale link (the old page of a
    reissued link, still open in a tab, reconnects every few seconds), and counting it would lock that
    phone out of its new link."""

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self.now = now
        self._tries: collections.OrderedDict[str, collections.deque[tuple[float, bytes]]] = collections.OrderedDict()
        self._until: dict[str, float] = {}

    def waiting(self, client: str) -> bool:
        until = self._until.get(client)
        if until is None:
            return False
        if self.now() >= until:
            del self._until[client]
            self._tries.pop(client, None)
            return False
        return True

    def bad(self, client: str, token: str = "") -> None:
        now = self.now()
        # Only a short digest of the wrong token is kept, to know it again (never the token itself).
        seen = hashlib.sha256(token.encode("utf-8", "replace")).digest()[:8]
        tries = self._tries.pop(client, None) or collections.deque(maxlen=BAD_TRIES)
        if not any(digest == seen and now - when <= BAD_WINDOW_S for when, digest in tries):
            tries.append((now, seen))
        self._tries[client] = tries  # most recent last
        while len(self._tries) > TRACKED_CLIENTS:
            self._tries.popitem(last=False)
        if len(tries) >= BAD_TRIES and now - tries[0][0] <= BAD_WINDOW_S:
            self._until[client] = now + WAIT_S
            if len(self._until) > TRACKED_CLIENTS:
                self._until.pop(next(iter(self._until)))


MEMBER_DELAY_S = 0.02  # a member's page is rebuilt at most this often: a burst of 30 votes costs one rebuild


class MemberFeed(BoardFeed):
    """One member's feed: like the board's, but a burst of changes (30 phones voting) is one rebuild."""

    def _changed(self) -> None:
        if self._pending or self._loop is None or self.closed:
            return
        self._pending = True
        self._loop.call_later(MEMBER_DELAY_S, self.refresh)


class MemberDesk:
    """The members' side of an open room: their links, their feeds, who is connected."""

    def __init__(self, service: SessionService, now: Callable[[], float] = time.monotonic) -> None:
        self.service = service
        self.devices: MemberDevices = member_devices(service)
        self.limiter = BadTokens(now)
        self.closed = False
        self._feeds: dict[str, BoardFeed] = {}
        self._connected: collections.Counter[str] = collections.Counter()
        self._queue: list[tuple[Ballot, asyncio.Future[Outcome | DomainError]]] = []
        self._flush_planned = False
        # The chair's screens: a vote came from a phone, or who is connected changed.
        self.on_change: list[Callable[[], None]] = []
        self.devices.on_issue.append(self._reissued)

    # --- who
    def member_for(self, request: Request) -> str | None:
        """The member whose link this request carries; counts a bad token against the client."""
        member = self.devices.member_for(request.path_params["token"])
        if member is None:
            self.limiter.bad(_client(request), request.path_params["token"])
        return member

    def csrf(self, token: str) -> str:
        """The page's anti-forgery value: made from the link's hash, so it holds across restarts."""
        return hmac.new(token_hash(token), b"council-csrf", hashlib.sha256).hexdigest()

    @property
    def connected(self) -> list[str]:
        """Members whose page is open now, in seat order."""
        return [m.id for m in self.service.record.members if self._connected[m.id] > 0]

    def _tell(self) -> None:
        for listener in list(self.on_change):
            with contextlib.suppress(Exception):
                listener()

    # --- feeds
    def feed(self, member_id: str) -> BoardFeed:
        found = self._feeds.get(member_id)
        if found is None or found.closed:
            found = MemberFeed(self.service, view=lambda _service: member_view(self.devices, member_id))
            found.start(asyncio.get_running_loop())
            self._feeds[member_id] = found
        return found

    def joined(self, member_id: str) -> None:
        self._connected[member_id] += 1
        self._tell()

    def left(self, member_id: str) -> None:
        self._connected[member_id] -= 1
        if self._connected[member_id] <= 0:
            del self._connected[member_id]
        self._tell()

    # --- ballots: those that arrive together are written together (one fsync for a burst of phones)
    async def submit(self, ballot: Ballot) -> Outcome:
        """Queue ``ballot`` for the next write and wait until it is durable (or refused)."""
        loop = asyncio.get_running_loop()
        done: asyncio.Future[Outcome | DomainError] = loop.create_future()
        self._queue.append((ballot, done))
        if not self._flush_planned:
            self._flush_planned = True
            loop.call_soon(self._flush)
        result = await done
        if isinstance(result, DomainError):
            raise result
        return result

    def _flush(self) -> None:
        self._flush_planned = False
        batch, self._queue = self._queue, []
        if not batch:
            return
        try:
            results: list[Outcome | DomainError] = self.devices.record_many([b for b, _ in batch])
        except Exception:  # never acknowledged: every phone of the batch is told to try again
            results = [DomainError("page.error_internal")] * len(batch)
        for (_, done), result in zip(batch, results, strict=True):
            if not done.done():
                done.set_result(result)
        if Outcome.RECORDED in results:
            self._tell()

    def _reissued(self, member_id: str) -> None:
        # The old link stops working: its page's stream ends now, a new feed serves the new link.
        feed = self._feeds.pop(member_id, None)
        if feed is not None:
            feed.close()

    def close(self) -> None:
        """The room closes: every member's stream ends."""
        self.closed = True
        with contextlib.suppress(ValueError):
            self.devices.on_issue.remove(self._reissued)
        for feed in self._feeds.values():
            feed.close()
        self._feeds.clear()


def _client(request: Request) -> str:
    return request.client.host if request.client else "?"


def _static(name: str) -> bytes:
    return (files("room") / "static" / name).read_bytes()


def _answer(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"message": message, **extra}, status_code=status, headers=HEADERS)


def member_routes(desk: Callable[[], MemberDesk | None]) -> list[BaseRoute]:
    """Routes of the members' pages; ``desk`` gives the open room's (None once it is closed)."""
    page = _static("member.html").decode("utf-8")
    assets = {name: _static(name) for name in STATIC}

    def allowed(request: Request) -> tuple[MemberDesk, str] | Response:
        current = desk()
        if current is None:
            return not_found()
        if current.limiter.waiting(_client(request)):
            return Response(
                b"", status_code=429, headers={"Cache-Control": "no-store", "Retry-After": str(int(WAIT_S))}
            )
        member = current.member_for(request)
        if member is None:
            return not_found()
        if current.closed:
            # The room is closing (the chair may be opening it again): the link is still the member's. A 404
            # would tell the page its link was replaced, and the page would stop for good (member.js).
            return Response(b"", status_code=503, headers={"Cache-Control": "no-store", "Retry-After": "5"})
        return current, member

    async def member_page(request: Request) -> Response:
        found = allowed(request)
        if isinstance(found, Response):
            return found
        current, member_id = found
        token = request.path_params["token"]
        view = member_view(current.devices, member_id)
        html = (
            page.replace("{base}", f"/m/{token}")
            .replace("{lang}", view["lang"])
            .replace("{csrf}", current.csrf(token))
            .replace("{title}", t("page.title"))
        )
        return Response(html, media_type="text/html; charset=utf-8", headers=PAGE_HEADERS)

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        found = allowed(request)
        if isinstance(found, Response):
            return found
        if name not in assets:
            return not_found()
        return Response(assets[name], media_type=STATIC[name], headers=HEADERS)

    async def events(request: Request) -> Response:
        found = allowed(request)
        if isinstance(found, Response):
            return found
        current, member_id = found
        headers = {**HEADERS, "X-Accel-Buffering": "no"}
        return StreamingResponse(_stream(current, member_id), media_type="text/event-stream", headers=headers)

    async def submit(request: Request) -> Response:
        found = allowed(request)
        if isinstance(found, Response):
            return found
        current, member_id = found
        refusal = _forged(request, current)
        if refusal is not None:
            return refusal
        body = await _read_json(request)
        if isinstance(body, Response):
            return body
        try:
            poll_id = body.get("poll_id")
            if not isinstance(poll_id, str):
                raise DomainError("device.poll_unknown")
            if request.path_params["kind"] == "vote":
                ballot = Ballot(member_id, poll_id, choice=str(body.get("choice", "")))
            else:
                ballot = Ballot(
                    member_id, poll_id, scores=body.get("scores"), comment=body.get("comment", ""), is_sheet=True
                )
            body = None  # the ballot's plaintext goes with the write
            outcome = await current.submit(ballot)
        except DomainError as error:
            return _answer(409, str(error), ok=False)
        except Exception:  # never a traceback to a phone; the vote was not acknowledged
            return _answer(500, t("page.error_internal"), ok=False)
        finally:
            body = None  # the ballot's plaintext goes with the request
        key = "page.already" if outcome == Outcome.ALREADY else "page.recorded"
        return _answer(200, t(key), ok=True, outcome=outcome.value)

    return [
        Route("/m/{token}", member_page),
        Route("/m/{token}/events", events),
        Route("/m/{token}/{kind:str}", submit, methods=["POST"], name="member_submit"),
        Route("/m/{token}/{name}", asset),
    ]


def _forged(request: Request, desk: MemberDesk) -> Response | None:
    """A refusal when the request may come from another site's page (cross-site forgery); None when not."""
    if request.path_params["kind"] not in ("vote", "sheet"):
        return not_found()
    given = request.headers.get(CSRF_HEADER, "")
    expected = desk.csrf(request.path_params["token"])
    if not hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode("ascii")):
        return _answer(403, t("page.error_forged"), ok=False)
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return _answer(403, t("page.error_forged"), ok=False)
    origin = request.headers.get("origin")
    host = request.headers.get("host", "")
    if origin is not None and origin not in (f"http://{host}", f"https://{host}"):
        return _answer(403, t("page.error_forged"), ok=False)
    if not request.headers.get("content-type", "").startswith("application/json"):
        return _answer(415, t("page.error_body"), ok=False)
    return None


async def _read_json(request: Request) -> dict[str, Any] | Response:
    """The body as a JSON object, read up to ``BODY_MAX`` bytes; an answer saying what is wrong otherwise."""
    length = request.headers.get("content-length")
    if length is not None and (not length.isdigit() or int(length) > BODY_MAX):
        return _answer(413, t("page.error_too_big"), ok=False)
    chunks: list[bytes] = []
    size = 0
    try:
        # A body that never comes would hold the connection and its file for ever (a phone's is under 9 KB).
        async with asyncio.timeout(BODY_TIMEOUT_S):
            async for chunk in request.stream():
                size += len(chunk)
                if size > BODY_MAX:
                    return _answer(413, t("page.error_too_big"), ok=False)
                chunks.append(chunk)
    except ClientDisconnect:
        return _answer(400, t("page.error_body"), ok=False)
    except TimeoutError:
        return _answer(408, t("page.error_slow"), ok=False)
    try:
        body = json.loads(b"".join(chunks).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return _answer(400, t("page.error_body"), ok=False)
    if not isinstance(body, dict):
        return _answer(400, t("page.error_body"), ok=False)
    return body


async def _stream(desk: MemberDesk, member_id: str) -> AsyncIterator[str]:
    feed = desk.feed(member_id)
    queue = feed.listen()
    desk.joined(member_id)
    try:
        yield f"retry: {RETRY_MS}\n\n"
        while True:
            try:
                update = await asyncio.wait_for(queue.get(), HEARTBEAT_S)
            except TimeoutError:
                yield ": still here\n\n"
                continue
            if update is CLOSED:
                yield "event: closed\ndata: {}\n\n"
                return
            yield f"id: {update.number}\nevent: member\ndata: {update.data}\n\n"
    finally:
        feed.leave(queue)
        desk.left(member_id)
