"""The board's routes: the page for the projector, its script and style, and its stream of views.

Everything is under ``/board/<token>``: without the session's token every address answers 404 with an
empty body, so someone on the same network who lacks the link learns nothing, not even that a board is
served here. The stream is server-sent events: the current view at once, then each change, numbered;
the browser reconnects by itself and gets the current view again.
"""

from __future__ import annotations

import asyncio
import hmac
import json
from collections.abc import AsyncIterator, Callable
from importlib.resources import files

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from room.feed import CLOSED, BoardFeed

HEARTBEAT_S = 15.0  # a comment line this often, so that a board whose network went away is noticed
RETRY_MS = 1000  # how soon a browser reconnects after the stream breaks
STATIC = {
    "board.js": "text/javascript; charset=utf-8",
    "board.css": "text/css; charset=utf-8",
}
HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'",
}


def _static(name: str) -> bytes:
    return (files("room") / "static" / name).read_bytes()


def not_found() -> Response:
    """The one answer to anything without the right token: nothing about what is served here."""
    return Response(b"", status_code=404, headers={"Cache-Control": "no-store"})


def token_matches(given: str, token: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8", "replace"), token.encode("utf-8"))


def board_routes(feed: Callable[[], BoardFeed | None], token: Callable[[], str]) -> list[BaseRoute]:
    """Routes of the board; ``feed`` and ``token`` give the open room's (None and "" once it is closed)."""
    page = _static("board.html").decode("utf-8")
    assets = {name: _static(name) for name in STATIC}

    def allowed(request: Request) -> BoardFeed | None:
        current = feed()
        if current is None or current.closed or not token_matches(request.path_params["token"], token()):
            return None
        return current

    async def board_page(request: Request) -> Response:
        current = allowed(request)
        if current is None:
            return not_found()
        base = f"/board/{token()}"
        lang = "vi" if json.loads(current.latest.data).get("lang") == "vi" else "en"
        html = page.replace("{base}", base).replace("{lang}", lang)
        return Response(html, media_type="text/html; charset=utf-8", headers=HEADERS)

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if allowed(request) is None or name not in assets:
            return not_found()
        return Response(assets[name], media_type=STATIC[name], headers=HEADERS)

    async def events(request: Request) -> Response:
        current = allowed(request)
        if current is None:
            return not_found()
        headers = {**HEADERS, "X-Accel-Buffering": "no"}
        return StreamingResponse(_stream(current), media_type="text/event-stream", headers=headers)

    return [
        Route("/board/{token}", board_page),
        Route("/board/{token}/events", events),
        Route("/board/{token}/{name}", asset),
    ]


async def _stream(feed: BoardFeed) -> AsyncIterator[str]:
    queue = feed.listen()
    try:
        yield f"retry: {RETRY_MS}\n\n"
        while True:
            try:
                update = await asyncio.wait_for(queue.get(), HEARTBEAT_S)
            except TimeoutError:
                yield ": still here\n\n"
                continue
            if update is CLOSED:
                return
            # One line of JSON (json.dumps escapes newlines), numbered so that a board sees the order.
            yield f"id: {update.number}\nevent: board\ndata: {update.data}\n\n"
    finally:
        feed.leave(queue)
